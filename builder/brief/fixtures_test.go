package brief

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/markdown"
)

var quotes = map[string]markdown.Quotes{
	"hu": {Open: "„", Close: "”", OpenSingle: "»", CloseSingle: "«"},
	"sk": {Open: "„", Close: "“", OpenSingle: "‚", CloseSingle: "‘"},
	"en": {Open: "“", Close: "”", OpenSingle: "‘", CloseSingle: "’"},
}

// fixture is one test document: its language, title and a phrase of its body.
type fixture struct {
	lang, title, phrase string
}

var fixtures = []fixture{
	{"hu", "Szegregátumok felszámolása Őrbottyánban", "Árvíztűrő tükörfúrógép"},
	{"sk", "Komunitný rozvoj v Ďurkove", "ľudia, ĺ, ň, ŕ, ť, ž, č, ď, ô, ä"},
	{"en", "Neighbourhood regeneration in Pécs", "housing, employment and education measures"},
}

var langNames = map[string]string{"hu": "Magyar", "sk": "Slovenčina", "en": "English"}

// loadDoc parses testdata/<lang>.md into a Document.
func loadDoc(t testing.TB, f fixture) *Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", f.lang+".md"))
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{Quotes: quotes[f.lang]})
	d := &Document{
		Meta: Meta{
			Lang: f.lang, LanguageName: langNames[f.lang], SiteTitle: "4IM Project",
			Title: f.title, TypeLabel: "Case study",
			Summary:  "How a municipality, NGOs and residents worked together on " + f.title + ", and what other cities can learn from it.",
			Authors:  []string{"Kovács Éva", "Ján Novák"},
			Partners: []string{"Municipality of Pécs", "Človek v ohrození"},
			Keywords: []string{"desegregation", "housing"},
			Date:     time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC), DateText: "2024-05-31",
			URL:     "https://example.eu/" + f.lang + "/case-studies/x/",
			Funding: "This project is funded by the European Union. Views and opinions expressed are those of the authors only.",
			Licence: "CC BY 4.0",
			Indicators: []Indicator{
				{"Employment rate", "34%", "50%"}, {"Early school leaving", "21%", "10%"},
			},
		},
		Body:    md.Parse(f.lang+".md", src, 1),
		BaseURL: "https://example.eu/",
		ReadFile: func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
		},
	}
	return d
}

var sharedEngine *Engine

func engine(t testing.TB) *Engine {
	t.Helper()
	if sharedEngine == nil {
		e, err := NewEngine()
		if err != nil {
			t.Fatal(err)
		}
		sharedEngine = e
	}
	return sharedEngine
}

package register

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/status"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// site makes a small resolved site by hand: one document in three
// languages (English the source, Hungarian made from it as it is, Slovak
// from an older text), a draft, an about page, and one titled so that a
// spreadsheet would run it. Resolve is not run: the register reads only
// what it produced.
func site(t *testing.T, periods string) *resolve.Site {
	t.Helper()
	cfg, diags := config.Parse("site.yaml", []byte("title: {en: T, hu: T, sk: T}\nbaseURL: https://x.org/sub/\n"+
		"languages: [{code: en, name: English}, {code: hu, name: Magyar}, {code: sk, name: Slovenčina}]\n"+periods))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	s := &resolve.Site{Config: cfg, BasePath: "/sub/"}
	day := func(d string) time.Time { x, _ := time.Parse("2006-01-02", d); return x }
	page := func(key, lang, typ, title, date string, body string, from string) *resolve.Page {
		p := &resolve.Page{Kind: resolve.KindDocument, Lang: lang, Key: key, URL: "/sub/" + lang + "/" + key + "/",
			Title: title, Date: day(date), Translations: map[string]*resolve.Page{},
			Doc:  &content.Doc{Rel: key + "." + lang + ".md", Lang: lang, Body: []byte(body)},
			Meta: &schema.Meta{Type: typ, Title: title, Date: day(date), TranslatedFrom: from, Partners: []string{"AEIDL", "City " + lang}}}
		s.Docs = append(s.Docs, p)
		return p
	}
	en := page("guides/survey", "en", schema.Guide, "Survey", "2022-02-01", "Ask.\n", "")
	hu := page("guides/survey", "hu", schema.Guide, "Felmérés", "2022-05-02", "Kérdezz.", status.Hash([]byte("Ask.\r\n")))
	sk := page("guides/survey", "sk", schema.Guide, "Prieskum", "2022-05-03", "Pýtaj sa.", "0123456789ab")
	for _, p := range []*resolve.Page{en, hu, sk} {
		for _, q := range []*resolve.Page{en, hu, sk} {
			if p != q {
				p.Translations[q.Lang] = q
			}
		}
	}
	draft := page("news/draft", "en", schema.News, "Draft", "2022-03-01", "x", "")
	draft.Meta.Draft = true
	page("about", "en", schema.Page, "About", "2021-01-01", "x", "")
	page("news/formula", "en", schema.News, "=1+2", "2023-01-10", "x", "")
	return s
}

// TestBuild checks the rows, the translation states and every count.
func TestBuild(t *testing.T) {
	s := site(t, "")
	reg := Build(Input{Site: s, Downloads: resolve.Downloads{s.Docs[0]: {
		{Kind: "brief", URL: "/sub/en/guides/survey/survey-en.pdf", Pages: 4, Size: 1234}}}})
	type row struct{ key, lang, period, state, langs, brief string }
	var got []row
	for _, r := range reg.Rows {
		got = append(got, row{r.Key, r.Lang, r.Period, r.State, strings.Join(r.Languages, " "), r.BriefURL})
	}
	want := []row{
		{"guides/survey", "en", "2022-Q1", Source, "en hu sk", "https://x.org/sub/en/guides/survey/survey-en.pdf"},
		{"guides/survey", "hu", "2022-Q2", Current, "en hu sk", ""},
		{"guides/survey", "sk", "2022-Q2", Stale, "en hu sk", ""},
		{"news/formula", "en", "2023-Q1", Source, "en", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("rows:\n%v\nwant\n%v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if reg.Rows[2].Complete || !reg.Rows[1].Complete || reg.Rows[0].Pages != 4 || reg.Rows[0].Size != 1234 {
		t.Errorf("complete or brief cells wrong: %+v", reg.Rows[:3])
	}
	tl := reg.ByTypeLang()
	if len(tl) != 2 || tl[0].Type != schema.Guide || tl[0].Docs != 1 || tl[0].ByLang[2] != 1 || tl[1].Type != schema.News || tl[1].ByLang[1] != 0 {
		t.Errorf("ByTypeLang = %+v", tl)
	}
	// Hungarian names where the document has them, English where it has no Hungarian.
	partners := reg.ByPartner("hu")
	if len(partners) != 2 || partners[0] != (Count{"AEIDL", 2}) || partners[1] != (Count{"City hu", 1}) {
		// news/formula has only English: its partners are "AEIDL", "City en".
		if len(partners) != 3 || partners[0] != (Count{"AEIDL", 2}) || partners[1] != (Count{"City en", 1}) || partners[2] != (Count{"City hu", 1}) {
			t.Errorf("ByPartner(hu) = %+v", partners)
		}
	}
	periods, outside := reg.ByPeriod()
	if len(periods) != 5 || periods[0] != (Count{"2022-Q1", 1}) || periods[4] != (Count{"2023-Q1", 1}) || outside != 0 {
		t.Errorf("ByPeriod = %+v, %d", periods, outside)
	}
	// Configured periods: the document counts in the period of its source's date.
	reg = Build(Input{Site: site(t, "reportingPeriods: [{name: RP1, start: 2022-01-01, end: 2022-03-31}, {name: RP2, start: 2022-04-01, end: 2022-12-31}]\n")})
	periods, outside = reg.ByPeriod()
	if len(periods) != 2 || periods[0] != (Count{"RP1", 1}) || periods[1] != (Count{"RP2", 0}) || outside != 1 {
		t.Errorf("ByPeriod with periods = %+v, %d", periods, outside)
	}
}

// TestCSVInjection checks that every cell a spreadsheet could run is
// neutralised in the CSV, read back by a CSV reader, and that the XLSX
// keeps the title as written, as text.
func TestCSVInjection(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"=1+2", "'=1+2"},
		{"+1", "'+1"},
		{"-1 chance", "'-1 chance"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+2", "'＝1+2"},
		{`=HYPERLINK("https://evil.example/","x")`, `'=HYPERLINK("https://evil.example/","x")`},
		{"A = B", "A = B"},
		{`Say "hi", twice`, `Say "hi", twice`},
		{"two\nlines", "two\nlines"},
		{"Öt év – a 4IM", "Öt év – a 4IM"},
	} {
		s := site(t, "")
		s.Docs[len(s.Docs)-1].Meta.Title = c.title
		reg := Build(Input{Site: s})
		data := reg.CSV()
		if !bytes.HasPrefix(data, []byte("\uFEFF")) || !bytes.Contains(data, []byte("\r\n")) {
			t.Fatalf("no byte-order mark or CRLF")
		}
		recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatalf("%q: %v", c.title, err)
		}
		last := recs[len(recs)-1]
		if last[3] != c.want {
			t.Errorf("CSV title cell of %q = %q, want %q", c.title, last[3], c.want)
		}
		x, err := reg.XLSX()
		if err != nil {
			t.Fatal(err)
		}
		f, _ := workbook(t, x)
		cell := "D" + itoa(len(recs))
		v, _ := f.GetCellValue(SheetRegister, cell)
		formula, _ := f.GetCellFormula(SheetRegister, cell)
		typ, _ := f.GetCellType(SheetRegister, cell)
		if v != c.title || formula != "" || typ != excelize.CellTypeInlineString {
			t.Errorf("XLSX %s of %q: value %q, formula %q, type %v", cell, c.title, v, formula, typ)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestChartGolden compares the SVG of a chart with testdata/chart.svg: a
// title and description named by aria-labelledby, a label wrapped to
// fit 320 px, markup escaped, a bar against its target, a zero.
func TestChartGolden(t *testing.T) {
	svg := string(Chart{ID: "c1", Title: "Outputs <by> partner", Desc: "Documents naming each partner & more.",
		Bars: []Bar{
			{Label: "Miskolc Megyei Jogú Város Önkormányzata Szociális Osztálya", Value: 14, Text: "14"},
			{Label: `AEIDL "Brussels"`, Value: 3.5, Text: "3,5"},
			{Label: "Nobody", Value: 0, Text: "0"},
			{Label: "Staff", Value: 50, Target: 100, Text: "1 of 2 (50%)"},
		}}.SVG())
	golden := "testdata/chart.svg"
	if *update {
		if err := os.WriteFile(golden, []byte(svg+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if svg+"\n" != string(want) {
		t.Errorf("chart differs from %s (go test -update after checking):\n%s", golden, svg)
	}
	for _, must := range []string{`role="img"`, `aria-labelledby="c1-title c1-desc"`, `<title id="c1-title">Outputs &lt;by&gt; partner</title>`,
		`<desc id="c1-desc">`, `&#34;Brussels&#34;`} {
		if !strings.Contains(svg, must) {
			t.Errorf("chart lacks %s", must)
		}
	}
	if strings.Contains(svg, "<script") || strings.Contains(svg, "style=") {
		t.Error("chart has a script or a style attribute")
	}
}

// TestParseNumber reads indicator values as each language writes them.
func TestParseNumber(t *testing.T) {
	en := i18n.NumberFormat{Decimal: ".", Group: ","}
	hu := i18n.NumberFormat{Decimal: ",", Group: "\u00a0"}
	for _, c := range []struct {
		s    string
		nf   i18n.NumberFormat
		want float64
		ok   bool
	}{
		{"3 people", en, 3, true},
		{"1,200 people", en, 1200, true},
		{"80.5%", en, 80.5, true},
		{"80,5 %", hu, 80.5, true},
		{"1 200 fő", hu, 1200, true},
		{"1\u00a0200 fő", hu, 1200, true},
		{"more than 80%", en, 80, true},
		{"3 people.", en, 3, true},
		{"−5 points", en, -5, true},
		{"none yet", en, 0, false},
		{"", en, 0, false},
	} {
		got, ok := ParseNumber(c.s, c.nf)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

// TestDeterministic makes every export twice: the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := Build(Input{Site: site(t, "")}), Build(Input{Site: site(t, "")})
	xa, err := a.XLSX()
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // a clock that ticked would show in the file
	xb, _ := b.XLSX()
	if !bytes.Equal(a.CSV(), b.CSV()) || !bytes.Equal(a.JSON(), b.JSON()) || !bytes.Equal(xa, xb) {
		t.Error("the same register gave different bytes")
	}
}

// TestJSONStrings checks that texts with quotes, control characters, line
// separators and broken UTF-8 make valid JSON that reads back as written
// (broken bytes as U+FFFD).
func TestJSONStrings(t *testing.T) {
	for _, title := range []string{`"quoted" \ back`, "tab\tand\x01ctl", "line\u2028sep", "bad\xffbyte", "Öt év – „idézet”"} {
		s := site(t, "")
		s.Docs[len(s.Docs)-1].Meta.Title = title
		data := Build(Input{Site: s}).JSON()
		var got struct {
			Rows []struct{ Title string } `json:"rows"`
		}
		if err := json.Unmarshal(data, &got); err != nil {
			t.Fatalf("%q: %v\n%s", title, err, data)
		}
		if want := strings.ToValidUTF8(title, "\uFFFD"); got.Rows[len(got.Rows)-1].Title != want {
			t.Errorf("title %q read back as %q", title, got.Rows[len(got.Rows)-1].Title)
		}
		if bytes.Contains(data, []byte("\u2028")) && !bytes.Contains(data, []byte(`\u2028`)) {
			t.Errorf("a raw U+2028 in the JSON")
		}
	}
}

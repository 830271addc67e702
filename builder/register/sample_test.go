package register_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/site"
	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v4"
)

// sampleDoc is a sample document as the test reads it from its file,
// without dissem's loader.
type sampleDoc struct {
	key, lang, typ, title string
	date                  time.Time
	partners              []string
}

// walkSample reads every Markdown file of the sample site's content/ on
// its own: the language from the file name, the type from the folder, the
// front matter with a YAML decoder; drafts and top-level pages left out.
func walkSample(t *testing.T) []sampleDoc {
	t.Helper()
	types := map[string]string{"case-studies": "case-study", "guides": "guide", "policy-papers": "policy-paper",
		"events": "event-report", "news": "news", "press": "press-release", "toolkits": "toolkit"}
	var docs []sampleDoc
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel("../../content", p)
		rel = filepath.ToSlash(rel)
		dir, file := path.Split(rel)
		typ := types[strings.TrimSuffix(dir, "/")]
		if typ == "" {
			return nil // a page such as about
		}
		parts := strings.Split(strings.TrimSuffix(file, ".md"), ".")
		lang := "en"
		if len(parts) == 2 {
			lang = parts[1]
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		front := strings.SplitN(string(src), "---\n", 3)[1]
		var fm struct {
			Title    string    `yaml:"title"`
			Date     time.Time `yaml:"date"`
			Draft    bool      `yaml:"draft"`
			Partners []string  `yaml:"partners"`
		}
		if err := yaml.Unmarshal([]byte(front), &fm); err != nil {
			return fmt.Errorf("%s: %v", p, err)
		}
		if !fm.Draft {
			docs = append(docs, sampleDoc{dir + parts[0], lang, typ, fm.Title, fm.Date, fm.Partners})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 30 {
		t.Fatalf("read %d sample documents; is the sample site there?", len(docs))
	}
	return docs
}

// buildSample builds the sample site (no briefs, no search) into a new
// folder and returns it.
func buildSample(t *testing.T) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := site.Build(site.Options{Source: "../..", Dest: dest, NoBriefs: true, NoSearch: true,
		Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	return dest
}

// TestSampleRegister checks the sample site's register against the
// sample's files read by the test itself: the rows of the three exports,
// the counts by type and language, by partner and by quarter, and the
// totals on the page in each language.
func TestSampleRegister(t *testing.T) {
	docs := walkSample(t)
	dest := buildSample(t)

	// Rows: the same (document, language, type, title, date) in every export.
	want := map[string]bool{}
	for _, d := range docs {
		want[strings.Join([]string{d.key, d.lang, d.typ, d.title, d.date.Format("2006-01-02")}, "|")] = true
	}
	data, err := os.ReadFile(filepath.Join(dest, "register.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], register.Columns) {
		t.Errorf("CSV header %v", recs[0])
	}
	rowSet := func(name string, rows [][]string) {
		got := map[string]bool{}
		for _, r := range rows {
			got[strings.Join(r[:5], "|")] = true
		}
		if len(rows) != len(want) || len(got) != len(want) {
			t.Errorf("%s: %d rows, want %d", name, len(rows), len(want))
		}
		for k := range want {
			if !got[k] {
				t.Errorf("%s lacks %s", name, k)
			}
		}
	}
	rowSet("register.csv", recs[1:])

	var js struct {
		Rows   []map[string]any `json:"rows"`
		Counts struct {
			ByType    map[string]map[string]int `json:"by_type_and_language"`
			ByPartner map[string]map[string]int `json:"by_partner"`
			ByPeriod  map[string]int            `json:"by_period"`
		} `json:"counts"`
	}
	data, err = os.ReadFile(filepath.Join(dest, "register.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &js); err != nil {
		t.Fatal(err)
	}
	var jrows [][]string
	for _, r := range js.Rows {
		jrows = append(jrows, []string{r["document"].(string), r["language"].(string), r["type"].(string), r["title"].(string), r["date"].(string)})
	}
	rowSet("register.json", jrows)

	f, err := excelize.OpenFile(filepath.Join(dest, "register.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xrows, err := f.GetRows(register.SheetRegister)
	if err != nil {
		t.Fatal(err)
	}
	rowSet("register.xlsx", xrows[1:])

	// Counts, computed here from the files.
	byType := map[string]map[string]int{}
	keys := map[string][]sampleDoc{}
	for _, d := range docs {
		if byType[d.typ] == nil {
			byType[d.typ] = map[string]int{}
		}
		byType[d.typ][d.lang]++
		keys[d.key] = append(keys[d.key], d)
	}
	for k, ds := range keys {
		byType[ds[0].typ]["documents"]++
		_ = k
	}
	if fmt.Sprint(js.Counts.ByType) != fmt.Sprint(byType) {
		t.Errorf("by type and language:\n%v\nwant\n%v", js.Counts.ByType, byType)
	}
	pick := func(ds []sampleDoc, lang string) sampleDoc {
		for _, l := range []string{lang, "en", "hu", "sk"} {
			for _, d := range ds {
				if d.lang == l {
					return d
				}
			}
		}
		panic("no version")
	}
	for _, lang := range []string{"en", "hu", "sk"} {
		byPartner := map[string]int{}
		for _, ds := range keys {
			for _, p := range pick(ds, lang).partners {
				byPartner[p]++
			}
		}
		if fmt.Sprint(js.Counts.ByPartner[lang]) != fmt.Sprint(byPartner) {
			t.Errorf("by partner (%s):\n%v\nwant\n%v", lang, js.Counts.ByPartner[lang], byPartner)
		}
	}
	byQuarter := map[string]int{}
	for _, ds := range keys {
		d := pick(ds, "en").date
		byQuarter[fmt.Sprintf("%d-Q%d", d.Year(), (int(d.Month())+2)/3)]++
	}
	for q, n := range js.Counts.ByPeriod {
		if n == 0 {
			delete(js.Counts.ByPeriod, q)
		}
	}
	if fmt.Sprint(js.Counts.ByPeriod) != fmt.Sprint(byQuarter) {
		t.Errorf("by quarter:\n%v\nwant\n%v", js.Counts.ByPeriod, byQuarter)
	}

	// The page in each language says the totals in its words.
	for lang, total := range map[string]string{
		"en": fmt.Sprintf("%d documents, %d language versions.", len(keys), len(docs)),
		"hu": fmt.Sprintf("%d dokumentum, %d nyelvi változat.", len(keys), len(docs)),
		"sk": fmt.Sprintf("%d dokumentov, %d jazykových verzií.", len(keys), len(docs)),
	} {
		page, err := os.ReadFile(filepath.Join(dest, lang, "register", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		// The UI strings keep a number and its noun together (no-break space).
		if !strings.Contains(strings.ReplaceAll(string(page), "\u00a0", " "), total) {
			i := strings.Index(string(page), "register-total")
			t.Errorf("%s/register/ does not say %q: %.120s", lang, total, string(page[max(i, 0):]))
		}
		if n := len(regexp.MustCompile(`<svg class="chart" role="img"`).FindAll(page, -1)); n != 4 {
			t.Errorf("%s/register/ has %d charts, want 4 (types, partners, periods, indicators)", lang, n)
		}
	}
}

// TestSampleDeterministic builds the sample twice: the exports are the same bytes.
func TestSampleDeterministic(t *testing.T) {
	a, b := buildSample(t), buildSample(t)
	for _, name := range []string{"register.csv", "register.json", "register.xlsx", "en/register/index.html", "sk/reuse/index.html"} {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

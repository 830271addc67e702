package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixedNow keeps publish dates from depending on the day the test runs.
var fixedNow = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

func buildTestSite(t *testing.T, minify bool) (*Result, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: "testdata/site", Dest: dest, Now: fixedNow, NoMinify: !minify, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("unexpected errors:\n%s", res.Diags)
	}
	return res, dest
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestBuildSmallSite(t *testing.T) {
	res, dest := buildTestSite(t, true)
	if res.Languages != 3 || res.Pages == 0 {
		t.Fatalf("result = %+v", res)
	}
	tests := []struct {
		file     string
		contains []string
		absent   []string
	}{
		{"index.html", []string{`href="/en/"`, `href="/hu/"`, `href="/sk/"`, `lang="hu"`}, nil},
		{"en/guides/survey/index.html", []string{
			`<html lang="en">`,
			`hreflang="hu" href="https://example.org/hu/guides/survey/"`,
			`hreflang="sk" href="https://example.org/sk/guides/survey/"`,
			`hreflang="x-default" href="https://example.org/en/guides/survey/"`,
			`“open” questions – and listen`,
			`href="/en/guides/coaching/"`,
			`href="/en/case-studies/tetemvar/"`,
			`href="/media/guides/questions.csv"`,
			`id="the-method"`,
			`href="#who-takes-part"`, // table of contents
			`<table>`,
			`role="doc-endnotes"`,
			`rel="next"`,
			`href="/en/toolkits/kit/"`,
			`href="/en/topics/participation/"`,
		}, nil},
		{"hu/guides/survey/index.html", []string{`<html lang="hu">`, `„nyitott”`, `href="/hu/guides/coaching/"`, `id="kozossegi-coaching"`, `2024. május 31.`}, nil},
		{"sk/guides/survey/index.html", []string{`„otvorené“`, `31. mája 2024`}, // coaching has no Slovak translation: its link falls back to English.
			nil},
		{"en/guides/coaching/index.html", []string{
			`Raw &lt;b`, // escaped; the minifier may leave ">" bare
			`aria-label="done"`,
			`href="/en/guides/coaching/#not-in-sk"`, // switcher: no Slovak translation, a notice in Slovak
			`id="not-in-sk" class="notice" role="note" tabindex="-1" lang="sk"`,
		}, []string{`rel="alternate" hreflang="sk"`, `<b>HTML`}},
		{"sk/index.html", []string{`id="untranslated"`}, nil},
		{"en/about/index.html", []string{`href="/en/guides/survey/"`, `href="/en/guides/survey/#the-method"`}, nil},
		{"en/case-studies/tetemvar/index.html", []string{`Households reached`, `30 November 2021`, `31 May 2024`, `Miskolc, Hungary`}, nil},
		{"en/toolkits/kit/index.html", []string{`href="/en/guides/survey/"`, `href="/en/guides/coaching/"`}, nil},
		{"en/index.xml", []string{`<rss version="2.0"`, `<link>https://example.org/en/guides/survey/</link>`}, []string{"Not yet"}},
		{"sitemap.xml", []string{`<loc>https://example.org/hu/guides/survey/</loc>`, `hreflang="sk"`}, nil},
		{"en/search/meta.json", []string{`"lang":"en"`}, nil},
		{"en/search/s/hou.json", []string{`"The household survey","/en/guides/survey/"`}, nil},
		{"404.html", []string{`Page not found`}, nil},
		{"media/guides/questions.csv", []string{"How many people"}, nil},
		{"en/case-studies/tetemvar/index.html", []string{`href="/en/case-studies/tetemvar/tetemvar-en.pdf"`, "(English, PDF, 2\u00a0pages, "}, nil}, // a cover, then the text
		{"en/guides/survey/index.html", []string{`href="/media/guides/questions.csv" download`, `href="/en/guides/survey/survey-en.pdf"`}, nil},
		{"en/toolkits/kit/index.html", []string{`href="/en/toolkits/kit/kit-en.pdf"`, `href="/en/toolkits/kit/kit-en-kit.zip"`}, nil},
		{"en/downloads/index.html", []string{`survey-en.pdf`, `kit-en-kit.zip`}, nil},
		{"en/toolkits/kit/kit-en.pdf", []string{"%PDF-"}, nil},
	}
	for _, tt := range tests {
		got := read(t, dest, tt.file)
		for _, want := range tt.contains {
			if !strings.Contains(got, want) {
				t.Errorf("%s does not contain %q", tt.file, want)
			}
		}
		for _, no := range tt.absent {
			if strings.Contains(got, no) {
				t.Errorf("%s contains %q", tt.file, no)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "en/news/not-yet")); err == nil {
		t.Error("a draft was published")
	}
	if _, err := os.Stat(filepath.Join(dest, "en/news/draft")); err == nil {
		t.Error("a draft was published")
	}
	// Fingerprinted assets.
	css, _ := filepath.Glob(filepath.Join(dest, "css", "site.*.css"))
	if len(css) != 1 {
		t.Errorf("fingerprinted CSS = %v", css)
	}
}

func TestDraftsFlag(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: "testdata/site", Dest: dest, Now: fixedNow, Drafts: true, CacheDir: t.TempDir()})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if _, err := os.Stat(filepath.Join(dest, "en/news/draft/index.html")); err != nil {
		t.Error("--drafts did not publish the draft")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	_, a := buildTestSite(t, true)
	_, b := buildTestSite(t, true)
	filesA := walk(t, a)
	filesB := walk(t, b)
	if len(filesA) != len(filesB) {
		t.Fatalf("%d files vs %d", len(filesA), len(filesB))
	}
	for name, data := range filesA {
		if !bytes.Equal(data, filesB[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func walk(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestFailedBuildWritesNothing(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := os.MkdirAll(dest, 0o755); err != nil {
		t.Fatal(err)
	}
	marker := filepath.Join(dest, "previous.html")
	if err := os.WriteFile(marker, []byte("old site"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(Options{Source: "testdata/broken", Dest: dest, Now: fixedNow, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`testdata/broken/content/news/bad.en.md:4:7: field "date": want a date like 2024-05-31, got "May 2024"`,
		`testdata/broken/content/news/bad.en.md:5:9: field "topics": want a list like ["a", "b"], got "housing"`,
	}
	got := res.Diags.String()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack\n%s\ngot\n%s", w, got)
		}
	}
	if b, err := os.ReadFile(marker); err != nil || string(b) != "old site" {
		t.Error("a failed build touched the previous site")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("a failed build left files beside the output: %v", entries)
	}
}

func TestBrokenLinksAreErrorsWithPositions(t *testing.T) {
	src := t.TempDir()
	copyTree(t, "testdata/site", src)
	bad := "---\ntitle: \"Links\"\nsummary: \"S\"\ndate: 2024-01-01\n---\nSee [gone](../guides/gone.md) and\n![](../guides/questions.csv)\n"
	if err := os.WriteFile(filepath.Join(src, "content/news/links.en.md"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(Options{Source: src, Dest: filepath.Join(t.TempDir(), "out"), Now: fixedNow, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Diags.String()
	for _, w := range []string{
		`content/news/links.en.md:6:5: link to "../guides/gone.md": there is no document content/guides/gone.md; check the path (it is relative to`,
		`content/news/links.en.md:7:1: image "../guides/questions.csv" has no alt text`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack\n%s\ngot\n%s", w, got)
		}
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestGoldenPages compares unminified pages with testdata/golden; run
// `go test ./builder/site -update` after an intended change.
func TestGoldenPages(t *testing.T) {
	_, dest := buildTestSite(t, false)
	for _, name := range []string{
		"en/guides/survey/index.html",
		"hu/guides/index.html",
		"sk/index.html",
		"en/case-studies/tetemvar/index.html",
		"en/index.xml",
		"sitemap.xml",
	} {
		got := read(t, dest, name)
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "_"))
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s; run go test -update after checking the change:\n%s", name, golden, firstDiff(string(want), got))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + w + "\n+ " + g
		}
	}
	return ""
}

package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// fragmentRules pick the texts a reader sees from built pages: headings,
// summaries, body text, key figures, counts, the footer and feed titles.
var fragmentRules = []struct {
	name string
	re   *regexp.Regexp
}{
	{"title", regexp.MustCompile(`<title>([^<]*)</title>`)},
	{"h1", regexp.MustCompile(`<h1>(.*?)</h1>`)},
	{"summary", regexp.MustCompile(`<p class="summary">(.*?)</p>`)},
	{"body", regexp.MustCompile(`(?s)<div class="prose">\s*<p>(.*?)</p>`)},
	{"card", regexp.MustCompile(`<li class="card">.*?<h[23]><a [^>]*>(.*?)</a>`)},
	{"figure", regexp.MustCompile(`<span class="figure-value">(.*?)</span>`)},
	{"count", regexp.MustCompile(`<span class="count">(.*?)</span>`)},
	{"funded", regexp.MustCompile(`<div class="funded-by">\s*<img[^>]*>\s*<p>(.*?)</p>`)},
	{"footer", regexp.MustCompile(`<h2 id="footer-about">(.*?)</h2>\s*<p>(.*?)</p>`)},
}

// TestTypographyGolden builds testdata/typography (straight quotes and
// apostrophes, Slovak one-letter words, Hungarian articles, counts and key
// figures in three languages) and compares what readers see with
// testdata/typography/fragments.golden, no-break spaces shown as "~".
// `go test ./builder/site -run TypographyGolden -update` rewrites it.
func TestTypographyGolden(t *testing.T) {
	dir := t.TempDir()
	res, err := Build(Options{Source: "testdata/typography", Dest: filepath.Join(dir, "public"), Now: fixedNow, CacheDir: filepath.Join(dir, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags)
	}
	var b strings.Builder
	for _, lang := range []string{"en", "hu", "sk"} {
		for _, page := range []string{"", "news/quote/", "topics/"} {
			html := read(t, res.Dir, lang+"/"+page+"index.html")
			for _, r := range fragmentRules {
				for _, m := range r.re.FindAllStringSubmatch(html, -1) {
					b.WriteString("/" + lang + "/" + page + " " + r.name + ": " + strings.Join(m[1:], " | ") + "\n")
				}
			}
		}
		feed := read(t, res.Dir, lang+"/index.xml")
		for _, m := range fragmentRules[0].re.FindAllStringSubmatch(feed, -1) {
			b.WriteString("/" + lang + "/index.xml title: " + m[1] + "\n")
		}
	}
	got := strings.ReplaceAll(b.String(), "\u00a0", "~")
	golden := "testdata/typography/fragments.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("the typeset texts differ from %s; run go test -update after checking the change:\n%s", golden, firstDiff(string(want), got))
	}
}

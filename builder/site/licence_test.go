package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLicenceOnEveryPage builds a small site whose default licence is CC
// BY 4.0 and one of whose guides is CC BY-SA 4.0, and checks the licence
// statement and link in the footer of every page: the guide's own on the
// guide's page (in each language's words), the site's on every other.
func TestLicenceOnEveryPage(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml": `title: {en: "L", hu: "L"}
baseURL: "https://example.org/"
languages: [{code: en, name: English}, {code: hu, name: Magyar}]
menu: [guides]
briefs: false
licence: {en: "Text under CC BY 4.0.", hu: "A szöveg CC BY 4.0 licenc alatt."}
licenceURL: "https://creativecommons.org/licenses/by/4.0/"
`,
		"content/guides/open.en.md":   "---\ntitle: Open\nsummary: S.\ndate: 2024-01-02\naudience: All\n---\nText.\n",
		"content/guides/shared.en.md": "---\ntitle: Shared\nsummary: S.\ndate: 2024-01-03\naudience: All\nlicence: CC-BY-SA-4.0\n---\nText.\n",
		"content/guides/shared.hu.md": "---\ntitle: Megosztva\nsummary: S.\ndate: 2024-01-03\naudience: Mind\nlicence: CC-BY-SA-4.0\n---\nSzöveg.\n",
	}
	writeFiles(t, src, files)
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: t.TempDir(), NoSearch: true})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("%v\n%s", err, res.Diags)
	}
	own := map[string]string{
		"en/guides/shared/index.html": `<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">Licensed under CC BY-SA 4.0.</a>`,
		"hu/guides/shared/index.html": `<a rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/">Felhasználási feltételek: CC BY-SA 4.0.</a>`,
	}
	site := map[string]string{
		"en": `<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">Text under CC BY 4.0.</a>`,
		"hu": `<a rel="license" href="https://creativecommons.org/licenses/by/4.0/">A szöveg CC BY 4.0 licenc alatt.</a>`,
	}
	pages := 0
	err = filepath.WalkDir(filepath.Join(dest), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		lang, _, _ := strings.Cut(rel, "/")
		want, ok := own[rel]
		if !ok {
			want = site[lang]
		}
		if want == "" {
			return nil // the chooser and the root 404 page: no single language
		}
		pages++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// The reuse page names the licence in its text too.
		links := 1
		if strings.HasSuffix(rel, "/reuse/index.html") {
			links = 2
		}
		// Typeset: "A\u00a0szöveg" (no line ends after the article).
		text := strings.ReplaceAll(string(data), "\u00a0", " ")
		if n := strings.Count(text, `rel="license"`); n != links || !strings.Contains(text, want) {
			t.Errorf("%s: %d licence links, want %d: %s", rel, n, links, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 10 {
		t.Errorf("checked %d pages", pages)
	}
}

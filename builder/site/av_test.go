package site

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// avSite builds the bad-input base site with the archive testdata/bad/NAME
// laid over it, unminified, and returns the output folder.
func avSite(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "bad", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		p := filepath.Join(src, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(dir, "public")
	res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, NoMinify: true, CacheDir: filepath.Join(dir, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build failed:\n%s", res.Diags)
	}
	return dest
}

// TestAVMarkup: the video (poster, tracks with the page's language first
// and default, the transcript in a <details>) and the gallery (a list of
// figures, thumbnails linking to the large pictures, alt texts, captions
// and credits, the lightbox script) as a page shows them, against
// testdata/golden/av_*.html (go test -update rewrites them).
func TestAVMarkup(t *testing.T) {
	dest := avSite(t, "av-ok.txtar")
	page := read(t, dest, "en/guides/survey/index.html")
	for _, part := range []struct{ name, re string }{
		{"video", `(?s)<figure class="video">.*?</details>`},
		{"gallery", `(?s)<section class="gallery".*?</section>\s*<script[^>]*lightbox[^>]*></script>`},
	} {
		got := regexp.MustCompile(part.re).FindString(page)
		if got == "" {
			t.Errorf("no %s on the page:\n%s", part.name, page)
			continue
		}
		// The script's fingerprint changes with its text, not its markup.
		got = regexp.MustCompile(`lightbox\.[0-9a-f]+\.js`).ReplaceAllString(got, "lightbox.HASH.js") + "\n"
		golden := filepath.Join("testdata", "golden", "av_"+part.name+".html")
		if *update {
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
			t.Errorf("%s differs from %s:\n%s", part.name, golden, firstDiff(string(want), got))
		}
	}
	// A page without media loads no lightbox.
	if about := read(t, dest, "en/about/index.html"); strings.Contains(about, "lightbox") || strings.Contains(about, "<video") {
		t.Error("a page without a gallery or video has their markup")
	}
}

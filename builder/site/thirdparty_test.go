package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/linkcheck"
)

// TestSampleSiteLinks checks the sample site the way `dissem check` does:
// rendered into a temporary folder without briefs, then linkcheck. It
// guards two promises of DESIGN.md: no broken internal links, and no page
// that loads anything from another site.
func TestSampleSiteLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	res, err := Build(Options{Source: root, Check: true, NoBriefs: true, Now: fixedNow, CacheDir: t.TempDir()})
	if res != nil && res.Dir != "" {
		t.Cleanup(func() { os.RemoveAll(res.Dir) })
	}
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("the sample site does not build:\n%s", res.Diags)
	}
	cfg, d := config.Load(filepath.Join(root, "site.yaml"))
	if cfg == nil {
		t.Fatalf("site.yaml:\n%s", d)
	}
	rep, diags := linkcheck.Check(res.Dir, cfg.BaseURL)
	if len(diags) != 0 {
		t.Errorf("linkcheck found %d problem(s) in the sample site:\n%s", len(diags), diags)
	}
	if rep.Pages < 100 || rep.Links < 1000 {
		t.Errorf("linkcheck looked at too little: %+v", rep)
	}
	t.Logf("checked %d pages, %d internal links", rep.Pages, rep.Links)

	// Plant a broken link and a CDN script in one page: both must be found,
	// named by the page that holds them.
	page := filepath.Join(res.Dir, "en", "news", "index.html")
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	planted := strings.Replace(string(b), "</body>",
		`<a href="/en/news/no-such-story/">x</a><script src="https://cdn.example.com/track.js"></script></body>`, 1)
	if err := os.WriteFile(page, []byte(planted), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags = linkcheck.Check(res.Dir, cfg.BaseURL)
	got := diags.String()
	for _, want := range []string{
		`en/news/index.html:1: broken link: <a href> "/en/news/no-such-story/" leads nowhere`,
		`en/news/index.html:1: <script src> "https://cdn.example.com/track.js" loads a file from another site`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("planted problem not found: want %q in\n%s", want, got)
		}
	}
	if len(diags) != 2 {
		t.Errorf("got %d diagnostics, want the 2 planted:\n%s", len(diags), got)
	}
}

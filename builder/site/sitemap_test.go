package site

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestSitemapIndexPastTheLimit lowers the per-file limit below the test
// site's page count: sitemap.xml becomes an index of files that together
// list every page once, and the link checker follows it.
func TestSitemapIndexPastTheLimit(t *testing.T) {
	defer func(n int) { sitemapURLs = n }(sitemapURLs)
	sitemapURLs = 20
	res, err := Build(Options{Source: "testdata/site", Check: true, NoBriefs: true, Now: fixedNow, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(res.Dir)
	if res.Diags.HasErrors() {
		t.Fatalf("unexpected errors:\n%s", res.Diags)
	}
	index := read(t, res.Dir, "sitemap.xml")
	if !strings.Contains(index, "<sitemapindex") {
		t.Fatalf("sitemap.xml is not an index:\n%s", index)
	}
	// The 404 pages (the root's and one a language) are in no sitemap file.
	files := (res.Pages - 1 - res.Languages + sitemapURLs - 1) / sitemapURLs
	locs := 0
	for i := 1; i <= files; i++ {
		name := fmt.Sprintf("sitemap-%d.xml", i)
		if !strings.Contains(index, "<loc>https://example.org/"+name+"</loc>") {
			t.Errorf("the index does not list %s", name)
		}
		part := read(t, res.Dir, name)
		n := strings.Count(part, "<url>")
		if n == 0 || n > sitemapURLs {
			t.Errorf("%s lists %d pages, want 1 to %d", name, n, sitemapURLs)
		}
		locs += n
	}
	if _, err := os.Stat(fmt.Sprintf("%s/sitemap-%d.xml", res.Dir, files+1)); err == nil {
		t.Errorf("more than %d sitemap files", files)
	}
	// Every page but the 404 pages (the root's and one a language), once.
	if want := res.Pages - 1 - 3; locs != want {
		t.Errorf("the sitemaps list %d pages, want %d", locs, want)
	}
}

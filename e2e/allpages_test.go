//go:build e2e

package e2e

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// allPages lists every HTML page of the built site (each list page, term
// page and 404 page, not a sample), plus the states a page can be shown in
// that CSS or the script change: a home with its "not translated" notice,
// a document with its notice for a language it lacks, the search page
// with results.
func allPages(t *testing.T) []pageRef {
	t.Helper()
	var pages []pageRef
	err := filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		u := "/" + filepath.ToSlash(rel)
		u = strings.TrimSuffix(u, "index.html")
		pages = append(pages, pageRef{kind: kindOf(u), path: u})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].path < pages[j].path })
	for _, lang := range []string{"en", "hu", "sk"} {
		pages = append(pages,
			pageRef{"home with the untranslated notice", "/" + lang + "/#untranslated"},
			pageRef{"search with results", "/" + lang + "/search/?q=miskolc"})
	}
	// news/kosice-study-visit has no Slovak version: its Slovak notice.
	pages = append(pages, pageRef{"document with its not-translated notice", "/en/news/kosice-study-visit/#not-in-sk"})
	return pages
}

// kindOf names a page by its address, for messages.
func kindOf(u string) string {
	parts := strings.Split(strings.Trim(u, "/"), "/")
	switch {
	case u == "/":
		return "language chooser"
	case strings.HasSuffix(u, "404.html"):
		return "404"
	case len(parts) == 1:
		return "home"
	case len(parts) == 2:
		return parts[1] + " list"
	default:
		return parts[1]
	}
}

//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// pageRef is one page the tests visit, named by its kind for messages.
type pageRef struct {
	kind, path string
}

// sections holds a section of the sample site for each content type.
var sections = []struct{ kind, section string }{
	{"case study", "case-studies"},
	{"methodology guide", "guides"},
	{"policy paper", "policy-papers"},
	{"event report", "events"},
	{"news", "news"},
	{"press release", "press"},
	{"toolkit", "toolkits"},
	{"taxonomy term", "topics"},
}

// pageKinds lists one page of each kind in lang, found in the built site so
// that translated slugs need no list of their own.
func pageKinds(t *testing.T, lang string) []pageRef {
	t.Helper()
	base := "/" + lang + "/"
	pages := []pageRef{
		{"home", base},
		{"home with the untranslated notice", base + "#untranslated"},
		{"list", base + "case-studies/"},
		{"toolkit list", base + "toolkits/"},
		{"taxonomy", base + "topics/"},
		{"page", base + "about/"},
		{"search", base + "search/"},
		{"search with results", base + "search/?q=miskolc"},
		{"downloads", base + "downloads/"},
		{"register of outputs", base + "register/"},
		{"reuse", base + "reuse/"},
	}
	for _, s := range sections {
		first := firstChild(filepath.Join(siteDir, lang, s.section))
		if first == "" {
			t.Errorf("the sample site has no %s in %s/%s/", s.kind, lang, s.section)
			continue
		}
		pages = append(pages, pageRef{s.kind, base + s.section + "/" + first + "/"})
	}
	return pages
}

// sitePages are the pages outside the languages.
var sitePages = []pageRef{{"language chooser", "/"}, {"404", "/404.html"}}

// firstChild is the first folder of dir, in name order, that holds a page.
func firstChild(dir string) string {
	entries, _ := os.ReadDir(dir)
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		if e.IsDir() && exists(filepath.Join(dir, e.Name(), "index.html")) {
			return e.Name()
		}
	}
	return ""
}

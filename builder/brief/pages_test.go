package brief

import (
	"path/filepath"
	"strings"
	"testing"
)

// briefDocs are every document of the sample site that gets a brief.
func briefDocs(t *testing.T) []string {
	var out []string
	for _, dir := range []string{"policy-papers", "case-studies", "guides", "events"} {
		m, err := filepath.Glob(filepath.Join("../../content", dir, "*.md"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m {
			out = append(out, dir+"/"+filepath.Base(p))
		}
	}
	return out
}

// pageLines counts the lines of text (pictures and tall rows as the lines
// they displace) on each page.
func pageLines(pages [][]placed) []int {
	n := make([]int, len(pages))
	for i, pg := range pages {
		for _, pl := range pg {
			n[i] += pl.r.lines()
		}
	}
	return n
}

// TestNoShortPages lays out every sample brief and each language's bundle
// of the guides: no page but the last holds fewer than five lines, and the
// last page holds at least five whenever the page before can spare them
// (lone endnotes do not spill onto a page of their own).
func TestNoShortPages(t *testing.T) {
	cat := catalog(t)
	e := engine(t)
	check := func(name string, pages [][]placed) {
		lines := pageLines(pages)
		for i, n := range lines {
			if i > 0 && n < minLines && (i+1 < len(lines) || lines[i-1] > 2*minLines) {
				t.Errorf("%s: page %d of %d holds %d lines (pages: %v)", name, i+1, len(lines), n, lines)
			}
		}
	}
	guides := map[string][]*Document{}
	for _, rel := range briefDocs(t) {
		d := contentDoc(t, cat, rel)
		pages, _, _ := e.briefPages(d)
		check(rel, pages)
		if strings.HasPrefix(rel, "guides/") {
			guides[d.Lang] = append(guides[d.Lang], d)
		}
	}
	for lang, gs := range guides {
		b := &Bundle{Meta: Meta{Lang: lang, Title: "Toolkit"}, Guides: gs}
		pages, _, _ := e.bundlePages(b)
		check("bundle "+lang, pages)
	}
}

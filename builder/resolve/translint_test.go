package resolve

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A Hungarian file that keeps its English source's topic is told; a term
// the language uses on its own, and cities (names), are not reported.
func TestCopiedTermsAreReported(t *testing.T) {
	fsys := fstest.MapFS{
		"news/a.en.md": {Data: []byte(front("A", "topics: [housing, employment]\ncities: [Miskolc]\n"))},
		"news/a.hu.md": {Data: []byte(front("A", "topics: [housing, foglalkoztatás]\ncities: [Miskolc]\n"))},
		"news/b.en.md": {Data: []byte(front("B", "topics: [employment]\n"))},
		"news/b.hu.md": {Data: []byte(front("B", "topics: [foglalkoztatás]\n"))},
		// "coaching" is Hungarian usage too: c.hu has it without its source.
		"news/c.en.md": {Data: []byte(front("C", "topics: [coaching]\n"))},
		"news/c.hu.md": {Data: []byte(front("C", "topics: [coaching]\n"))},
		"news/d.hu.md": {Data: []byte(front("D", "topics: [coaching]\n"))},
	}
	_, diags := resolveFS(t, fsys)
	want := `content/news/a.hu.md:5:10: warning: topics "housing" is the English version's term; write the Magyar term`
	lines := strings.Split(strings.TrimSpace(diags), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], want) {
		t.Errorf("diagnostics:\n%s\nwant one line starting\n%s", diags, want)
	}
}

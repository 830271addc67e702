package resolve

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A term page's switcher leads to the same term in each language: written
// the same way (a city), else the term the translations of its documents
// write at the same place (a topic), else that language's index of the
// taxonomy, marked missing (no hreflang).
func TestTermAlternates(t *testing.T) {
	fsys := fstest.MapFS{
		"news/a.en.md": {Data: []byte(front("A", "cities: [Miskolc]\ntopics: [employment, housing]\n"))},
		"news/a.hu.md": {Data: []byte(front("A", "cities: [Miskolc]\ntopics: [foglalkoztatás, lakhatás]\n"))},
		"news/a.sk.md": {Data: []byte(front("A", "cities: [Miskolc]\ntopics: [zamestnanosť]\n"))},
		"news/b.en.md": {Data: []byte(front("B", "topics: [participation]\n"))},
	}
	s, diags := resolveFS(t, fsys)
	if diags != "" {
		t.Fatal(diags)
	}
	tests := []struct{ page, want string }{
		{"/en/cities/miskolc/", "hu /hu/cities/miskolc/ | sk /sk/cities/miskolc/"},
		{"/sk/cities/miskolc/", "en /en/cities/miskolc/ | hu /hu/cities/miskolc/"},
		{"/en/topics/housing/", "hu /hu/topics/lakhatas/ | sk /sk/topics/ missing"}, // sk's list is not the same list
		{"/hu/topics/foglalkoztatas/", "en /en/topics/employment/ | sk /sk/topics/ missing"},
		{"/en/topics/participation/", "hu /hu/topics/ missing | sk /sk/topics/ missing"},
	}
	for _, tt := range tests {
		p := page(s, tt.page)
		if p == nil {
			t.Errorf("no page %s", tt.page)
			continue
		}
		var got []string
		for _, a := range p.Alternates {
			s := a.Lang + " " + a.URL
			if a.Missing {
				s += " missing"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%s: alternates %s, want %s", tt.page, g, tt.want)
		}
	}
}

package schema

import (
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/config"
)

// TestCheckSite checks the site.yaml messages that need the schema, word
// for word, at site.yaml's lines.
func TestCheckSite(t *testing.T) {
	const base = "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\n"
	tests := []struct{ name, src, want string }{
		{"good", base + "sections: {reports: policy-paper}\ntaxonomies: [topics, authors, organisers]\n", ""},
		{"unknown section type", base + "sections:\n  news: nonsense\n",
			`site.yaml:5:9: field "sections", "news": want one of case-study, guide, policy-paper, event-report, news, press-release, toolkit, page, got "nonsense"`},
		{"unknown taxonomy", base + "taxonomies: [topics, tags]\n",
			`site.yaml:4:22: field "taxonomies": "tags" is not a list field of the front matter, so no document can have terms in it; use list fields such as topics, partners, cities or authors`},
		{"taxonomy of single values", base + "taxonomies: [city]\n",
			`site.yaml:4:14: field "taxonomies": "city" is not a list field`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, d := config.Parse("site.yaml", []byte(tt.src))
			if d.HasErrors() {
				t.Fatal(d)
			}
			got := CheckSite(cfg).String()
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

package config

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\nmenus: []\n",
			"site.yaml:4:1: field menus not found in type config.Config"},
		{"no languages", "title: {en: T}\nbaseURL: https://x.org/\n",
			`site.yaml: languages: list at least one language`},
		{"bad base URL", "title: {en: T}\nbaseURL: x.org\nlanguages: [{code: en, name: English}]\n",
			`site.yaml: baseURL: want an absolute address like https://example.org/, got "x.org/"`},
		{"missing title", "baseURL: https://x.org/\nlanguages: [{code: en, name: English}, {code: hu, name: Magyar}]\ntitle: {en: T}\n",
			`site.yaml: title: no title for language "hu"`},
	}
	for _, tt := range tests {
		_, diags := Parse("site.yaml", []byte(tt.src))
		if !strings.Contains(diags.String(), tt.want) {
			t.Errorf("%s: got\n%s\nwant it to contain\n%s", tt.name, diags, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	c, diags := Parse("site.yaml", []byte("title: {en: T, sk: S}\nbaseURL: https://x.org/sub\nlanguages: [{code: en, name: English}, {code: sk, name: Slovenčina}]\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.DefaultLanguage != "en" || c.Paginate != 10 || c.BaseURL != "https://x.org/sub/" || !c.BriefsOn() || len(c.Taxonomies) != 3 {
		t.Errorf("config = %+v", c)
	}
}

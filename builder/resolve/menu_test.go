package resolve

import (
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
)

// TestCheckMenu checks the menu messages word for word.
func TestCheckMenu(t *testing.T) {
	docs := []*content.Doc{
		{Section: "guides", Base: "survey"},
		{Section: "news", Base: "launch"},
		{Section: "", Base: "about"},
	}
	tests := []struct{ menu, want string }{
		{"[guides, about, news]", ""},
		{"[guides, abuot]", `site.yaml:4:16: field "menu": "abuot" names no section folder and no page at the top of the content folder; did you mean "about"?`},
		{"[gudes]", `site.yaml:4:8: field "menu": "gudes" names no section folder and no page at the top of the content folder; did you mean "guides"?`},
		{"[Guides]", `site.yaml:4:8: field "menu": "Guides" names no section folder and no page at the top of the content folder; did you mean "guides"?`},
		{"[survey]", `site.yaml:4:8: field "menu": "survey" names no section folder and no page at the top of the content folder; the folders and pages are: about, guides, news`},
	}
	for _, tt := range tests {
		cfg, d := config.Parse("site.yaml", []byte("title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\nmenu: "+tt.menu+"\n"))
		if d.HasErrors() {
			t.Fatal(d)
		}
		if got := strings.TrimSpace(CheckMenu(cfg, docs).String()); got != tt.want {
			t.Errorf("menu %s:\ngot  %s\nwant %s", tt.menu, got, tt.want)
		}
	}
}

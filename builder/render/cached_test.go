package render

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/templates"
)

// TestPartialCached renders pages one after another: a cached part is
// rendered by the first page of its language and variants, then reused.
func TestPartialCached(t *testing.T) {
	fsys := fstest.MapFS{
		"base.html":   {Data: []byte(`{{define "base"}}{{partialCached "part" . .Section}}|{{.Title}}{{end}}{{define "part"}}[{{.Title}}]{{end}}`)},
		"single.html": {Data: []byte(`{{define "main"}}{{end}}`)},
	}
	for _, k := range kinds {
		fsys[string(k)+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	for _, typ := range schema.Types {
		fsys["types/"+typ+".html"] = &fstest.MapFile{Data: []byte(`{{define "facts"}}{{end}}`)}
	}
	codes := []string{"en", "hu"}
	i18nFS, _ := fs.Sub(templates.FS, "i18n")
	cat, d := i18n.Load(i18nFS, "templates/i18n", codes)
	if d.HasErrors() {
		t.Fatal(d)
	}
	site := &resolve.Site{Config: &config.Config{}}
	r, d := New(site, Options{Templates: fsys, Dir: "templates", Catalog: cat})
	if d.HasErrors() {
		t.Fatal(d)
	}
	page := func(lang, section, title string) *resolve.Page {
		return &resolve.Page{Kind: resolve.KindDocument, Lang: lang, Section: section, Title: title, Meta: &schema.Meta{Type: schema.News}}
	}
	tests := []struct {
		page *resolve.Page
		want string
	}{
		{page("en", "news", "A"), "[A]|A"},
		{page("en", "news", "B"), "[A]|B"},   // same language and variant: reused
		{page("en", "guides", "C"), "[C]|C"}, // another variant
		{page("hu", "news", "D"), "[D]|D"},   // another language
		{page("hu", "news", "E"), "[D]|E"},
	}
	for _, tt := range tests {
		got, err := r.Page(tt.page)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("page %s/%s/%s: got %q, want %q", tt.page.Lang, tt.page.Section, tt.page.Title, got, tt.want)
		}
	}
}

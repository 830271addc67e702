package render

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/templates"
)

// templateSet is a minimal set of templates with base.html, single.html
// and partials/part.html replaced.
func templateSet(base, single, part string) fstest.MapFS {
	fsys := fstest.MapFS{
		"base.html":          {Data: []byte(base)},
		"single.html":        {Data: []byte(single)},
		"partials/part.html": {Data: []byte(part)},
	}
	for _, k := range kinds {
		fsys[string(k)+".html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{end}}`)}
	}
	for _, typ := range schema.Types {
		fsys["types/"+typ+".html"] = &fstest.MapFile{Data: []byte(`{{define "facts"}}{{end}}`)}
	}
	return fsys
}

// renderAll renders pages with the templates and reports as the build does.
func renderAll(t *testing.T, fsys fs.FS, pages []*resolve.Page) diag.List {
	t.Helper()
	i18nFS, _ := fs.Sub(templates.FS, "i18n")
	cat, d := i18n.Load(i18nFS, "templates/i18n", []string{"en"})
	if d.HasErrors() {
		t.Fatal(d)
	}
	r, d := New(&resolve.Site{Config: &config.Config{}}, Options{Templates: fsys, Dir: "templates", Catalog: cat})
	if d.HasErrors() {
		return d
	}
	errs := make([]error, len(pages))
	for i, p := range pages {
		_, errs[i] = r.Page(p)
	}
	return Report(pages, errs)
}

func docPages(n int) []*resolve.Page {
	var pages []*resolve.Page
	for i := range n {
		pages = append(pages, &resolve.Page{Kind: resolve.KindDocument, Lang: "en", Title: "T",
			Meta: &schema.Meta{Type: schema.News}, Doc: nil, Path: "en/news/" + string(rune('a'+i)) + "/"})
	}
	return pages
}

func TestTemplateErrors(t *testing.T) {
	const base = `{{define "base"}}{{template "main" .}}{{end}}`
	const single = `{{define "main"}}<h1>{{.Title}}</h1>{{end}}`
	const part = `{{define "part"}}[{{.Title}}]{{end}}`
	tests := []struct {
		name               string
		base, single, part string
		want               string // the whole report
	}{
		{"unknown field, with a suggestion", base, "{{define \"main\"}}\n<h1>{{.Titel}}</h1>{{end}}", part,
			"templates/single.html:2:7: the template uses .Titel, which pages do not have (did you mean .Title?); available: "},
		{"unknown field of a page", base, `{{define "main"}}{{.Page.Nope}}{{end}}`, part,
			"templates/single.html:1:25: the template uses .Nope, which a page (.Page, .Home, a list's items) does not have; available: .Alternates,"},
		{"one message for many pages", base, `{{define "main"}}{{.Nope}}{{end}}`, part,
			"(while making /en/news/a/ and 2 other pages)"},
		{"unknown template", base, `{{define "main"}}{{template "nope" .}}{{end}}`, part,
			`templates/single.html:1:29: there is no template "nope": define it with {{define "nope"}} in a file under templates/partials/ (while making /en/news/a/ and 2 other pages)`},
		{"unknown part through partialCached, at the call", base, `{{define "main"}}{{partialCached "nope" .}}{{end}}`, part,
			`templates/single.html:1:20: there is no template "nope": define it with {{define "nope"}} in a file under templates/partials/ (while making /en/news/a/ and 2 other pages)`},
		{"error inside a cached part, at the part", base, `{{define "main"}}{{partialCached "part" .}}{{end}}`, "{{define \"part\"}}\n{{.Nope}}{{end}}",
			"templates/partials/part.html:2:3: the template uses .Nope, which pages do not have; available:"},
		{"a part that includes itself", base, `{{define "main"}}{{partialCached "part" .}}{{end}}`, `{{define "part"}}{{partialCached "part" .}}{{end}}`,
			"templates/partials/part.html:1:20: partialCached calls nest without end: does a part include itself, directly or through another part?"},
		{"a template that includes itself", base, `{{define "main"}}{{template "main" .}}{{end}}`, part,
			"templates/single.html:1:29: templates call each other without end"},
		{"a method that panics", base, `{{define "main"}}{{.Home.Title}}{{end}}`, part,
			"templates/single.html:1:25: {{Home}} failed: runtime error: invalid memory address or nil pointer dereference"},
		{"a failing function", base, `{{define "main"}}{{index .Meta.Authors 3}}{{end}}`, part,
			"templates/single.html:1:20: {{index}} failed: index out of range: 3 (while making /en/news/a/ and 2 other pages)"},
		{"unclosed if, at load", base, "{{define \"main\"}}\n{{if .Title}}{{end}}", part,
			"templates/single.html:2: the template ends inside an {{if}}, {{range}}, {{with}}, {{block}} or {{define}}: a {{end}} is missing\n"},
		{"unknown function, at load", base, `{{define "main"}}{{nofunc .Title}}{{end}}`, part,
			"templates/single.html:1: there is no function \"nofunc\"; the functions are join, add, partialCached and those of Go templates (len, index, printf, eq …)\n"},
		{"parse error in a partial", base, single, `{{define "part"}}{{.Title}`, "templates/partials/part.html:1: "},
		{"a single closing brace", base, `{{define "main"}}<h1>{{.Title}</h1>{{end}}`, part,
			"templates/single.html:1: a stray character '}' inside {{ }}: an action is written {{.Title}}, closed with two braces\n"},
		{"an end too many", base, `{{define "main"}}{{end}}{{end}}`, part,
			"templates/single.html:1: an {{end}} with no {{if}}, {{range}}, {{with}}, {{block}} or {{define}} open to close\n"},
		{"a page that grows without end", base, `{{define "main"}}{{range 100000000}}0123456789{{end}}{{end}}`, part,
			"/en/news/a/: the page grew past 64 MB: does a {{range}} run over far too many items?\n/en/news/b/: the page grew"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := renderAll(t, templateSet(tt.base, tt.single, tt.part), docPages(3)).String()
			if !strings.Contains(got, tt.want) {
				t.Errorf("got:\n%s\nwant it to contain:\n%s", got, tt.want)
			}
			if n := strings.Count(got, "\n"); n != 1 && !strings.Contains(tt.name, "grows") {
				t.Errorf("%d messages, want one:\n%s", n, got)
			}
			for _, goWord := range []string{"template: template:", "render.", "resolve.", "executing", "*", "html/template", "EOF"} {
				if strings.Contains(got, goWord) {
					t.Errorf("message uses the Go word %q:\n%s", goWord, got)
				}
			}
		})
	}
}

// TestReportKeepsOtherErrors: an error that is not a template's (a disk
// write) is still told for each page it hit.
func TestReportKeepsOtherErrors(t *testing.T) {
	pages := docPages(2)
	d := Report(pages, []error{errors.New("disk full"), errors.New("disk full")})
	if got := d.String(); got != "/en/news/a/: disk full\n/en/news/b/: disk full\n" {
		t.Errorf("got:\n%s", got)
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"title", "title", 0}, {"titel", "title", 1}, {"titl", "title", 1}, {"site", "titel", 2}, {"", "ab", 2},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

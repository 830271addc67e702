// Package render turns resolved pages into HTML with html/template, and the
// site's feeds and sitemap into XML. Templates are parsed once per build.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// Renderer renders pages of one site. It is safe for concurrent use.
type Renderer struct {
	site    *resolve.Site
	cat     *i18n.Catalog
	assets  map[string]string
	byKind  map[string]*template.Template
	tmplDir string
	// cached holds the output of partialCached calls by key.
	cached sync.Map
}

// Options are what a Renderer needs besides the site.
type Options struct {
	// Templates holds base.html, partials/*.html, the kind templates and
	// types/<type>.html; Dir names it in messages.
	Templates fs.FS
	Dir       string
	Catalog   *i18n.Catalog
	// Assets maps static names ("css/site.css") to their fingerprinted URLs.
	Assets map[string]string
}

// kinds are the page templates besides the per-type single pages.
var kinds = []resolve.Kind{resolve.KindHome, resolve.KindSection, resolve.KindTaxonomy, resolve.KindTerm,
	resolve.KindSearch, resolve.KindChooser, resolve.KindNotFound, resolve.KindDownloads}

// New parses the templates once: a shared base with partials, cloned for each kind.
func New(site *resolve.Site, opts Options) (*Renderer, diag.List) {
	var diags diag.List
	r := &Renderer{site: site, cat: opts.Catalog, assets: opts.Assets,
		byKind: map[string]*template.Template{}, tmplDir: opts.Dir}
	base := template.New("base").Funcs(funcs).Funcs(template.FuncMap{"partialCached": r.partialCached(nil)})
	parse := func(t *template.Template, name string) bool {
		src, err := fs.ReadFile(opts.Templates, name)
		if err != nil {
			diags.Errorf(diag.Pos{File: path.Join(opts.Dir, name)}, "missing template: %v", err)
			return false
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			diags.Errorf(diag.Pos{File: path.Join(opts.Dir, name)}, "%v", err)
			return false
		}
		return true
	}
	parse(base, "base.html")
	partials, _ := fs.Glob(opts.Templates, "partials/*.html")
	sort.Strings(partials)
	for _, p := range partials {
		parse(base, p)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	for _, k := range kinds {
		t := template.Must(base.Clone())
		t.Funcs(template.FuncMap{"partialCached": r.partialCached(t)})
		if parse(t, string(k)+".html") {
			r.byKind[string(k)] = t
		}
	}
	for _, typ := range schema.Types {
		t := template.Must(base.Clone())
		t.Funcs(template.FuncMap{"partialCached": r.partialCached(t)})
		if parse(t, "single.html") && parse(t, "types/"+typ+".html") {
			r.byKind["single/"+typ] = t
		}
	}
	return r, diags
}

// Page renders p to HTML.
func (r *Renderer) Page(p *resolve.Page) ([]byte, error) {
	var out bytes.Buffer
	if err := r.WritePage(&out, p); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// WritePage renders p to HTML into out, which a caller may reuse across
// pages to spare growing a new buffer each time.
func (r *Renderer) WritePage(out *bytes.Buffer, p *resolve.Page) error {
	key := string(p.Kind)
	if p.Kind == resolve.KindDocument {
		key = "single/" + p.Meta.Type
	}
	t := r.byKind[key]
	if t == nil {
		return fmt.Errorf("no template for %s", key)
	}
	v := &View{Page: p, r: r, lang: r.cat.Lang(p.Lang)}
	if p.HTML != nil {
		v.Content = template.HTML(markdown.FillLinks(p.HTML, p.Body.Links, p.LinkDests))
	}
	if err := t.ExecuteTemplate(out, "base", v); err != nil {
		return fmt.Errorf("%s: template: %w", pageName(p), err)
	}
	return nil
}

// partialCached returns the template function partialCached NAME DATA
// [VARIANTS...], bound to the template set t: it runs template NAME once
// per language and variants and reuses the output for every later page, as
// Hugo's function of that name does. The header's navigation and the
// footer, the same on thousands of pages, are rendered a handful of times.
func (r *Renderer) partialCached(t *template.Template) func(string, any, ...any) (template.HTML, error) {
	return func(name string, data any, variants ...any) (template.HTML, error) {
		if t == nil {
			return "", fmt.Errorf("partialCached %q: called while parsing", name)
		}
		var key strings.Builder
		key.WriteString(name)
		if v, ok := data.(*View); ok {
			key.WriteString("\x00")
			key.WriteString(v.Lang)
		}
		for _, x := range variants {
			fmt.Fprintf(&key, "\x00%v", x)
		}
		if out, ok := r.cached.Load(key.String()); ok {
			return out.(template.HTML), nil
		}
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, name, data); err != nil {
			return "", err
		}
		// Two workers may render the same key at once; both get the same bytes.
		out, _ := r.cached.LoadOrStore(key.String(), template.HTML(b.String()))
		return out.(template.HTML), nil
	}
}

func pageName(p *resolve.Page) string {
	if p.Doc != nil {
		return p.Doc.Path
	}
	return "/" + p.Path
}

var funcs = template.FuncMap{
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
}

// OutputName is the file a page is written to ("en/guides/x/index.html").
func OutputName(p *resolve.Page) string {
	if strings.HasSuffix(p.Path, ".html") {
		return p.Path
	}
	return p.Path + "index.html"
}

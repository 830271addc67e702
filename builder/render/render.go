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
	"sync/atomic"

	"github.com/4im-project/dissem/builder/av"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// Renderer renders pages of one site. It is safe for concurrent use.
type Renderer struct {
	*parsed
	// downloads are the files made from the documents (WithDownloads).
	downloads resolve.Downloads
	// register is the register of outputs (WithRegister), or nil.
	register *register.Register
}

// parsed is what New makes once and every WithDownloads copy shares: the
// site, the templates and partialCached's outputs.
type parsed struct {
	site    *resolve.Site
	cat     *i18n.Catalog
	assets  map[string]string
	byKind  map[string]*template.Template
	tmplDir string
	// content is the content tree, for the sizes of attachments (may be nil).
	content fs.FS
	// picture gives a page's front-matter picture (may be nil).
	picture PictureFunc
	// av are the documents' galleries and videos (may be nil).
	av *av.Media
	// cached holds the output of partialCached calls by key.
	cached sync.Map
	// depth counts partialCached calls under way, to stop endless nesting.
	depth atomic.Int64
}

// Limits on what a template may do, so that a mistake fails the build
// instead of crashing, hanging or exhausting memory: maxPartialCalls
// partialCached calls may be under way at once on all workers together
// (each call is a fresh execution, which text/template's own depth limit
// does not see), and a page may grow to maxPageSize bytes ({{range}} over
// a huge number writes until then). Templates that include each other with
// {{template}} stop at text/template's depth limit. A template that loops
// without writing is not stopped: text/template cannot be interrupted.
const (
	maxPartialCalls = 2000
	maxPageSize     = 64 << 20
)

// errTooBig stops a page that grows without end.
var errTooBig = fmt.Errorf("the page grew past %d MB: does a {{range}} run over far too many items?", maxPageSize>>20)

// capped is a writer that refuses to grow past limit bytes.
type capped struct {
	w interface {
		Write([]byte) (int, error)
		Len() int
	}
	limit int
}

func (c *capped) Write(b []byte) (int, error) {
	if c.w.Len()+len(b) > c.limit {
		return 0, errTooBig
	}
	return c.w.Write(b)
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
	// Content is the content tree, read for the sizes of the attachments
	// documents offer; without it attachments show their format only.
	Content fs.FS
	// Picture gives a page's front-matter picture in its published sizes
	// (the build's media set); nil shows none.
	Picture PictureFunc
	// AV are the documents' galleries and videos (builder/av).
	AV *av.Media
}

// kinds are the page templates besides the per-type single pages.
var kinds = []resolve.Kind{resolve.KindHome, resolve.KindSection, resolve.KindTaxonomy, resolve.KindTerm,
	resolve.KindSearch, resolve.KindChooser, resolve.KindNotFound, resolve.KindDownloads,
	resolve.KindRegister, resolve.KindReuse}

// New parses the templates once: a shared base with partials, cloned for each kind.
func New(site *resolve.Site, opts Options) (*Renderer, diag.List) {
	var diags diag.List
	r := &Renderer{parsed: &parsed{site: site, cat: opts.Catalog, assets: opts.Assets,
		byKind: map[string]*template.Template{}, tmplDir: opts.Dir, content: opts.Content, picture: opts.Picture, av: opts.AV}}
	base := template.New("base").Funcs(funcs).Funcs(template.FuncMap{"partialCached": r.partialCached(nil)})
	said := map[string]bool{}
	parse := func(t *template.Template, name string) bool {
		src, err := fs.ReadFile(opts.Templates, name)
		if err != nil {
			diags.Errorf(diag.Pos{File: path.Join(opts.Dir, name)}, "missing template: %v", err)
			return false
		}
		if _, err := t.New(name).Parse(string(src)); err != nil {
			// single.html is parsed once per content type: say it once.
			if d := parseError(opts.Dir, name, err); !said[d.String()] {
				said[d.String()] = true
				diags = append(diags, d)
			}
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

// WithDownloads returns a Renderer of the same templates whose pages offer
// downloads: the brief stage's result, made after the templates were checked.
func (r *Renderer) WithDownloads(d resolve.Downloads) *Renderer {
	return &Renderer{parsed: r.parsed, downloads: d, register: r.register}
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
// pages to spare growing a new buffer each time. The body is p.HTML.
func (r *Renderer) WritePage(out *bytes.Buffer, p *resolve.Page) error {
	return r.WritePageBody(out, p, p.HTML)
}

// WritePageBody is WritePage with the body's HTML (markdown.RenderDeferred)
// given apart from the page: a builder keeps bodies beside the resolved
// pages, which it never changes, and lets each go once it is written.
func (r *Renderer) WritePageBody(out *bytes.Buffer, p *resolve.Page, body []byte) error {
	key := string(p.Kind)
	if p.Kind == resolve.KindDocument {
		key = "single/" + p.Meta.Type
	}
	t := r.byKind[key]
	if t == nil {
		return fmt.Errorf("no template for %s", key)
	}
	v := &View{Page: p, r: r, lang: r.cat.Lang(p.Lang)}
	if body != nil {
		v.Content = template.HTML(markdown.FillLinks(body, p.Body.Links, p.LinkDests))
	}
	start := out.Len()
	if err := t.ExecuteTemplate(&capped{out, start + maxPageSize}, "base", v); err != nil {
		return r.execError(err)
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
		// Each call starts a fresh execution, so text/template's own depth
		// limit does not see a part that includes itself; without this
		// count, the goroutine's stack would overflow and kill the process.
		// It counts the calls under way on every worker together: real
		// parts nest two or three deep.
		if r.depth.Add(1) > maxPartialCalls {
			r.depth.Add(-1)
			return "", errTooDeep
		}
		defer r.depth.Add(-1)
		var b strings.Builder
		if err := t.ExecuteTemplate(&capped{&b, maxPageSize}, name, data); err != nil {
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

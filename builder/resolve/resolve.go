package resolve

import (
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/schema"
)

// Options change what is published.
type Options struct {
	Drafts bool
	// Now decides which publish_date and expiry_date apply.
	Now time.Time
	// Files are the content tree's other files, by path.
	Files map[string]bool
	// Search adds a search page per language; Downloads a downloads page.
	Search, Downloads bool
	// Static are the paths of the static files the site publishes as they
	// are ("robots.txt"), so that none replaces a page.
	Static []string
	// Content and StaticDir name the content and static folders in
	// messages; they default to "content" and "static".
	Content, StaticDir string
}

// Site is the resolved site.
type Site struct {
	Config *config.Config
	// BasePath is the path of the base URL, "/" or "/sub/".
	BasePath string
	// Pages are every HTML page, in a stable order.
	Pages []*Page
	// Docs are the document pages, by language then section, newest first.
	Docs []*Page
	// ByLang holds each language's parts.
	ByLang map[string]*Lang
	// Media are the content tree's other files to copy ("guides/x.csv").
	Media []string

	// urls is the registry every output path was claimed in.
	urls *registry
	// patch is what WithBodies needs to make a site with new bodies.
	patch *patchData
}

// Lang holds one language's pages.
type Lang struct {
	Code     string
	Home     *Page
	Sections map[string][]*Page // section → its list pages
	Docs     []*Page            // newest first
	Toolkits []*Page
	Taxonomy map[string]*Page // taxonomy → index page
	// TopLevel are the pages at the top of the content folder, by base name.
	TopLevel map[string]*Page
	// Search and Downloads are the language's generated pages, or nil.
	Search, Downloads *Page
	// Register (the register of outputs) and Reuse are on every site.
	Register, Reuse *Page
}

// MediaURL is the URL of a content file ("guides/x.csv").
func (s *Site) MediaURL(rel string) string { return s.BasePath + "media/" + rel }

// AbsURL turns a site URL into an absolute address.
func (s *Site) AbsURL(u string) string {
	return strings.TrimSuffix(s.Config.BaseURL, "/") + "/" + strings.TrimPrefix(u, s.BasePath)
}

// Resolve builds the site from inputs. It rewrites link destinations in the
// documents' ASTs to page URLs and reports links that lead nowhere.
func Resolve(cfg *config.Config, inputs []Input, opts Options) (*Site, diag.List) {
	var diags diag.List
	r := newResolver(cfg, inputs, opts, &diags)
	s := r.site
	sort.SliceStable(s.Docs, func(i, j int) bool { return newer(s.Docs[i], s.Docs[j]) })
	for _, p := range s.Docs {
		lang := s.ByLang[p.Lang]
		lang.Docs = append(lang.Docs, p)
		if p.Section == "" {
			lang.TopLevel[p.Doc.Base] = p
		}
	}
	for i, p := range s.Docs {
		p.idx = int32(i)
	}
	r.linkTranslations()
	r.lintTranslatedTerms(&diags)
	r.linkToolkits(&diags)
	pd := &patchData{r: r, until: r.until, linkDiags: make([]diag.List, len(s.Docs)), fragTo: make([][]int32, len(s.Docs)), graph: &graph{}}
	for i, p := range s.Docs {
		// A link's problems depend on the body (and on the headings of the
		// documents it names): kept apart, for WithBodies.
		var ld diag.List
		p.LinkDests = r.links(p, &ld, func(t *Page) { pd.fragTo[i] = append(pd.fragTo[i], t.idx) })
		if len(ld) > 0 {
			pd.linkDiags[i] = ld
			diags.Append(ld)
		}
		r.attachments(p, &diags)
		r.image(p, &diags)
	}
	r.generatedPages(&diags)
	s.patch = pd
	return s, diags
}

// newResolver claims the site's own paths and adds the publishable
// documents: what every later step of Resolve (and a test of one) stands on.
func newResolver(cfg *config.Config, inputs []Input, opts Options, diags *diag.List) *resolver {
	base := "/"
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Path != "" {
		base = "/" + strings.Trim(u.Path, "/") + "/"
		base = strings.ReplaceAll(base, "//", "/")
	}
	s := &Site{Config: cfg, BasePath: base, ByLang: map[string]*Lang{}}
	for _, l := range cfg.Codes() {
		s.ByLang[l] = &Lang{Code: l, Sections: map[string][]*Page{}, Taxonomy: map[string]*Page{}, TopLevel: map[string]*Page{}}
	}
	for f := range opts.Files {
		s.Media = append(s.Media, f)
	}
	sort.Strings(s.Media)
	opts.defaults()
	inputs = sortedInputs(inputs)

	r := &resolver{site: s, opts: opts, byFile: map[string]map[string]*Page{}, byKey: map[string]map[string]*Page{}}
	// A path per document, per list page (one in Paginate documents), per
	// file, and the site's own: sized once, the map never grows.
	s.urls = newRegistry(diags, len(inputs)+len(inputs)/cfg.Paginate+len(s.Media)+len(opts.Static)+64)
	r.claimSite()
	r.claimFiles()
	var skipped skips
	for _, in := range inputs {
		r.addDocument(in, &skipped, diags)
	}
	if len(s.Docs) == 0 && !diags.HasErrors() {
		skipped.report(opts.Content, len(inputs), diags)
	}
	return r
}

type resolver struct {
	site *Site
	opts Options
	// byFile: "guides/x" → lang → page; byKey: translation key → lang → page.
	byFile map[string]map[string]*Page
	byKey  map[string]map[string]*Page
	// termVotes caches translatedTerms by taxonomy and language pair.
	termVotes map[string]map[string]string
	// until is the first publish_date or expiry_date after opts.Now that
	// would change which documents are published (zero: none).
	until time.Time
}

func newer(a, b *Page) bool {
	if !a.Date.Equal(b.Date) {
		return a.Date.After(b.Date)
	}
	return a.URL < b.URL
}

func (r *resolver) url(p string) string { return r.site.BasePath + p }

// changesAt notes t, a date at which what is published changes.
func (r *resolver) changesAt(t time.Time) {
	if r.until.IsZero() || t.Before(r.until) {
		r.until = t
	}
}

func (r *resolver) addDocument(in Input, skipped *skips, diags *diag.List) {
	m, d := in.Meta, in.Doc
	if m.Draft && (!r.opts.Drafts || m.Incomplete) {
		skipped.drafts++
		return
	}
	if !m.PublishDate.IsZero() && m.PublishDate.After(r.opts.Now) && !r.opts.Drafts {
		skipped.scheduled++
		r.changesAt(m.PublishDate)
		return
	}
	if !m.ExpiryDate.IsZero() && !m.ExpiryDate.After(r.opts.Now) {
		skipped.expired++
		return
	}
	if !m.ExpiryDate.IsZero() {
		r.changesAt(m.ExpiryDate)
	}
	slug, ok := docSlug(d, m, diags)
	if !ok {
		return
	}
	dir := d.Section
	p := &Page{Kind: KindDocument, Lang: d.Lang, Title: m.Title, Summary: m.Summary, Date: m.Date,
		Section: d.Section, Doc: d, Meta: m, Body: in.Body, HTML: in.HTML, Slug: slug, Translations: map[string]*Page{}, termPos: in.TermPos, idx: -1}
	if dir == "" {
		p.Path = d.Lang + "/" + slug + "/"
	} else {
		p.Path = d.Lang + "/" + dir + "/" + slug + "/"
	}
	p.URL = r.url(p.Path)
	if !r.site.urls.claim(p.Path, docClaim(d, m, p.URL)) {
		return
	}
	p.Key = m.TranslationKey
	if p.Key == "" {
		p.Key = path.Join(d.Dir, d.Base)
	}
	file := path.Join(d.Dir, d.Base)
	if r.byFile[file] == nil {
		r.byFile[file] = map[string]*Page{}
	}
	r.byFile[file][d.Lang] = p
	if r.byKey[p.Key] == nil {
		r.byKey[p.Key] = map[string]*Page{}
	}
	if other := r.byKey[p.Key][d.Lang]; other != nil {
		diags.Errorf(d.Front.Pos, "%s and %s are both the %s translation of %q; change one \"translationKey\"", other.Doc.Path, d.Path, d.Lang, p.Key)
		return
	}
	r.byKey[p.Key][d.Lang] = p
	r.site.Docs = append(r.site.Docs, p)
}

func (r *resolver) linkTranslations() {
	for _, p := range r.site.Docs {
		set := r.byKey[p.Key]
		for _, l := range r.site.Config.Codes() {
			if l == p.Lang {
				continue
			}
			if t := set[l]; t != nil {
				p.Translations[l] = t
				p.Alternates = append(p.Alternates, Alternate{Lang: l, URL: t.URL})
			} else {
				p.Alternates = append(p.Alternates, Alternate{Lang: l, URL: r.url(l+"/") + "#untranslated", Missing: true})
			}
		}
	}
}

// linkToolkits attaches guides to their toolkit, in order.
func (r *resolver) linkToolkits(diags *diag.List) {
	for _, p := range r.site.Docs {
		if p.Meta.Type != schema.Guide || p.Meta.Toolkit == "" {
			continue
		}
		tk := r.findToolkit(p.Meta.Toolkit, p.Lang)
		if tk == nil {
			diags.Errorf(p.Meta.Pos["toolkit"], "field \"toolkit\": no toolkit %q in %s; it must name a file in content/toolkits/ without language and extension", p.Meta.Toolkit, p.Lang)
			continue
		}
		p.Toolkit = tk
		tk.Guides = append(tk.Guides, p)
	}
	for _, p := range r.site.Docs {
		if p.Meta.Type == schema.Toolkit {
			r.site.ByLang[p.Lang].Toolkits = append(r.site.ByLang[p.Lang].Toolkits, p)
			sort.SliceStable(p.Guides, func(i, j int) bool {
				a, b := p.Guides[i], p.Guides[j]
				if a.Meta.Order != b.Meta.Order {
					return a.Meta.Order < b.Meta.Order
				}
				return a.URL < b.URL
			})
			for i, g := range p.Guides {
				if i > 0 {
					g.Prev = p.Guides[i-1]
				}
				if i+1 < len(p.Guides) {
					g.Next = p.Guides[i+1]
				}
			}
		}
	}
}

func (r *resolver) findToolkit(name, lang string) *Page {
	if set := r.byFile["toolkits/"+name]; set != nil {
		if p := set[lang]; p != nil {
			return p
		}
	}
	if set := r.byKey[name]; set != nil {
		if p := set[lang]; p != nil && p.Meta.Type == schema.Toolkit {
			return p
		}
	}
	return nil
}

// links resolves the relative links of p's body: Markdown files become the
// URL of the right translation, other files their media URL; it returns
// their destinations (for Page.LinkDests) and calls fragOf (when not nil)
// with each document whose headings a link names.
func (r *resolver) links(p *Page, diags *diag.List, fragOf func(t *Page)) []string {
	dests := make([]string, len(p.Body.Links))
	for i, l := range p.Body.Links {
		dest := l.Dest
		if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || isExternal(dest) {
			if dest == "" && !l.Image {
				diags.Errorf(l.Pos, "link has no destination; write [text](../guides/name.md)")
			}
			if l.Image && l.Alt == "" {
				diags.Errorf(l.Pos, "image %q has no alt text; describe it: ![what it shows](%s)", dest, dest)
			}
			continue
		}
		rel, frag, inside := linkTarget(p.Doc.Dir, dest)
		if !inside {
			diags.Errorf(l.Pos, "link to %q: it leads out of the content folder; link only to documents and files inside %s/", dest, r.opts.Content)
			continue
		}
		var newDest string
		if strings.HasSuffix(rel, ".md") {
			t := r.current(r.documentFor(rel, p.Lang))
			if t == nil {
				diags.Errorf(l.Pos, "link to %q: there is no document content/%s; check the path (it is relative to %s)", dest, rel, path.Dir(p.Doc.Path))
				continue
			}
			if frag != "" && fragOf != nil {
				fragOf(t)
			}
			if frag != "" && !hasHeading(t, frag) {
				diags.Errorf(l.Pos, "link to %q: %s has no heading with the id %q", dest, t.Doc.Path, frag)
			}
			if t.Lang != p.Lang && !r.namesLanguage(rel) {
				diags.Warnf(l.Pos, "link to %q: the document has no %s version yet, so the link goes to the %s one", dest, r.site.Config.Language(p.Lang).Name, r.site.Config.Language(t.Lang).Name)
			}
			newDest = t.URL
		} else {
			if !r.opts.Files[rel] {
				diags.Errorf(l.Pos, "link to %q: there is no file content/%s", dest, rel)
				continue
			}
			if l.Image && l.Alt == "" {
				diags.Errorf(l.Pos, "image %q has no alt text; describe it: ![what it shows](%s)", dest, dest)
			}
			newDest = r.site.MediaURL(rel)
		}
		if frag != "" {
			newDest += "#" + frag
		}
		dests[i] = newDest
	}
	return dests
}

// attachments checks that the files a document lists exist beside it.
func (r *resolver) attachments(p *Page, diags *diag.List) {
	for i, name := range p.Meta.Attachments {
		rel := path.Clean(path.Join(p.Doc.Dir, name))
		if !r.opts.Files[rel] {
			diags.Errorf(itemPos(p, "attachments", i), "field \"attachments\": there is no file content/%s; put %q beside %s", rel, path.Base(name), path.Base(p.Doc.Path))
			continue
		}
		p.Attachments = append(p.Attachments, Attachment{Name: name, Rel: rel, URL: r.site.MediaURL(rel)})
	}
}

// itemPos is where item i of the list field was written (schema records
// it), so that a list of ten attachments points at the one that is missing;
// else the field's position.
func itemPos(p *Page, field string, i int) diag.Pos {
	if pos, ok := p.Meta.Pos[field+"."+strconv.Itoa(i)]; ok {
		return pos
	}
	return p.Meta.Pos[field]
}

// documentFor finds the page a link to rel ("guides/x.md" or "guides/x.hu.md")
// means from a page in lang: the same language's translation, else the
// default language's, else any.
func (r *resolver) documentFor(rel, lang string) *Page {
	file := strings.TrimSuffix(rel, ".md")
	if ext := path.Ext(file); ext != "" {
		if set := r.byFile[strings.TrimSuffix(file, ext)]; set != nil {
			if p := set[ext[1:]]; p != nil {
				return p
			}
		}
	}
	set := r.byFile[file]
	if set == nil {
		return nil
	}
	var any *Page
	if p := set[lang]; p != nil {
		any = p
	} else if t := r.byKey[anyPage(set).Key][lang]; t != nil {
		any = t
	} else if p := set[r.site.Config.DefaultLanguage]; p != nil {
		any = p
	} else {
		any = anyPage(set)
	}
	return any
}

func anyPage(set map[string]*Page) *Page {
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return set[keys[0]]
}

// linkTarget splits dest, a relative destination written in a document of
// folder dir of the content tree ("../guides/x.md#part"), into the path it
// names in the tree ("guides/x.md") and its fragment ("part"). inside is
// false when the path leads out of the tree: no link may publish or point at
// a file outside content/.
func linkTarget(dir, dest string) (rel, frag string, inside bool) {
	target, frag, _ := strings.Cut(dest, "#")
	// An editor may write %20 for a space; a malformed escape stays as written.
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	rel = path.Clean(path.Join(dir, target))
	if rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
		return "", "", false
	}
	return rel, frag, true
}

func hasHeading(p *Page, id string) bool {
	for _, h := range p.Body.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

func isExternal(dest string) bool {
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

func itoa(n int) string { return strconv.Itoa(n) }

// namesLanguage reports whether a link's file name picks a language itself
// ("b.hu.md"): the editor chose that version, it is not a fallback.
func (r *resolver) namesLanguage(rel string) bool {
	ext := path.Ext(strings.TrimSuffix(rel, ".md"))
	if ext == "" {
		return false
	}
	return contains(r.site.Config.Codes(), ext[1:])
}

package brief

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/yuin/goldmark/ast"
)

// Source is what the briefs of one resolved site are made from. It only
// reads: the same Source may make files on several goroutines.
type Source struct {
	Site    *resolve.Site
	Catalog *i18n.Catalog
	// Body parses a page's Markdown again, with its links resolved.
	Body func(p *resolve.Page) *markdown.Doc
	// Files are the content tree's other files ("guides/x.png"); ReadFile
	// reads one.
	Files    map[string]bool
	ReadFile func(rel string) ([]byte, error)
	Engine   *Engine
	Cache    *Cache
	// Static is the site's static folder, where site.yaml's "logo" is.
	Static fs.FS
	// Transcript returns a document's video transcript in paragraphs, as
	// its page shows it (builder/av reads transcript files); nil: only a
	// transcript written in the front matter is printed.
	Transcript func(p *resolve.Page) []string

	logoOnce  sync.Once
	logoData  []byte
	logoDiags diag.List
}

// Document prepares a page for the engine, with the images its body shows
// (for the cache key).
func (s *Source) Document(p *resolve.Page) (*Document, map[string][]byte, error) {
	lang, cfg := p.Lang, s.Site.Config
	labels := make(map[string]string, len(LabelKeys))
	for _, k := range LabelKeys {
		labels[k] = s.Catalog.T(lang, "brief."+k)
	}
	li := s.Catalog.Lang(lang)
	ty := li.Typeset
	m := Meta{
		Lang: lang, LanguageName: cfg.Language(lang).Name, SiteTitle: ty(cfg.Title[lang]),
		Title: ty(p.Title), TypeLabel: s.Catalog.T(lang, "type."+p.Meta.Type), Summary: ty(p.Summary),
		Authors: typesetAll(li, p.Meta.Authors), Partners: typesetAll(li, p.Meta.Partners), Keywords: p.Meta.Topics,
		Date: p.Date, DateText: li.FormatDate(p.Date), URL: s.Site.AbsURL(p.URL),
		Funding: ty(cfg.Funding[lang]), Licence: licenceStatement(cfg, p.Meta, lang, ty), FundedBy: ty(cfg.FundedBy[lang]),
		Labels: labels,
	}
	for _, ind := range p.Meta.Indicators {
		m.Indicators = append(m.Indicators, Indicator{Name: ty(ind.Name), Value: ty(ind.Value), Target: ty(ind.Target)})
	}
	// What the PDF's XMP metadata cites (xmp.go).
	lic := schema.LicenceOf(cfg, p.Meta)
	m.DOI, m.ReportNumber, m.Publisher = p.Meta.DOI, p.Meta.ReportNumber, cfg.PublisherIn(lang)
	m.LicenceName, m.LicenceURL = lic.Name, lic.URL
	m.Boxes = s.boxes(p, &m)
	media := s.Site.MediaURL("")
	if p.Meta.Image != "" {
		m.Image, m.ImageAlt = media+path.Clean(path.Join(p.Doc.Dir, p.Meta.Image)), ty(p.Meta.ImageAlt)
	}
	body := s.Body(p)
	readFile := func(name string) ([]byte, error) {
		rel, ok := strings.CutPrefix(name, media)
		if !ok || !s.Files[rel] {
			return nil, fmt.Errorf("no content file for image %q", name)
		}
		return s.ReadFile(rel)
	}
	images := map[string][]byte{}
	if m.Image != "" {
		if data, err := readFile(m.Image); err == nil {
			images[m.Image] = data
		}
	}
	for _, link := range body.Links {
		if !link.Image {
			continue
		}
		img, ok := link.Node.(*ast.Image)
		if !ok {
			continue
		}
		dest := string(img.Destination)
		if data, err := readFile(dest); err == nil {
			images[dest] = data
		}
	}
	d := &Document{Meta: m, Body: body, BaseURL: cfg.BaseURL, ReadFile: readFile}
	d.Logo, _ = s.logo()
	s.media(p, d, li, images)
	if len(li.NoBreakAfter) > 0 {
		d.NoBreak, d.NoBreakAfter = li.NoBreakBefore, li.NoBreakAfter
	}
	return d, images, nil
}

// docKey returns the cache key of a page's own brief input.
func (s *Source) docKey(p *resolve.Page) (string, error) {
	d, images, err := s.Document(p)
	if err != nil {
		return "", err
	}
	return Key(d, images), nil
}

// bundleKey combines the keys of a toolkit and its guides, in order.
func bundleKey(tk *resolve.Page, keyOf func(*resolve.Page) string) string {
	keys := []string{"bundle", keyOf(tk)}
	for _, g := range tk.Guides {
		keys = append(keys, keyOf(g))
	}
	sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
	return hex.EncodeToString(sum[:])
}

// Key returns the cache key of a planned PDF (a brief or a bundle).
func (s *Source) Key(j Planned) (string, error) {
	if j.Kind == KindBrief {
		return s.docKey(j.Page)
	}
	var err error
	key := bundleKey(j.Page, func(p *resolve.Page) string {
		k, e := s.docKey(p)
		if e != nil && err == nil {
			err = e
		}
		return k
	})
	return key, err
}

// PDF returns a planned brief's or bundle's PDF from the cache, or lays it
// out and caches it; key is its Key.
func (s *Source) PDF(j Planned, key string) (Result, error) {
	if pdf, pages, ok := s.Cache.Get(key); ok {
		return Result{PDF: pdf, Pages: pages}, nil
	}
	var res Result
	if j.Kind == KindBundle {
		intro, _, err := s.Document(j.Page)
		if err != nil {
			return res, err
		}
		b := &Bundle{Meta: intro.Meta, Intro: intro}
		for _, g := range j.Page.Guides {
			d, _, err := s.Document(g)
			if err != nil {
				return res, err
			}
			b.Guides = append(b.Guides, d)
		}
		if res, err = s.Engine.Bundle(b); err != nil {
			return res, err
		}
	} else {
		d, _, err := s.Document(j.Page)
		if err != nil {
			return res, err
		}
		if res, err = s.Engine.Brief(d); err != nil {
			return res, err
		}
	}
	return res, s.Cache.Put(key, res)
}

// Kit packs a toolkit's replication kit: the bundle, each guide's brief, the
// guides' attachments and a README listing them. pdf returns the bundle of
// the toolkit and the brief of a guide, ok=false for a guide without one.
func (s *Source) Kit(tk *resolve.Page, pdf func(p *resolve.Page) (data []byte, ok bool, err error)) ([]byte, error) {
	lang := tk.Lang
	var files []KitFile
	var lines []string
	add := func(name, title string, data []byte) {
		files = append(files, KitFile{Name: name, Data: data})
		lines = append(lines, fmt.Sprintf("- %s\n  %s", name, title))
	}
	bundle, _, err := pdf(tk)
	if err != nil {
		return nil, err
	}
	add(tk.Slug+"-"+lang+".pdf", tk.Title, bundle)
	seen := map[string]bool{}
	for i, g := range tk.Guides {
		data, ok, err := pdf(g)
		if err != nil {
			return nil, err
		}
		if ok {
			add(fmt.Sprintf("guides/%02d-%s-%s.pdf", i+1, g.Slug, lang), g.Title, data)
		}
		for _, a := range g.Attachments {
			if seen[a.Rel] {
				continue
			}
			seen[a.Rel] = true
			data, err := s.ReadFile(a.Rel)
			if err != nil {
				return nil, err
			}
			add("attachments/"+path.Base(a.Rel), g.Title, data)
		}
	}
	sort.Strings(lines)
	root := tk.Slug + "-" + lang + "-kit" // the archive's own name, as unpackers name its folder
	return Kit(root, KitReadme(s.Site.Config, s.Catalog, tk, s.Site.AbsURL(tk.URL), lines), files, tk.Date)
}

// KitReadme is the README.txt of a toolkit's kit, with Windows line ends
// (the file is opened in Notepad as often as anywhere): what the kit is,
// the toolkit's summary, the files (lines), where the toolkit is online,
// and the funding and licence statements.
func KitReadme(cfg *config.Config, cat *i18n.Catalog, tk *resolve.Page, url string, lines []string) string {
	lang := tk.Lang
	readme := strings.ReplaceAll(cat.T(lang, "kit.readme"), "{title}", tk.Title) + "\n\n" +
		tk.Summary + "\n\n" + cat.T(lang, "kit.contents") + "\n\n" + strings.Join(lines, "\n") + "\n\n" +
		url + "\n\n" + cfg.Funding[lang] + "\n" + licenceStatement(cfg, tk.Meta, lang, nil) + "\n"
	return strings.ReplaceAll(readme, "\n", "\r\n")
}

// licenceStatement is what a brief or a kit says of its licence, as the
// page's footer does: the site's statement (site.yaml "licence", set by
// typeset when not nil) when the document is under the site's licence,
// else the document's own (front matter "licence") by name and address;
// the site's statement would tell a reader of the printed brief that a
// CC BY-NC-SA document may be reused commercially.
func licenceStatement(cfg *config.Config, m *schema.Meta, lang string, typeset func(string) string) string {
	lic, site := schema.LicenceOf(cfg, m), schema.LicenceOf(cfg, nil)
	if text := cfg.Licence[lang]; text != "" && lic.URL == site.URL {
		if typeset != nil {
			text = typeset(text)
		}
		return text
	}
	if lic.Name == lic.URL {
		return lic.URL
	}
	return lic.Name + " – " + lic.URL
}

// Problem is an error making a document's brief as the editor reads it:
// at the document, said once ("brief: …", not "brief: brief: …").
func Problem(p *resolve.Page, err error) diag.Diag {
	msg := strings.TrimPrefix(err.Error(), "brief: ")
	return diag.Diag{Pos: diag.Pos{File: p.Doc.Path}, Severity: diag.Error, Msg: "brief: " + msg}
}

// TestHook runs at the start of each job of MakeAll; tests make it panic.
var TestHook = func(*resolve.Page) {}

// MakeAll makes every file of plan, from the cache when their inputs have
// not changed, and hands each to write; kits read their PDFs back with
// readBack. It returns what was made by name, the problems (errors stop
// the build; warnings name characters the fonts lack, told on every
// build, cached or not), and a machine error: a failed write, or a panic
// (a bug) naming the document.
//
// Memory stays flat however many documents there are: a first pass only
// hashes each document's brief input (the cache key), and each job then
// prepares its own documents, lays them out and hands the PDF over before
// the next job starts on that core.
func (s *Source) MakeAll(plan []Planned, workers int, write func(name string, data []byte) error, readBack func(name string) ([]byte, error)) (map[string]Made, diag.List, error) {
	var diags diag.List
	if _, d := s.logo(); d.HasErrors() {
		return nil, d, nil
	}
	// Each document in a brief or a bundle is hashed once.
	var needed []*resolve.Page
	in := map[*resolve.Page]bool{}
	for _, j := range plan {
		if j.Kind == KindKit {
			continue
		}
		for _, p := range append([]*resolve.Page{j.Page}, bundled(j)...) {
			if !in[p] {
				in[p] = true
				needed = append(needed, p)
			}
		}
	}
	keys := make([]string, len(needed))
	errs := make([]error, len(needed))
	warns := make([]diag.List, len(needed))
	pool.Each(len(needed), workers, func(i int) {
		d, images, err := s.Document(needed[i])
		if err == nil {
			keys[i] = Key(d, images)
			warns[i] = s.Engine.Unprintable(d, needed[i].Doc.Path, needed[i].Doc.BodyLine)
			warns[i].Append(pictureWarnings(needed[i], d, images))
			warns[i].Append(mediaWarnings(needed[i], d, images))
		}
		errs[i] = err
	})
	docKeys := map[*resolve.Page]string{}
	for i, p := range needed {
		diags.Append(warns[i])
		if errs[i] != nil {
			diags = append(diags, Problem(p, errs[i]))
			continue
		}
		docKeys[p] = keys[i]
	}
	if diags.HasErrors() {
		return nil, diags, nil
	}

	type result struct {
		made     Made
		err      error
		writeErr error // a failed write or a panic: the machine's, not the document's
	}
	var jobs []Planned
	for _, j := range plan {
		if j.Kind != KindKit {
			jobs = append(jobs, j)
		}
	}
	results := make([]result, len(jobs))
	defer GCHeadroom()()
	pool.Each(len(jobs), workers, func(i int) {
		j, r := jobs[i], &results[i]
		defer pool.Recover(&r.writeErr, j.Page.Doc.Path)
		TestHook(j.Page)
		key := docKeys[j.Page]
		if j.Kind == KindBundle {
			key = bundleKey(j.Page, func(p *resolve.Page) string { return docKeys[p] })
		}
		res, err := s.PDF(j, key)
		if err == nil {
			r.writeErr = write(j.Name, res.PDF)
		}
		r.made, r.err = Made{Pages: res.Pages, Size: int64(len(res.PDF))}, err
	})
	made := map[string]Made{}
	for i, j := range jobs {
		r := results[i]
		if r.writeErr != nil {
			return made, diags, r.writeErr
		}
		if r.err != nil {
			diags = append(diags, Problem(j.Page, r.err))
			continue
		}
		made[j.Name] = r.made
	}
	if diags.HasErrors() {
		return made, diags, nil
	}
	names := map[*resolve.Page]string{}
	for _, j := range jobs {
		names[j.Page] = j.Name
	}
	for _, j := range plan {
		if j.Kind != KindKit {
			continue
		}
		data, err := s.Kit(j.Page, func(p *resolve.Page) ([]byte, bool, error) {
			name, ok := names[p]
			if !ok {
				return nil, false, nil
			}
			data, err := readBack(name)
			return data, err == nil, err
		})
		if err != nil {
			return made, diags, err
		}
		if err := write(j.Name, data); err != nil {
			return made, diags, err
		}
		made[j.Name] = Made{Size: int64(len(data))}
	}
	return made, diags, nil
}

// bundled are the guides a planned bundle holds.
func bundled(j Planned) []*resolve.Page {
	if j.Kind == KindBundle {
		return j.Page.Guides
	}
	return nil
}

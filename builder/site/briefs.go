package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/yuin/goldmark/ast"
)

// The brief engine parses fonts and hyphenation patterns once per process,
// so that serve's rebuilds do not pay for it again.
var (
	engineOnce sync.Once
	engine     *brief.Engine
	engineErr  error
)

func briefEngine() (*brief.Engine, error) {
	engineOnce.Do(func() { engine, engineErr = brief.NewEngine() })
	return engine, engineErr
}

// briefGC lets the heap grow further while briefs are laid out: fpdf makes
// tens of megabytes of short-lived garbage per brief (font subsets, zlib
// writers), and collecting it at the default pace costs a quarter of the
// time. The returned function restores the previous setting.
func briefGC() func() {
	old := debug.SetGCPercent(400)
	return func() { debug.SetGCPercent(old) }
}

// wantsBrief reports whether a document gets a PDF of its own.
func wantsBrief(p *resolve.Page) bool {
	return p.Meta.Brief && p.Meta.Type != schema.Toolkit && p.Meta.Type != schema.Page
}

// briefJob is one PDF to make: a document's brief or a toolkit's bundle.
type briefJob struct {
	page   *resolve.Page
	kind   string // "brief" or "bundle"
	doc    *brief.Document
	bundle *brief.Bundle
	key    string
	result brief.Result
	err    error
}

// writeBriefs makes every brief, bundle and kit, from the cache when their
// inputs have not changed, and records them on their pages as downloads.
func writeBriefs(w *output.Writer, l *loaded, cacheDir string) (int, diag.List, error) {
	var diags diag.List
	eng, err := briefEngine()
	if err != nil {
		return 0, nil, err
	}
	cache := &brief.Cache{Dir: filepath.Join(cacheDir, "briefs")}
	docs := map[*resolve.Page]*brief.Document{}
	docKeys := map[*resolve.Page]string{}
	var jobs []*briefJob
	for _, p := range l.site.Docs {
		if !wantsBrief(p) && p.Meta.Type != schema.Guide && p.Meta.Type != schema.Toolkit {
			continue
		}
		d, images, err := l.briefDocument(p)
		if err != nil {
			diags.Errorf(diag.Pos{File: p.Doc.Path}, "brief: %v", err)
			continue
		}
		docs[p] = d
		docKeys[p] = brief.Key(d, images)
		if wantsBrief(p) {
			jobs = append(jobs, &briefJob{page: p, kind: "brief", doc: d, key: docKeys[p]})
		}
	}
	for _, p := range l.site.Docs {
		if p.Meta.Type != schema.Toolkit || len(p.Guides) == 0 {
			continue
		}
		b := &brief.Bundle{Meta: docs[p].Meta, Intro: docs[p]}
		keys := []string{"bundle", docKeys[p]}
		for _, g := range p.Guides {
			b.Guides = append(b.Guides, docs[g])
			keys = append(keys, docKeys[g])
		}
		sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
		jobs = append(jobs, &briefJob{page: p, kind: "bundle", bundle: b, key: hex.EncodeToString(sum[:])})
	}

	defer briefGC()()
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		if pdf, pages, ok := cache.Get(j.key); ok {
			j.result = brief.Result{PDF: pdf, Pages: pages}
			return
		}
		if j.kind == "bundle" {
			j.result, j.err = eng.Bundle(j.bundle)
		} else {
			j.result, j.err = eng.Brief(j.doc)
		}
		if j.err == nil {
			j.err = cache.Put(j.key, j.result)
		}
	})

	pdfs := map[*resolve.Page][]byte{}
	for _, j := range jobs {
		if j.err != nil {
			diags.Errorf(diag.Pos{File: j.page.Doc.Path}, "brief: %v", j.err)
			continue
		}
		name := j.page.Path + j.page.Slug + "-" + j.page.Lang + ".pdf"
		if err := w.WriteRaw(name, j.result.PDF); err != nil {
			return 0, diags, err
		}
		j.page.Downloads = append(j.page.Downloads, &resolve.Download{
			Path: name, URL: l.site.BasePath + name, Kind: j.kind, Pages: j.result.Pages, Size: int64(len(j.result.PDF)),
		})
		pdfs[j.page] = j.result.PDF
	}
	if diags.HasErrors() {
		return len(jobs), diags, nil
	}
	for _, p := range l.site.Docs {
		if p.Meta.Type == schema.Toolkit && len(p.Guides) > 0 {
			if err := writeKit(w, l, p, pdfs); err != nil {
				return len(jobs), diags, err
			}
		}
	}
	return len(jobs), diags, nil
}

// writeKit packs a toolkit's replication kit: the bundled guide, each
// guide's brief, the guides' attachments and a README listing them.
func writeKit(w *output.Writer, l *loaded, tk *resolve.Page, pdfs map[*resolve.Page][]byte) error {
	lang := tk.Lang
	t := func(key string) string { return l.cat.T(lang, key) }
	var files []brief.KitFile
	var lines []string
	add := func(name, title string, data []byte) {
		files = append(files, brief.KitFile{Name: name, Data: data})
		lines = append(lines, fmt.Sprintf("- %s\n  %s", name, title))
	}
	add(tk.Slug+"-"+lang+".pdf", tk.Title, pdfs[tk])
	seen := map[string]bool{}
	for i, g := range tk.Guides {
		if pdf, ok := pdfs[g]; ok {
			add(fmt.Sprintf("guides/%02d-%s-%s.pdf", i+1, g.Slug, lang), g.Title, pdf)
		}
		for _, a := range g.Attachments {
			if seen[a.Rel] {
				continue
			}
			seen[a.Rel] = true
			data, err := os.ReadFile(filepath.Join(l.contentDir, filepath.FromSlash(a.Rel)))
			if err != nil {
				return err
			}
			add("attachments/"+filepath.Base(a.Rel), g.Title, data)
		}
	}
	sort.Strings(lines)
	readme := strings.ReplaceAll(t("kit.readme"), "{title}", tk.Title) + "\n\n" +
		tk.Summary + "\n\n" + t("kit.contents") + "\n\n" + strings.Join(lines, "\n") + "\n\n" +
		l.site.AbsURL(tk.URL) + "\n\n" + l.cfg.Funding[lang] + "\n" + l.cfg.Licence[lang] + "\n"
	data, err := brief.Kit(strings.ReplaceAll(readme, "\n", "\r\n"), files, tk.Date)
	if err != nil {
		return err
	}
	name := tk.Path + tk.Slug + "-" + lang + "-kit.zip"
	if err := w.WriteRaw(name, data); err != nil {
		return err
	}
	tk.Downloads = append(tk.Downloads, &resolve.Download{Path: name, URL: l.site.BasePath + name, Kind: "kit", Size: int64(len(data))})
	return nil
}

// briefDocument prepares a page for the brief engine, with the images its
// body shows (for the cache key).
func (l *loaded) briefDocument(p *resolve.Page) (*brief.Document, map[string][]byte, error) {
	lang := p.Lang
	labels := make(map[string]string, len(brief.LabelKeys))
	for _, k := range brief.LabelKeys {
		labels[k] = l.cat.T(lang, "brief."+k)
	}
	m := brief.Meta{
		Lang: lang, LanguageName: l.cfg.Language(lang).Name, SiteTitle: l.cfg.Title[lang],
		Title: p.Title, TypeLabel: l.cat.T(lang, "type."+p.Meta.Type), Summary: p.Summary,
		Authors: p.Meta.Authors, Partners: p.Meta.Partners, Keywords: p.Meta.Topics,
		Date: p.Date, DateText: l.cat.Lang(lang).FormatDate(p.Date), URL: l.site.AbsURL(p.URL),
		Funding: l.cfg.Funding[lang], Licence: l.cfg.Licence[lang], Labels: labels,
	}
	for _, ind := range p.Meta.Indicators {
		m.Indicators = append(m.Indicators, brief.Indicator{Name: ind.Name, Value: ind.Value, Target: ind.Target})
	}
	body := l.body(p)
	media := l.site.MediaURL("")
	readFile := func(name string) ([]byte, error) {
		rel, ok := strings.CutPrefix(name, media)
		if !ok || !l.tree.Files[rel] {
			return nil, fmt.Errorf("no content file for image %q", name)
		}
		return os.ReadFile(filepath.Join(l.contentDir, filepath.FromSlash(rel)))
	}
	images := map[string][]byte{}
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
	return &brief.Document{Meta: m, Body: body, BaseURL: l.cfg.BaseURL, ReadFile: readFile}, images, nil
}

package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
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
// time. The headroom is fixed (the live heap plus 1 GiB), not proportional
// to the site's data, so a large site does not multiply its peak memory.
// The returned function restores the previous settings.
func briefGC() func() {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	var live int64
	if sample[0].Value.Kind() == metrics.KindUint64 {
		live = int64(sample[0].Value.Uint64())
	}
	oldLimit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(oldLimit, live+1<<30))
	oldPercent := debug.SetGCPercent(400)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

// testHookBrief runs at the start of each brief job; tests make it panic.
var testHookBrief = func(*resolve.Page) {}

// wantsBrief reports whether a document gets a PDF of its own.
func wantsBrief(p *resolve.Page) bool {
	return p.Meta.Brief && p.Meta.Type != schema.Toolkit && p.Meta.Type != schema.Page
}

// briefJob is one PDF to make: a document's brief or a toolkit's bundle.
type briefJob struct {
	page  *resolve.Page
	kind  string // "brief" or "bundle"
	key   string
	name  string // output file
	pages int
	size  int64
	err   error
	// writeErr is a failed disk write: a machine error, not the document's.
	writeErr error
}

// writeBriefs makes every brief, bundle and kit, from the cache when their
// inputs have not changed, and records them on their pages as downloads.
//
// Memory stays flat however many documents there are: a first pass only
// hashes each document's brief input (the cache key), and each job then
// prepares its own documents, lays them out and writes the PDF before the
// next job starts on that core. Kits read the PDFs back from the output.
func writeBriefs(w *output.Writer, l *loaded, cache *brief.Cache) (int, diag.List, error) {
	var diags diag.List
	eng, err := briefEngine()
	if err != nil {
		return 0, nil, err
	}
	var needed []*resolve.Page
	for _, p := range l.site.Docs {
		if wantsBrief(p) || p.Meta.Type == schema.Guide || p.Meta.Type == schema.Toolkit {
			needed = append(needed, p)
		}
	}
	keys := make([]string, len(needed))
	errs := make([]error, len(needed))
	warns := make([]diag.List, len(needed)) // characters the fonts lack: told on every build, cached or not
	parallel(len(needed), func(i int) {
		d, images, err := l.briefDocument(needed[i])
		if err == nil {
			keys[i] = brief.Key(d, images)
			warns[i] = eng.Unprintable(d, needed[i].Doc.Path, needed[i].Doc.BodyLine)
		}
		errs[i] = err
	})
	docKeys := map[*resolve.Page]string{}
	for i, p := range needed {
		diags.Append(warns[i])
		if errs[i] != nil {
			diags.Errorf(diag.Pos{File: p.Doc.Path}, "brief: %v", errs[i])
			continue
		}
		docKeys[p] = keys[i]
	}
	if diags.HasErrors() {
		return 0, diags, nil
	}

	var jobs []*briefJob
	for _, p := range l.site.Docs {
		if wantsBrief(p) {
			jobs = append(jobs, &briefJob{page: p, kind: "brief", key: docKeys[p]})
		}
	}
	for _, p := range l.site.Docs {
		if p.Meta.Type != schema.Toolkit || len(p.Guides) == 0 {
			continue
		}
		keys := []string{"bundle", docKeys[p]}
		for _, g := range p.Guides {
			keys = append(keys, docKeys[g])
		}
		sum := sha256.Sum256([]byte(strings.Join(keys, "\n")))
		jobs = append(jobs, &briefJob{page: p, kind: "bundle", key: hex.EncodeToString(sum[:])})
	}

	defer briefGC()()
	parallel(len(jobs), func(i int) {
		j := jobs[i]
		// A panic laying out a brief is a bug: it stops the build as a
		// machine error that names the document.
		defer pool.Recover(&j.writeErr, j.page.Doc.Path)
		testHookBrief(j.page)
		j.name = j.page.Path + j.page.Slug + "-" + j.page.Lang + ".pdf"
		res, err := l.makeBrief(eng, cache, j)
		if err == nil {
			j.writeErr = w.WriteRaw(j.name, res.PDF)
		}
		j.pages, j.size, j.err = res.Pages, int64(len(res.PDF)), err
	})
	for _, j := range jobs {
		if j.writeErr != nil {
			return len(jobs), diags, j.writeErr
		}
	}

	pdfs := map[*resolve.Page]string{}
	for _, j := range jobs {
		if j.err != nil {
			diags.Errorf(diag.Pos{File: j.page.Doc.Path}, "brief: %v", j.err)
			continue
		}
		j.page.Downloads = append(j.page.Downloads, &resolve.Download{
			Path: j.name, URL: l.site.BasePath + j.name, Kind: j.kind, Pages: j.pages, Size: j.size,
		})
		pdfs[j.page] = filepath.Join(w.Dir(), filepath.FromSlash(j.name))
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

// makeBrief returns a job's PDF from the cache, or lays it out and caches it.
func (l *loaded) makeBrief(eng *brief.Engine, cache *brief.Cache, j *briefJob) (brief.Result, error) {
	if pdf, pages, ok := cache.Get(j.key); ok {
		return brief.Result{PDF: pdf, Pages: pages}, nil
	}
	var res brief.Result
	if j.kind == "bundle" {
		intro, _, err := l.briefDocument(j.page)
		if err != nil {
			return res, err
		}
		b := &brief.Bundle{Meta: intro.Meta, Intro: intro}
		for _, g := range j.page.Guides {
			d, _, err := l.briefDocument(g)
			if err != nil {
				return res, err
			}
			b.Guides = append(b.Guides, d)
		}
		if res, err = eng.Bundle(b); err != nil {
			return res, err
		}
	} else {
		d, _, err := l.briefDocument(j.page)
		if err != nil {
			return res, err
		}
		if res, err = eng.Brief(d); err != nil {
			return res, err
		}
	}
	return res, cache.Put(j.key, res)
}

// writeKit packs a toolkit's replication kit: the bundled guide, each
// guide's brief, the guides' attachments and a README listing them.
func writeKit(w *output.Writer, l *loaded, tk *resolve.Page, pdfs map[*resolve.Page]string) error {
	lang := tk.Lang
	t := func(key string) string { return l.cat.T(lang, key) }
	var files []brief.KitFile
	var lines []string
	add := func(name, title string, data []byte) {
		files = append(files, brief.KitFile{Name: name, Data: data})
		lines = append(lines, fmt.Sprintf("- %s\n  %s", name, title))
	}
	bundle, err := os.ReadFile(pdfs[tk])
	if err != nil {
		return err
	}
	add(tk.Slug+"-"+lang+".pdf", tk.Title, bundle)
	seen := map[string]bool{}
	for i, g := range tk.Guides {
		if file, ok := pdfs[g]; ok {
			pdf, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			add(fmt.Sprintf("guides/%02d-%s-%s.pdf", i+1, g.Slug, lang), g.Title, pdf)
		}
		for _, a := range g.Attachments {
			if seen[a.Rel] {
				continue
			}
			seen[a.Rel] = true
			data, err := l.contentFS.ReadFile(a.Rel)
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
		return l.contentFS.ReadFile(rel)
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

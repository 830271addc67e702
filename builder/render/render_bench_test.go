package render_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/4im-project/dissem/bench/corpus"
	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/templates"
)

// benchSite runs the front of the pipeline (load, validate, parse and render
// bodies with link placeholders, resolve) on a generated corpus of n
// documents × 3 languages and returns a Renderer with the default templates,
// as builder/site does.
func benchSite(b *testing.B, n int) (*resolve.Site, *render.Renderer) {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	cfg, d := config.Load(filepath.Join(dir, "site", "site.yaml"))
	if d.HasErrors() {
		b.Fatal(d)
	}
	off := false
	cfg.Briefs, cfg.Search = &off, &off
	i18nFS, _ := fs.Sub(templates.FS, "i18n")
	cat, d := i18n.Load(i18nFS, "templates/i18n", cfg.Codes())
	if d.HasErrors() {
		b.Fatal(d)
	}
	mds := map[string]*markdown.Markdown{}
	for _, code := range cfg.Codes() {
		q := cat.Lang(code).Quotes
		mds[code] = markdown.New(markdown.Options{Quotes: markdown.Quotes{Open: q[0], Close: q[1], OpenSingle: q[2], CloseSingle: q[3]},
			TaskDone: cat.T(code, "task_done"), TaskOpen: cat.T(code, "task_open")})
	}
	tree, d := content.Load(os.DirFS(filepath.Join(dir, "site", "content")),
		content.Options{Prefix: "content", Languages: cfg.Codes(), Default: cfg.DefaultLanguage})
	if d.HasErrors() {
		b.Fatal(d)
	}
	inputs := make([]resolve.Input, len(tree.Docs))
	for i, doc := range tree.Docs {
		meta, d := schema.Validate(doc, cfg.Sections)
		if d.HasErrors() {
			b.Fatal(d)
		}
		md := mds[doc.Lang]
		body := md.Parse(doc.Path, doc.Body, doc.BodyLine)
		var html bytes.Buffer
		if err := md.RenderDeferred(&html, body); err != nil {
			b.Fatal(err)
		}
		body.DropTree()
		inputs[i] = resolve.Input{Doc: doc, Meta: meta, Body: body, HTML: html.Bytes()}
	}
	site, d := resolve.Resolve(cfg, inputs, resolve.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Files: tree.Files})
	if d.HasErrors() {
		b.Fatal(d)
	}
	r, d := render.New(site, render.Options{Templates: templates.FS, Dir: "templates", Catalog: cat})
	if d.HasErrors() {
		b.Fatal(d)
	}
	return site, r
}

func benchPages(b *testing.B, pages []*resolve.Page, r *render.Renderer) {
	b.ReportAllocs()
	var bytes, iters int
	for b.Loop() {
		for _, p := range pages {
			html, err := r.Page(p)
			if err != nil {
				b.Fatal(err)
			}
			bytes += len(html)
		}
		iters++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(len(pages)*iters), "µs/page")
	b.ReportMetric(float64(bytes)/float64(len(pages)*iters)/1024, "KB/page")
}

// BenchmarkDocumentPages renders every document page: the templates around
// the body's HTML, rendered at load time (links filled in here).
func BenchmarkDocumentPages(b *testing.B) {
	site, r := benchSite(b, 100)
	benchPages(b, site.Docs, r)
}

// BenchmarkListPages renders the generated pages: homes, section lists,
// taxonomy indexes and terms (templates only, no Markdown).
func BenchmarkListPages(b *testing.B) {
	site, r := benchSite(b, 100)
	var pages []*resolve.Page
	for _, p := range site.Pages {
		if p.Kind != resolve.KindDocument {
			pages = append(pages, p)
		}
	}
	benchPages(b, pages, r)
}

// BenchmarkFeedsAndSitemap renders each language's feed and the sitemap.
func BenchmarkFeedsAndSitemap(b *testing.B) {
	site, r := benchSite(b, 100)
	b.ReportAllocs()
	for b.Loop() {
		for _, code := range site.Config.Codes() {
			lang := site.ByLang[code]
			if _, err := r.Feed(code, "", "/"+code+"/index.xml", lang.Home.URL, lang.Docs); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := r.Sitemap(site.Pages); err != nil {
			b.Fatal(err)
		}
	}
}

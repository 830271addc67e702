package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/linkcheck"
	"github.com/4im-project/dissem/builder/media"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/search"
)

// Build runs the whole pipeline. Content errors come back in Result.Diags
// with a nil error and nothing written; err is for failures of the machine
// (disk, permissions). A panic anywhere in the build, a bug, comes back as
// a *pool.Panic error (its Bug method says so) after the temporary output
// folder is removed.
func Build(opts Options) (res *Result, err error) {
	defer pool.Recover(&err, "")
	return build(opts)
}

func build(opts Options) (*Result, error) {
	start := time.Now()
	opts.defaults()
	res := &Result{}
	sw := &stopwatch{last: start}
	defer func() { res.Stages = sw.stages }()
	l, diags := load(&opts, sw, nil)
	res.Diags = diags
	if diags.HasErrors() {
		res.Diags.Sort()
		return res, nil
	}
	res.Languages = len(l.cfg.Languages)

	// output.New refuses a dest that holds sources or files it did not write.
	w, err := output.New(opts.Dest, output.Options{Source: opts.Source, Keep: []string{opts.Config, opts.CacheDir}, Minify: !opts.NoMinify})
	if err != nil {
		return res, err
	}
	if opts.Check {
		// A check writes beside nothing: its temporary folder is removed by the caller.
		res.Dir = w.Dir()
	}
	ok := false
	defer func() {
		if opts.Check {
			w.Release()
		} else if !ok {
			_ = w.Abort()
		}
	}()
	cache := &brief.Cache{Dir: filepath.Join(opts.CacheDir, "briefs")}
	g, d, err := generate(w, l, &opts, cache, nil, sw)
	res.Diags.Append(d)
	if err != nil || d.HasErrors() {
		res.Diags.Sort()
		return res, err
	}
	res.Briefs = g.briefs
	res.Pictures = g.pictures
	if opts.Check {
		// Positions are files of the built site, e.g. en/news/index.html:1.
		rep, d := linkcheck.Check(w.Dir(), l.cfg.BaseURL)
		res.Links = rep.Links
		res.Diags.Append(d)
		sw.lap("linkcheck")
	}
	res.Diags.Sort()
	if res.Diags.HasErrors() {
		return res, nil
	}
	res.Pages = len(l.site.Pages)
	res.Files, res.Bytes = w.Files(), w.Bytes()
	if !opts.Check {
		if err := w.Commit(); err != nil {
			return res, err
		}
		if l.cfg.BriefsOn() {
			// Only now that the site is online: the cache keeps its briefs.
			_ = cache.Prune()
		}
		// The media cache likewise keeps only this site's pictures.
		_ = l.pictures.prune()
		res.Dir = opts.Dest
		sw.lap("commit")
	}
	ok = true
	res.Duration = time.Since(start)
	return res, nil
}

// genResult is what generate tells besides the files.
type genResult struct {
	// briefs is how many PDFs were made; plan what the pages offer.
	briefs int
	plan   []brief.Planned
	// search are the search indexes to make when asked for (LazySearch).
	search []*lazySearch
	// register is the register to make when asked for (LazyRegister).
	register *lazyRegister
	// pictures says what writeMedia published.
	pictures media.Stats
	// renderer made the pages (serve's rebody renders with it again).
	renderer *render.Renderer
}

// generate runs the stages after load into w: static files, templates,
// briefs, pages, feeds and sitemap, search index, media. A build makes
// everything; serve passes its cache (inc), which plans the briefs without
// making them and keeps what the previous snapshot has right. Content
// problems come back as diagnostics, failures of the machine as err.
func generate(w *output.Writer, l *loaded, o *Options, cache *brief.Cache, inc *incremental, sw *stopwatch) (genResult, diag.List, error) {
	var g genResult
	var diags diag.List
	assets, sd, err := writeStatic(w, l.staticFS, l.site.BasePath, inc, relPath(o.Source+"/static"))
	if err != nil || sd.HasErrors() {
		return g, sd, err
	}
	// Security headers for static hosts; a site's own static/_headers wins.
	if _, own := assets[render.HeadersName]; !own {
		if err := w.WriteRaw(render.HeadersName, render.Headers()); err != nil {
			return g, nil, err
		}
	} else if data, err := fs.ReadFile(l.staticFS, render.HeadersName); err == nil && !bytes.Contains(bytes.ToLower(data), []byte("content-security-policy:")) {
		diags.Warnf(diag.Pos{File: relPath(o.Source + "/static/" + render.HeadersName), Line: 1, Col: 1},
			"this file replaces the _headers dissem writes and sets no Content-Security-Policy: hosts that read it will serve the pages without the policy that stops injected script, and downloads without their types; copy into it the lines of the _headers a build writes without it")
	}
	// robots.txt names the sitemap; a site's own static/robots.txt wins.
	if _, own := assets[render.RobotsName]; !own {
		if err := w.WriteRaw(render.RobotsName, render.Robots(l.site)); err != nil {
			return g, nil, err
		}
	}
	r, d := render.New(l.site, render.Options{Templates: l.tmplFS, Dir: relPath(o.Source + "/templates"), Catalog: l.cat, Assets: assets, Content: l.contentFS, Picture: l.pictures.lead, AV: l.av})
	diags.Append(d)
	if d.HasErrors() {
		return g, diags, nil
	}
	sw.lap("static+templates")
	var downloads resolve.Downloads
	if l.cfg.BriefsOn() {
		if inc != nil {
			// serve makes a brief when it is asked for (Session.Brief).
			g.plan = brief.Plan(l.site.Docs)
			downloads = brief.Downloads(g.plan, l.site.BasePath, nil)
		} else {
			downloads, g.briefs, d, err = writeBriefs(w, l, cache)
			if err != nil {
				return g, diags, err
			}
			diags.Append(d)
			if d.HasErrors() {
				return g, diags, nil
			}
			sw.lap("briefs")
		}
		r = r.WithDownloads(downloads)
		if inc != nil {
			inc.prepare(l.site, downloads)
		}
		// After prepare: serve keeps a page's citation files by its digest.
		if err := writeCitations(w, r, l.site.Docs, inc); err != nil {
			return g, diags, err
		}
	} else if inc != nil {
		inc.prepare(l.site, nil)
	}
	if inc != nil {
		sw.lap("digests")
	}
	pages := l.site.Pages
	exports := func() error { return nil }
	joinRegister := func() {}
	if inc != nil && o.LazyRegister {
		g.register = newLazyRegister(l, downloads, r, o)
		pages = withoutWhole(pages)
	} else {
		// The register is made beside the search index, which leaves a
		// core idle at times, and joined before the pages, which show it;
		// its exports are written beside the pages. A build that stops
		// early still waits for them to leave the writer.
		made := make(chan struct{})
		var reg *register.Register
		var wait func() error
		go func() {
			defer close(made)
			reg, wait = startRegister(w, l, downloads, o.CacheDir, inc)
		}()
		exports = func() error { <-made; return wait() }
		defer exports()
		joinRegister = func() {
			<-made
			r = r.WithRegister(reg)
			g.renderer = r
		}
	}
	g.renderer = r
	// The search index before the pages: it reads every body, and a build
	// lets each body go once its page is written, so the index's tables are
	// never on the heap beside bodies the page stage could have let go.
	if l.cfg.SearchOn() {
		if inc != nil && o.LazySearch {
			g.search = planSearch(l, inc)
		} else if err := writeSearch(w, l, inc); err != nil {
			return g, diags, err
		}
		sw.lap("search")
	}
	// What the build waits for the register, made beside the index.
	joinRegister()
	sw.lap("register")
	d, err = writePages(w, r, pages, l.bodies, inc == nil, inc)
	if err != nil {
		return g, diags, err
	}
	diags.Append(d)
	sw.lap("pages")
	if err := writeFeeds(w, r, l.site, inc); err != nil {
		return g, diags, err
	}
	sw.lap("feeds+sitemap")
	g.pictures, d, err = writeMedia(w, l, l.av.Used(), l.av.Read(), inc)
	if err != nil {
		return g, diags, err
	}
	diags.Append(d)
	sw.lap("media")
	// What the build waits for the register's exports, made beside the
	// pages (at N = 10,000 they are long written by then).
	if err := exports(); err != nil {
		return g, diags, err
	}
	sw.lap("register exports")
	diags.Append(l.cat.Missing(relPath(o.Source + "/templates/i18n")))
	return g, diags, nil
}

// writeStatic copies the static files; CSS and JS get fingerprinted names.
// A site's file the minifier cannot parse is the editor's to fix, reported
// at its line (staticProblem); display names the static folder in messages.
func writeStatic(w *output.Writer, fsys fs.FS, base string, inc *incremental, display string) (map[string]string, diag.List, error) {
	if kept := inc.keepStatic(w); kept != nil {
		return kept, nil, nil
	}
	assets := map[string]string{}
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !strings.HasSuffix(p, ".go") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	var outs []string
	var diags diag.List
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		data, err = w.Minify(name, data)
		if err != nil {
			if d, ok := staticProblem(err, display, name); ok {
				diags = append(diags, d)
				continue
			}
			return nil, nil, err
		}
		out := name
		switch path.Ext(name) {
		case ".css", ".js", ".svg":
			out = output.Fingerprint(name, data)
		}
		assets[name] = base + out
		if err := w.WriteRaw(out, data); err != nil {
			return nil, nil, err
		}
		outs = append(outs, out)
	}
	if inc != nil && len(diags) == 0 {
		inc.static = &staticOut{names: outs, assets: assets}
	}
	return assets, diags, nil
}

// writePages renders pages in parallel: a page's template error is the
// content's (reported once per mistake, at the template), a failed write
// the machine's.
func writePages(w *output.Writer, r *render.Renderer, pages []*resolve.Page, bodies *bodies, drop bool, inc *incremental) (diag.List, error) {
	errs := make([]error, len(pages))
	writeErrs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		if inc != nil && inc.keep(w, render.OutputName(pages[i]), inc.dg.page(pages[i])) {
			return
		}
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		errs[i] = r.WritePageBody(buf, pages[i], bodies.of(pages[i]))
		if drop {
			bodies.drop(pages[i])
		}
		if errs[i] == nil {
			writeErrs[i] = w.Write(render.OutputName(pages[i]), buf.Bytes())
		}
		bufPool.Put(buf)
	})
	if err := firstError(writeErrs); err != nil {
		return nil, err
	}
	return render.Report(pages, errs), nil
}

// firstError is the first of errs (files written in parallel) and how many
// more there are: a full disk refuses thousands of pages, and one message
// says it.
func firstError(errs []error) error {
	var first error
	more := 0
	for _, err := range errs {
		switch {
		case err == nil:
		case first == nil:
			first = err
		default:
			more++
		}
	}
	if more > 0 {
		return fmt.Errorf("%w (and %d more files)", first, more)
	}
	return first
}

// sitemapURLs is render.SitemapURLs; tests lower it.
var sitemapURLs = render.SitemapURLs

// writeFeeds writes the RSS feeds of every language and section and the
// sitemap, each file an independent job run in parallel.
func writeFeeds(w *output.Writer, r *render.Renderer, s *resolve.Site, inc *incremental) error {
	return runFeedJobs(w, feedJobs(r, s, inc), inc)
}

// runFeedJobs makes jobs in parallel into w, keeping the previous
// snapshot's file where its digest is the same (inc, serve).
func runFeedJobs(w *output.Writer, jobs []feedJob, inc *incremental) error {
	errs := make([]error, len(jobs))
	parallel(len(jobs), func(i int) {
		if inc != nil && inc.keep(w, jobs[i].name, jobs[i].digest()) {
			return
		}
		data, err := jobs[i].make()
		if err == nil {
			err = w.Write(jobs[i].name, data)
		}
		errs[i] = err
	})
	return firstError(errs)
}

// feedJob is one file of writeFeeds.
type feedJob struct {
	name string
	make func() ([]byte, error)
	// digest is what the file is made from (serve's cache).
	digest func() uint64
	// items are a feed's documents, newest first (nil for a sitemap).
	items func() []*resolve.Page
}

// feedJobs are the feeds of every language and section and the sitemap.
func feedJobs(r *render.Renderer, s *resolve.Site, inc *incremental) []feedJob {
	type job = feedJob
	var jobs []job
	for _, code := range s.Config.Codes() {
		lang := s.ByLang[code]
		var docs []*resolve.Page
		for _, p := range lang.Docs {
			if p.Meta.Type != "page" {
				docs = append(docs, p)
			}
		}
		jobs = append(jobs, job{code + "/index.xml", func() ([]byte, error) {
			return r.Feed(code, "", s.BasePath+code+"/index.xml", lang.Home.URL, docs)
		}, func() uint64 { return inc.dg.feed(docs) }, func() []*resolve.Page { return docs }})
		sections := make([]string, 0, len(lang.Sections))
		for sec := range lang.Sections {
			sections = append(sections, sec)
		}
		sort.Strings(sections)
		for _, sec := range sections {
			first := lang.Sections[sec][0]
			items := func() []*resolve.Page {
				var items []*resolve.Page
				for _, p := range lang.Sections[sec] {
					items = append(items, p.Items...)
				}
				return items
			}
			jobs = append(jobs, job{first.Path + "index.xml", func() ([]byte, error) {
				return r.Feed(code, sec, first.URL+"index.xml", first.URL, items())
			}, func() uint64 { return inc.dg.feed(items()) }, items})
		}
	}
	// One sitemap while it may hold every page; past that, an index of
	// files. The pages for missing addresses are in none: split without
	// them, or the last file could list nothing.
	pages := make([]*resolve.Page, 0, len(s.Pages))
	for _, p := range s.Pages {
		if p.Kind != resolve.KindNotFound {
			pages = append(pages, p)
		}
	}
	if len(pages) <= sitemapURLs {
		jobs = append(jobs, job{"sitemap.xml", func() ([]byte, error) { return r.Sitemap(pages) },
			func() uint64 { return inc.dg.sitemap(pages) }, nil})
	} else {
		var urls []string
		for i := 0; i*sitemapURLs < len(pages); i++ {
			chunk := pages[i*sitemapURLs : min((i+1)*sitemapURLs, len(pages))]
			name := fmt.Sprintf("sitemap-%d.xml", i+1)
			urls = append(urls, s.BasePath+name)
			jobs = append(jobs, job{name, func() ([]byte, error) { return r.Sitemap(chunk) },
				func() uint64 { return inc.dg.sitemap(chunk) }, nil})
		}
		jobs = append(jobs, job{"sitemap.xml", func() ([]byte, error) { return r.SitemapIndex(urls) },
			func() uint64 { return inc.dg.strings(urls) }, nil})
	}
	return jobs
}

// searchLang is what the search index of language code is made from.
func searchLang(l *loaded, code string) search.Lang {
	return search.Lang{Code: code, Docs: l.site.ByLang[code].Docs, Body: l.bodies.of,
		TypeLabel:  func(t string) string { return l.cat.T(code, "type."+t) },
		FormatDate: l.cat.Lang(code).FormatDate}
}

// writeSearch writes the search index of every language: the files of
// search.BuildTo, written as they are.
func writeSearch(w *output.Writer, l *loaded, inc *incremental) error {
	defer search.TightGC()()
	// One Builder: each language's tables reuse the memory of the one before.
	var sb search.Builder
	for _, code := range l.cfg.Codes() {
		lang := searchLang(l, code)
		var d uint64
		if inc != nil {
			// serve: a language whose documents did not change keeps its files.
			if d = inc.dg.search(lang.Docs); inc.keepSet(w, code+"/search", d) {
				continue
			}
		}
		// Each file is written as it is made: the index's bytes are never
		// all on the heap at once. The index writes its JSON without a
		// byte to spare: the minifier would parse every file to change
		// nothing (search.TestFilesMinified).
		var names []string
		err := sb.BuildTo(lang, func(name string, data []byte) error {
			names = append(names, name)
			return w.WriteRaw(name, data)
		})
		if err != nil {
			return err
		}
		sort.Strings(names)
		if inc != nil {
			inc.madeSet(code+"/search", d, names)
		}
	}
	return nil
}

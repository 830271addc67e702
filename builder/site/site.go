// Package site runs the build: the only package that knows the order of the
// stages load → validate → resolve → render → write.
package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/4im-project/dissem/builder/av"
	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/internal/sitefs"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/media"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/static"
	"github.com/4im-project/dissem/templates"
)

// Options configure a build.
type Options struct {
	// Source is the site folder; Config defaults to Source/site.yaml, Dest to Source/public.
	Source, Config, Dest string
	Drafts               bool
	// BaseURL overrides the configuration's.
	BaseURL string
	// NoBriefs and NoSearch switch those outputs off.
	NoBriefs, NoSearch bool
	// NoMinify writes HTML, CSS and JS as rendered.
	NoMinify bool
	// Now decides publish and expiry dates; zero means the current time.
	Now time.Time
	// CacheDir keeps rendered briefs between builds; "" means Source/.dissem-cache.
	CacheDir string
	// Check validates and renders into a temporary folder, then discards it.
	Check bool
	// Log receives warnings and the summary line; nil discards them.
	Log io.Writer
	// LazySearch (a Session only) makes a language's search index when one
	// of its files is asked for (Session.Brief, Snapshot.LazyDirs) instead
	// of on every rebuild: at N = 10,000 it takes seconds.
	LazySearch bool
	// LazyRegister (a Session only) makes the register of outputs (its
	// pages and exports) and the downloads pages (Snapshot.Lazy) when one
	// of them is asked for instead of on every rebuild: they list every
	// document.
	LazyRegister bool
	// timeLoadShare makes the load time, in CPU time, what it takes for
	// the register (loaded.sumCost): BenchmarkRegister counts it.
	timeLoadShare bool
}

// Result describes a finished build.
type Result struct {
	Pages, Languages, Briefs int
	// Links is how many internal links a check followed.
	Links    int
	Files    int64
	Bytes    int64
	Duration time.Duration
	Diags    diag.List
	// Dir is where the site was written (a temporary folder for Check).
	Dir string
	// Stages is the time each stage took, in the order they ran.
	Stages []Stage
	// Pictures says how many pictures were published and how many of
	// them were processed rather than taken from the cache.
	Pictures media.Stats
}

// Stage is the wall time of one stage of a build.
type Stage struct {
	Name     string
	Duration time.Duration
}

// stopwatch records stages as laps of one clock; a nil one records nothing.
type stopwatch struct {
	last   time.Time
	stages []Stage
}

func (s *stopwatch) lap(name string) {
	if s == nil {
		return
	}
	now := time.Now()
	s.stages = append(s.stages, Stage{name, now.Sub(s.last)})
	s.last = now
}

// Summary is the line printed at the end of a build.
func (r *Result) Summary() string {
	s := fmt.Sprintf("built %d pages and %d briefs in %d languages in %.2f s", r.Pages, r.Briefs, r.Languages, r.Duration.Seconds())
	if p := r.Pictures; p.Images > 0 {
		// An editor sees that an unchanged picture costs nothing.
		s += fmt.Sprintf("; %d pictures (%d resized, %d from the cache)", p.Images, p.Processed, p.Reused)
	}
	return s
}

func (o *Options) defaults() {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Config == "" {
		o.Config = filepath.Join(o.Source, "site.yaml")
	}
	if o.Dest == "" {
		o.Dest = filepath.Join(o.Source, "public")
	}
	if o.CacheDir == "" {
		o.CacheDir = filepath.Join(o.Source, ".dissem-cache")
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// loaded is what the front of the pipeline produces.
type loaded struct {
	cfg      *config.Config
	cat      *i18n.Catalog
	md       map[string]*markdown.Markdown
	tree     *content.Tree
	site     *resolve.Site
	tmplFS   fs.FS
	staticFS fs.FS
	// contentFS is the content folder, read only through sitefs.
	contentFS *sitefs.FS
	// bodies are the documents' rendered bodies (markdown.RenderDeferred),
	// apart from the resolved pages.
	bodies *bodies
	// pictures are the content's pictures, published in their sizes (media.go).
	pictures *pictureSource
	// copts and contacts are what loadDoc reads a document with.
	copts    content.Options
	contacts map[string]bool
	// av are the documents' galleries and videos (av.go).
	av *av.Media
	// hashes are the register's source hashes, made while the load
	// held the bodies (sourcehash.go); nil in serve and when no
	// translation records translated_from. In a build they are made
	// beside resolve: read them after sourcesHashed.
	hashes  map[*content.Doc]string
	hashing chan struct{}
	// fronts are register.MetaSum of each document's front matter, in
	// the load's order, taken by the load while the fields are at hand,
	// for the key of the register's cache (register.Key); nil in serve.
	// sumCost is the time they took (BenchmarkRegister counts it).
	fronts  []uint64
	sumCost time.Duration
	// sources are what the load took for hashSources, by input (build only).
	sources []sourceInfo
	// timeShare: take sumCost (Options.timeLoadShare).
	timeShare bool
}

// timed runs f and returns the CPU time it took, in nanoseconds, when the
// load times its share for the register (0 otherwise: the clock is a
// system call, too dear for every build). The goroutine keeps its thread
// meanwhile, as the clock is the thread's, and a reading of the clock is
// taken off: the time between two readings around nothing.
func (l *loaded) timed(f func()) int64 {
	if !l.timeShare {
		f()
		return 0
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	t0 := threadCPUTime()
	t1 := threadCPUTime()
	f()
	t2 := threadCPUTime()
	return max(t2-t1-(t1-t0), 0)
}

// sourcesHashed waits until the load has made l.hashes (and, with briefs
// off, let go of the bodies).
func (l *loaded) sourcesHashed() {
	if l.hashing != nil {
		<-l.hashing
	}
}

// body parses a document's Markdown again, with its links resolved: the
// tree is made where it is used and dropped right after (see load).
func (l *loaded) body(p *resolve.Page) *markdown.Doc {
	l.sourcesHashed() // with briefs off the load lets the bodies go then
	b := l.md[p.Lang].Parse(p.Doc.Path, p.Doc.Body, p.Doc.BodyLine)
	b.SetDestinations(p.LinkDests)
	return b
}

// load runs load → validate → resolve and collects every diagnostic. docs,
// serve's cache of documents, may be nil.
func load(o *Options, sw *stopwatch, docs *docCache) (*loaded, diag.List) {
	var diags diag.List
	cfg, d := config.Load(o.Config)
	if cfg != nil {
		d.Append(schema.CheckSite(cfg))
	}
	if msg := config.CheckBaseURL(o.BaseURL); o.BaseURL != "" && msg != "" {
		d.Errorf(diag.Pos{File: "--base-url"}, "%s", msg)
	}
	diags.Append(d)
	if cfg == nil || d.HasErrors() {
		return nil, diags
	}
	if o.BaseURL != "" {
		cfg.BaseURL = o.BaseURL
	}
	if o.NoBriefs {
		off := false
		cfg.Briefs = &off
	}
	if o.NoSearch {
		off := false
		cfg.Search = &off
	}
	l := &loaded{cfg: cfg, timeShare: o.timeLoadShare}
	// Every file of the site is read through sitefs (see overlay.go).
	l.tmplFS, d = siteOverlay(o.Source, "templates", templates.FS)
	diags.Append(d)
	l.staticFS, d = siteOverlay(o.Source, "static", static.FS)
	// Refused files are reported with the content's problems below: the
	// overlay's defaults stand in for them meanwhile.
	diags.Append(d)
	i18nFS, _ := fs.Sub(l.tmplFS, "i18n")
	cat, d := i18n.Load(i18nFS, filepath.Join(o.Source, "templates", "i18n"), cfg.Codes())
	diags.Append(d)
	if d.HasErrors() {
		return nil, diags
	}
	l.cat = cat
	l.md = map[string]*markdown.Markdown{}
	l.pictures = &pictureSource{}
	for _, code := range cfg.Codes() {
		lang := cat.Lang(code)
		var noBreak func(string) bool
		if len(lang.NoBreakAfter) > 0 {
			noBreak = lang.NoBreakBefore
		}
		l.md[code] = markdown.New(markdown.Options{
			NoBreak:    noBreak,
			Notes:      cat.T(code, "notes"),
			Quotes:     markdown.Quotes{Open: lang.Quotes[0], Close: lang.Quotes[1], OpenSingle: lang.Quotes[2], CloseSingle: lang.Quotes[3]},
			AllowHTML:  cfg.AllowHTML,
			TaskDone:   cat.T(code, "task_done"),
			TaskOpen:   cat.T(code, "task_open"),
			TableLabel: cat.T(code, "table_n"),
			Pictures:   l.pictures,
		})
	}

	contentDir := relPath(filepath.Join(o.Source, "content"))
	contentFS, d := sitefs.OpenTree(o.Source, "content", contentDir)
	diags.Append(d)
	if contentFS == nil {
		if !d.HasErrors() {
			diags.Errorf(diag.Pos{File: contentDir}, "there is no content folder; put the site's Markdown files in a folder content/ beside site.yaml")
		}
		return nil, diags
	}
	l.contentFS = contentFS
	copts := content.Options{Prefix: contentDir, Languages: cfg.Codes(), Default: cfg.DefaultLanguage}
	mdPaths, files, d := docs.list(contentFS, copts)
	l.pictures.open(contentFS, files, copts.Prefix, cfg, o)
	diags.Append(d)
	l.tree = &content.Tree{Docs: make([]*content.Doc, len(mdPaths)), Files: files}

	// One pass per document, read → validate → Markdown, so that a file's
	// source and front-matter tree are dropped before the next is read
	// instead of the whole site's being held at once.
	inputs := make([]resolve.Input, len(mdPaths))
	html := make([][]byte, len(mdPaths))
	perDoc := make([]diag.List, len(mdPaths))
	var sums []uint64
	var sources []sourceInfo
	var sumCost atomic.Int64
	if docs == nil {
		sums = make([]uint64, len(mdPaths))
		sources = make([]sourceInfo, len(mdPaths))
	}
	publicContacts := map[string]bool{}
	for _, c := range cfg.PublicContacts {
		publicContacts[schema.NormalizeContact(c)] = true
	}
	l.copts, l.contacts = copts, publicContacts
	parallel(len(mdPaths), func(i int) {
		var fsys fs.FS = contentFS
		var sum uint64
		var src []byte
		if docs != nil {
			// serve: a document that has not changed is not read again.
			var e *docEntry
			if e, sum, src = docs.lookup(contentFS, mdPaths[i]); e != nil {
				l.tree.Docs[i], inputs[i], perDoc[i], html[i] = e.doc, e.input, e.diags, e.html
				docs.store(mdPaths[i], e)
				return
			}
			if src != nil {
				fsys = fileBytes{mdPaths[i], src}
			}
		}
		e := l.loadDoc(fsys, mdPaths[i], docs, sum, src)
		l.tree.Docs[i], inputs[i], perDoc[i], html[i] = e.doc, e.input, e.diags, e.html
		if docs != nil {
			docs.store(mdPaths[i], e)
		} else {
			sums[i], sources[i] = e.metaSum, e.source
			sumCost.Add(e.sumCost)
		}
	})
	dropBodies := func() {
		if !cfg.BriefsOn() {
			for _, doc := range l.tree.Docs {
				if doc != nil {
					doc.Body = nil
				}
			}
		}
	}
	if docs == nil {
		// A build: the register's source hashes while the bodies are at
		// hand (serve's register hashes what it asks for when made),
		// beside resolve, which keeps one core busy and reads no body
		// (sourcesHashed waits for them).
		hashed := make(chan struct{})
		l.hashing = hashed
		go func() {
			defer close(hashed)
			l.hashes = hashSources(l.tree.Docs, sources, o.CacheDir)
			dropBodies()
		}()
		l.fronts = sums
		l.sumCost = time.Duration(sumCost.Load())
		l.sources = sources
	} else {
		dropBodies()
	}
	l.bodies = newBodies(l.tree.Docs, html)
	l.bodies.packed = docs != nil
	l.pictures.keep(docs)
	for _, d := range perDoc {
		diags.Append(d)
	}
	if len(l.tree.Docs) > 0 {
		// An empty content folder is reported once by resolve, not as
		// every menu entry naming nothing.
		diags.Append(resolve.CheckMenu(cfg, l.tree.Docs))
	}
	sw.lap("read+validate+markdown")
	if diags.HasErrors() {
		return l, diags
	}
	site, d := resolve.Resolve(cfg, inputs, resolve.Options{Drafts: o.Drafts, Now: o.Now, Files: files, Search: cfg.SearchOn(), Downloads: cfg.BriefsOn(),
		Static: staticNames(l.staticFS), Content: copts.Prefix, StaticDir: relPath(filepath.Join(o.Source, "static"))})
	diags.Append(d)
	sw.lap("resolve")
	l.site = site
	if !diags.HasErrors() {
		l.av, d = prepareAV(l, copts.Prefix)
		diags.Append(d)
	}
	return l, diags
}

// loadDoc reads, validates and parses document rel of fsys (read →
// validate → Markdown): its load result. docs (serve's cache, may be nil)
// hashes its front matter; sum and src are the file's hash and bytes when
// serve read them already.
func (l *loaded) loadDoc(fsys fs.FS, rel string, docs *docCache, sum uint64, src []byte) *docEntry {
	cfg := l.cfg
	doc, d := content.LoadFile(fsys, rel, l.copts)
	e := &docEntry{sum: sum, doc: doc}
	if docs != nil {
		// The front matter's hash before the body is dropped.
		e.front = docs.frontSum(rel, src, doc.Body)
	}
	if doc.Front == nil {
		// Unreadable: reported, nothing to validate.
		e.diags = d
		return e
	}
	meta, vd := schema.Validate(doc, cfg.Sections)
	d.Append(vd)
	if docs == nil {
		// A build: the fields the register shows and what hashSources
		// needs of a body it keeps, while they are at hand.
		keep := cfg.BriefsOn() || keepsBody(doc, meta.TranslatedFrom, cfg.DefaultLanguage)
		e.sumCost = l.timed(func() {
			e.metaSum = register.MetaSum(meta)
			e.source = sourceInfoOf(doc, meta, keep)
		})
	}
	d.Append(schema.Lint(doc, meta, l.contacts))
	body := l.md[doc.Lang].Parse(doc.Path, doc.Body, doc.BodyLine, markdown.WithLead(meta.Image != ""))
	d.Append(bodyProblems(meta, body))
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	if err := l.md[doc.Lang].RenderDeferred(buf, body); err != nil {
		d.Errorf(diag.Pos{File: doc.Path}, "cannot render the Markdown: %v", err)
	}
	// Kept until the page is rendered: an exact copy, not a buffer's
	// doubled capacity; in serve's cache, packed (store.go).
	e.html = keptBody(docs != nil, buf.Bytes())
	bufPool.Put(buf)
	e.diags = d
	body.DropTree()
	// Keep only what later stages use: the front matter's position and
	// its terms' for messages and, when briefs are made, the Markdown to
	// parse again (with briefs off, a likely source's Markdown stays until
	// load has hashed it for the register: keepsBody).
	termPos := resolve.TermPositions(doc.Front, cfg.Taxonomies)
	doc.Front = &content.Value{Kind: content.Map, Pos: doc.Front.Pos}
	if !cfg.BriefsOn() && !keepsBody(doc, meta.TranslatedFrom, cfg.DefaultLanguage) {
		doc.Body = nil
	}
	e.input = resolve.Input{Doc: doc, Meta: meta, Body: body, TermPos: termPos}
	return e
}

// bufPool recycles the buffers bodies are rendered into.
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// relPath shows p relative to the working folder when it is inside it, so
// messages name files the way editors type them.
func relPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	wd, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(p)
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// workersPerCPU oversubscribes the pool: rendering alternates computing
// with writing files, and while one worker waits in a system call another
// can use its core.
const workersPerCPU = 3

// parallel runs f(0..n-1) on the build's pool of workers.
func parallel(n int, f func(i int)) { pool.Each(n, workers(), f) }

// workers is the size of the build's pool.
func workers() int { return pool.PerCPU(workersPerCPU) }

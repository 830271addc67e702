package site

import (
	"bytes"
	"errors"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/resolve"
)

// Session is a build kept in memory, for serve: the same pipeline as Build,
// with a cache. Each Rebuild makes a new Snapshot from the previous one and
// what changed; snapshots never change once made, so a server may keep
// serving one while the next is made.
type Session struct {
	opts  Options
	cache *brief.Cache
	// mu serialises Rebuild; snapshots are read without it.
	mu    sync.Mutex
	cur   atomic.Pointer[Snapshot]
	gen   int
	state *sessionState // what the last good build left for the next
	// pending are the changes a failed rebuild saw: the snapshot and state
	// are from before them, so the next rebuild must see them again.
	pending    []string
	pendingAll bool
	// stages are the last rebuild's, and made how many outputs it made
	// again (of those it could keep), for benchmarks.
	stages []Stage
	made   int
	// rebodies counts the rebuilds that only swapped bodies (rebody), for
	// tests.
	rebodies int
	// sourceRebodies counts the documents they swapped that were sources
	// whose translations say what they were made from, and registers the
	// rebuilds that made the register again for them, for tests.
	sourceRebodies, registers int
	// shownRebodies counts the rebuilds of rebody that swapped a title or
	// another shown field (resolve.DisplayOnly).
	shownRebodies int
}

// Snapshot is one good build of the site, in memory. It never changes.
type Snapshot struct {
	// Files are the output, by name ("en/index.html", "css/site.3f2a9c1b.css"):
	// exactly what dissem build writes, minified the same way, except briefs
	// and kits (see Briefs) and their links' page counts and sizes. Text
	// files are kept gzip-compressed (store.go): File gives the contents.
	Files map[string][]byte
	// Changed are the output names that differ from the previous snapshot
	// (added, changed or gone), sorted; every name for the first.
	Changed []string
	// Briefs are the briefs, bundles and kits the pages link to, by output
	// name: Session.Brief makes them when they are asked for.
	Briefs map[string]BriefRef
	// Generation counts the good builds of the session, from 1.
	Generation int
	// LazyDirs are folders ("hu/search/") whose files are made when asked
	// for (Session.Brief) and are not in Files: the search indexes, with
	// Options.LazySearch.
	LazyDirs []string
	// Lazy are other files made when asked for (Session.Brief) and not in
	// Files: the register's pages and exports and the downloads pages,
	// with Options.LazyRegister.
	Lazy []string

	lazy     *lazyBriefs
	search   []*lazySearch
	register *lazyRegister
}

// BriefRef describes a brief, bundle or kit a page links to.
type BriefRef struct {
	// Kind is "brief", "bundle" or "kit".
	Kind string
	// Doc is the document it is made from ("content/guides/x.en.md").
	Doc string
}

// NewSession prepares a build kept in memory (serve). It never writes
// opts.Dest. opts.Now, when zero, is the time of each Rebuild.
func NewSession(opts Options) *Session {
	now := opts.Now
	opts.defaults()
	opts.Now = now
	return &Session{opts: opts, cache: &brief.Cache{Dir: filepath.Join(opts.CacheDir, "briefs")}}
}

// Snapshot is the current good site, or nil before the first good build.
func (s *Session) Snapshot() *Snapshot { return s.cur.Load() }

// Rebuild brings the site up to date. changed are paths relative to
// Options.Source with slashes ("content/guides/x.hu.md",
// "templates/base.html", "site.yaml", "static/css/site.css"); all means
// anything may have changed (the first call, or the watcher lost events).
// With content errors it returns the diagnostics (sorted) and keeps the last
// good snapshot; err is for failures of the machine, and a panic (a bug)
// comes back as a *pool.Panic error.
func (s *Session) Rebuild(changed []string, all bool) (diags diag.List, err error) {
	defer pool.Recover(&err, "")
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rebuild(changed, all)
}

func (s *Session) rebuild(changed []string, all bool) (diag.List, error) {
	changed = append(s.pending, changed...)
	all = all || s.pendingAll
	s.pending, s.pendingAll = changed, all
	o := s.opts
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	prev := s.cur.Load()
	st := s.state
	if st == nil {
		st = newState()
	}
	sw := &stopwatch{last: time.Now()}
	defer func() { s.stages = sw.stages }()
	if !all {
		// A save that changed only documents' bodies (rebody.go).
		if diags, done, err := s.rebody(prev, changed, &o, sw); done || err != nil {
			if done {
				s.pending, s.pendingAll = nil, false
			}
			return diags, err
		}
	}
	inc := st.next(o.Source, prev, changed, all)
	l, diags := load(&o, sw, inc.docs)
	if diags.HasErrors() {
		diags.Sort()
		return diags, nil
	}
	w := output.NewPackedMemory(!o.NoMinify)
	g, d, err := generate(w, l, &o, s.cache, inc, sw)
	diags.Append(d)
	diags.Sort()
	if err != nil || diags.HasErrors() {
		return diags, err
	}
	s.gen++
	snap := &Snapshot{Files: w.Take(), Generation: s.gen, search: g.search}
	for _, z := range g.search {
		snap.LazyDirs = append(snap.LazyDirs, z.dir)
	}
	if snap.register = g.register; g.register != nil {
		snap.Lazy = g.register.names()
	}
	snap.Changed = changedNames(prev, snap.Files)
	if l.cfg.BriefsOn() {
		src, err := l.briefSource(s.cache)
		if err != nil {
			return diags, err
		}
		snap.lazy = &lazyBriefs{src: src, jobs: g.plan}
		snap.Briefs = briefRefs(prev, g.plan)
	}
	s.state = inc.done()
	s.state.loaded, s.state.diags, s.state.renderer = l, diags, g.renderer
	s.made = int(inc.made.Load())
	s.pending, s.pendingAll = nil, false
	s.cur.Store(snap)
	sw.lap("snapshot")
	return diags, nil
}

// briefRefs describes the plan's files, with the previous snapshot's map
// when it says the same (a snapshot never changes, so they may share it).
func briefRefs(prev *Snapshot, plan []brief.Planned) map[string]BriefRef {
	same := prev != nil && len(prev.Briefs) == len(plan)
	for i := 0; same && i < len(plan); i++ {
		j := plan[i]
		same = prev.Briefs[j.Name] == BriefRef{Kind: j.Kind, Doc: j.Page.Doc.Path}
	}
	if same {
		return prev.Briefs
	}
	refs := make(map[string]BriefRef, len(plan))
	for _, j := range plan {
		refs[j.Name] = BriefRef{Kind: j.Kind, Doc: j.Page.Doc.Path}
	}
	return refs
}

// changedNames lists the names whose bytes differ between prev and files,
// or are in only one of them: empty, not nil, when nothing changed.
func changedNames(prev *Snapshot, files map[string][]byte) []string {
	names := []string{}
	for name, data := range files {
		if prev == nil {
			names = append(names, name)
			continue
		}
		old, ok := prev.Files[name]
		// A kept file is the same slice: no need to compare its bytes.
		if !ok || len(old) != len(data) || (len(data) > 0 && &old[0] != &data[0] && !bytes.Equal(old, data)) {
			names = append(names, name)
		}
	}
	if prev != nil {
		for name := range prev.Files {
			if _, ok := files[name]; !ok {
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

// Brief makes a file of the current snapshot that is made only when asked
// for: a brief, bundle or kit of Snapshot.Briefs (from the brief cache when
// its inputs have not changed), a file in one of Snapshot.LazyDirs (a
// search index, made whole on the first request), or one of Snapshot.Lazy
// (the register's pages and exports and the downloads pages, made together
// on the first request).
// ok is false for a name that is none of these.
func (s *Session) Brief(name string) (data []byte, ok bool, err error) {
	defer pool.Recover(&err, "")
	snap := s.Snapshot()
	if snap == nil {
		return nil, false, nil
	}
	for _, z := range snap.search {
		if data, ok, err := z.file(name); ok || err != nil {
			return data, ok, err
		}
	}
	if snap.register != nil {
		if data, ok, err := snap.register.file(name); ok || err != nil {
			return data, ok, err
		}
	}
	if snap.lazy == nil {
		return nil, false, nil
	}
	j, ok := snap.lazy.planned(name)
	if !ok {
		return nil, false, nil
	}
	data, err = snap.lazy.make(j)
	return data, err == nil, err
}

// lazyBriefs makes a snapshot's briefs on demand, each once.
type lazyBriefs struct {
	src  *brief.Source
	jobs []brief.Planned
	// plan is jobs by name, made when a brief is first asked for.
	plan     map[string]brief.Planned
	planOnce sync.Once
	made     sync.Map // name → *lazyFile
}

// planned returns the planned file name.
func (z *lazyBriefs) planned(name string) (brief.Planned, bool) {
	z.planOnce.Do(func() {
		z.plan = make(map[string]brief.Planned, len(z.jobs))
		for _, j := range z.jobs {
			z.plan[j.Name] = j
		}
	})
	j, ok := z.plan[name]
	return j, ok
}

type lazyFile struct {
	once sync.Once
	data []byte
	err  error
}

func (z *lazyBriefs) make(j brief.Planned) ([]byte, error) {
	v, _ := z.made.LoadOrStore(j.Name, &lazyFile{})
	f := v.(*lazyFile)
	f.once.Do(func() { f.data, f.err = z.makeNow(j) })
	return f.data, f.err
}

func (z *lazyBriefs) makeNow(j brief.Planned) ([]byte, error) {
	if j.Kind != brief.KindKit {
		key, err := z.src.Key(j)
		if err != nil {
			return nil, err
		}
		res, err := z.src.PDF(j, key)
		if err != nil {
			return nil, errors.New(brief.Problem(j.Page, err).String())
		}
		return res.PDF, nil
	}
	names := map[*resolve.Page]brief.Planned{}
	for _, p := range z.jobs {
		if p.Kind != brief.KindKit {
			names[p.Page] = p
		}
	}
	return z.src.Kit(j.Page, func(p *resolve.Page) ([]byte, bool, error) {
		pj, ok := names[p]
		if !ok {
			return nil, false, nil
		}
		data, err := z.make(pj)
		return data, err == nil, err
	})
}

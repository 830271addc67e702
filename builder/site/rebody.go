package site

import (
	"bytes"
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// The editor's most common save changes a document's text and not its
// front matter. Everything that places a document among the others (its
// URL, translations, toolkit, terms, lists, feeds, the sitemap) is made of
// front matter, so such a save changes the document's own page and
// nothing else that is made on every rebuild (the digests say the same: a
// card holds no body). rebody makes that rebuild without resolving or
// digesting the whole site: it loads the changed files, swaps their bodies
// into the last site (resolve.Site.WithBodies), renders their pages and
// takes every other file from the previous snapshot. Anything it cannot
// vouch for (a front matter change, a new or deleted file, a problem)
// goes the whole way (rebuild), which gives the same result.

// rebody rebuilds after changed (paths relative to the site folder) when
// only documents' bodies changed; done is false when it did nothing and
// the whole rebuild must run.
func (s *Session) rebody(prev *Snapshot, changed []string, o *Options, sw *stopwatch) (diags diag.List, done bool, err error) {
	st := s.state
	if prev == nil || st == nil || st.loaded == nil || st.docs == nil || st.static == nil {
		return nil, false, nil
	}
	l := st.loaded
	if l.cfg.SearchOn() && !o.LazySearch {
		// The index is in the snapshot and reads every body.
		return nil, false, nil
	}
	rels := make([]string, 0, len(changed))
	for _, c := range changed {
		rel, ok := strings.CutPrefix(c, "content/")
		if !ok || !strings.HasSuffix(rel, ".md") || st.docs[rel] == nil {
			return nil, false, nil
		}
		info, err := os.Lstat(filepath.Join(o.Source, "content", filepath.FromSlash(rel)))
		if err != nil || !info.Mode().IsRegular() {
			return nil, false, nil
		}
		if !slices.Contains(rels, rel) {
			rels = append(rels, rel)
		}
	}
	slices.Sort(rels)
	dc := &docCache{seed: st.seed}
	var inputs []resolve.Input
	entries := map[string]*docEntry{}
	// shown are the documents whose shown front matter changed (DisplayOnly).
	shown := map[string]bool{}
	for _, rel := range rels {
		src, err := fs.ReadFile(l.contentFS, rel)
		if err != nil {
			return nil, false, nil
		}
		old, sum := st.docs[rel], maphash.Bytes(st.seed, src)
		if old.sum == sum {
			continue
		}
		e := l.loadDoc(fileBytes{rel, src}, rel, dc, sum, src)
		if e.doc.Front == nil || e.diags.HasErrors() {
			return nil, false, nil
		}
		if e.front != old.front {
			// A title or a summary: shown on other pages, but placing the
			// document nowhere else.
			if !resolve.DisplayOnly(old.input.Meta, e.input.Meta) || !reflect.DeepEqual(old.input.TermPos, e.input.TermPos) {
				return nil, false, nil
			}
			shown[rel] = true
		}
		entries[rel] = e
		inputs = append(inputs, e.input)
	}
	sw.lap("read+validate+markdown")
	site, gone, added, ok := l.site.WithBodies(inputs, o.Now)
	if !ok || added.HasErrors() {
		return nil, false, nil
	}
	sw.lap("resolve")
	nl := *l
	nl.site = site
	nl.bodies = l.bodies.replaced(st.docs, entries)
	if l.av != nil {
		av, d := prepareAV(&nl, nl.copts.Prefix)
		if d.HasErrors() {
			return nil, false, nil
		}
		nl.av = av
	}
	var r *render.Renderer
	if st.renderer != nil && len(shown) == 0 {
		// The templates parsed for the last site, and the parts every page
		// of a language shares, rendered for it already (partialCached's
		// parts show no body, but may show a title: a changed title parses
		// them again).
		r = st.renderer.ForSite(site, nl.av)
	} else {
		var d diag.List
		if r, d = nl.renderer(o, st.static.assets); d.HasErrors() {
			return nil, false, nil
		}
	}
	var plan []brief.Planned
	var downloads resolve.Downloads
	if l.cfg.BriefsOn() {
		if plan = replan(prev, site); plan == nil {
			plan = brief.Plan(site.Docs)
		}
		downloads = brief.Downloads(plan, site.BasePath, nil)
		r = r.WithDownloads(downloads)
	}
	sw.lap("static+templates")
	// The changed documents' pages: the only outputs a body reaches.
	var pages, fronts []*resolve.Page
	langs := map[string]bool{}
	sources := false
	for i, p := range site.Docs {
		if e := entries[p.Doc.Rel]; e != nil && e.doc == p.Doc {
			sameBody := bytes.Equal(st.docs[p.Doc.Rel].html, e.html) && slices.Equal(l.site.Docs[i].LinkDests, p.LinkDests)
			if !sameBody && !bodyOnly(l.site.Docs[i], p) {
				return nil, false, nil
			}
			if shown[p.Doc.Rel] {
				fronts = append(fronts, p)
			}
			pages = append(pages, p)
			langs[p.Lang] = true
			if marked(l.site.Docs[i]) {
				s.sourceRebodies++
				// The register shows whether its translations are stale:
				// made again only when the new body changes that.
				sources = sources || !statesKept(l.site.Docs[i], st.docs[p.Doc.Rel].doc.Body, e.doc.Body)
			}
		}
	}
	w := output.NewPackedMemory(!o.NoMinify)
	var cites []*resolve.Page
	if len(fronts) > 0 {
		more, ok := shownOn(site, fronts, downloads, prev.register != nil)
		if !ok {
			return nil, false, nil
		}
		for _, q := range more {
			if !slices.Contains(pages, q) {
				pages = append(pages, q)
			}
		}
		for _, p := range pages {
			if p.IsDocument() {
				cites = append(cites, p)
			}
		}
		if err := writeShownFeeds(w, r, site, fronts); err != nil {
			return nil, false, err
		}
		// The register lists every document's title.
		sources = true
		s.shownRebodies++
	}
	reg := prev.register
	if sources && reg != nil {
		// Made again when asked for, from this site.
		reg = newLazyRegister(&nl, downloads, r, o)
		s.registers++
	} else if sources {
		// A source whose translations say what they were made from: the
		// register tells whether they are stale, from its body.
		var regPages []*resolve.Page
		if r, regPages, err = remakeRegister(w, &nl, r, downloads, prev, o.CacheDir); err != nil {
			return nil, false, err
		}
		pages = append(pages, regPages...)
		s.registers++
	}
	errs, writeErrs := make([]error, len(pages)), make([]error, len(pages))
	parallel(len(pages), func(i int) {
		buf := bufPool.Get().(*bytes.Buffer)
		buf.Reset()
		if errs[i] = r.WritePageBody(buf, pages[i], nl.bodies.of(pages[i])); errs[i] == nil {
			writeErrs[i] = w.Write(render.OutputName(pages[i]), buf.Bytes())
		}
		bufPool.Put(buf)
	})
	if err := firstError(writeErrs); err != nil {
		return nil, false, err
	}
	if d := render.Report(pages, errs); len(d) > 0 {
		return nil, false, nil
	}
	if err := writeCitations(w, r, cites, nil); err != nil {
		return nil, false, err
	}
	made := w.Take()
	sw.lap("pages")

	s.gen++
	snap := &Snapshot{Files: maps.Clone(prev.Files), Generation: s.gen, Briefs: prev.Briefs, Changed: []string{}}
	for name, data := range made {
		if old, ok := prev.Files[name]; !ok || !bytes.Equal(old, data) {
			snap.Changed = append(snap.Changed, name)
		}
		snap.Files[name] = data
	}
	slices.Sort(snap.Changed)
	for _, z := range prev.search {
		if langs[strings.TrimSuffix(z.dir, "/search/")] {
			// A digest no rebuild computes: the next one makes it again.
			z = &lazySearch{dir: z.dir, digest: rebuilds.Add(1) ^ 0x9e3779b97f4a7c15, lang: searchLang(&nl, strings.TrimSuffix(z.dir, "/search/"))}
		}
		snap.search = append(snap.search, z)
	}
	snap.LazyDirs, snap.Lazy, snap.register = prev.LazyDirs, prev.Lazy, reg
	if l.cfg.BriefsOn() {
		src, err := nl.briefSource(s.cache)
		if err != nil {
			return nil, false, err
		}
		snap.lazy = &lazyBriefs{src: src, jobs: plan}
		snap.Briefs = briefRefs(prev, plan)
	}
	s.state = st.rebodied(&nl, entries, made, rebodyDiags(st, entries, gone, added))
	s.state.renderer = r
	s.made = len(made)
	s.rebodies++
	s.cur.Store(snap)
	sw.lap("snapshot")
	return s.state.diags, true, nil
}

// replan is the previous snapshot's brief plan with site's pages in it:
// what brief.Plan gives, as a plan is made of front matter (which briefs,
// their names), without building every name again. nil when the previous
// snapshot has none.
func replan(prev *Snapshot, site *resolve.Site) []brief.Planned {
	if prev.lazy == nil || len(prev.lazy.jobs) == 0 {
		return nil
	}
	plan := slices.Clone(prev.lazy.jobs)
	for i, j := range plan {
		if plan[i].Page = site.Current(j.Page); plan[i].Page == nil {
			return nil
		}
	}
	return plan
}

// bodyOnly reports whether the new body of document page p (old before)
// reaches no output but p's page, lazily the search index and, for a
// source whose translations say what they were made from (marked), the
// register. A body also decides which content files are published (the
// files it links to and the pictures it shows, made in several sizes):
// then the whole rebuild runs.
func bodyOnly(old, p *resolve.Page) bool {
	for _, b := range []*resolve.Page{old, p} {
		for _, l := range b.Body.Links {
			if l.Image {
				return false
			}
		}
	}
	media := func(p *resolve.Page) []string {
		var out []string
		for _, d := range p.LinkDests {
			if strings.Contains(d, "/media/") {
				out = append(out, d)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(media(old), media(p))
}

// rebodyDiags are the last good build's problems with the changed
// documents' own and their links' replaced.
func rebodyDiags(st *sessionState, entries map[string]*docEntry, gone, added diag.List) diag.List {
	drop := map[diag.Diag]int{}
	for rel := range entries {
		for _, d := range st.docs[rel].diags {
			drop[d]++
		}
	}
	for _, d := range gone {
		drop[d]++
	}
	var out diag.List
	for _, d := range st.diags {
		if drop[d] > 0 {
			drop[d]--
			continue
		}
		out = append(out, d)
	}
	for _, rel := range slices.Sorted(maps.Keys(entries)) {
		out = append(out, entries[rel].diags...)
	}
	out = append(out, added...)
	out.Sort()
	return out
}

// rebodied is the state after rebody: the new documents' entries, the
// loaded site, and the pages it made marked stale (their digests were not
// computed: the next whole rebuild makes them again).
func (st *sessionState) rebodied(l *loaded, entries map[string]*docEntry, made map[string][]byte, diags diag.List) *sessionState {
	nst := *st
	nst.docs = maps.Clone(st.docs)
	maps.Copy(nst.docs, entries)
	nst.stale = maps.Clone(st.stale)
	if nst.stale == nil {
		nst.stale = map[string]bool{}
	}
	for name := range made {
		nst.stale[name] = true
	}
	nst.loaded, nst.diags = l, diags
	return &nst
}

// replaced is b with the bodies of the documents of entries (by path; old
// their previous entries) in place of theirs.
func (b *bodies) replaced(old map[string]*docEntry, entries map[string]*docEntry) *bodies {
	nb := &bodies{index: maps.Clone(b.index), html: slices.Clone(b.html), packed: b.packed}
	for rel, e := range entries {
		prev := old[rel].doc
		i, ok := nb.index[prev]
		if !ok {
			continue
		}
		delete(nb.index, prev)
		nb.index[e.doc] = i
		nb.html[i] = e.html
	}
	return nb
}

// renderer is the page renderer of l's site.
func (l *loaded) renderer(o *Options, assets map[string]string) (*render.Renderer, diag.List) {
	return render.New(l.site, render.Options{Templates: l.tmplFS, Dir: relPath(o.Source + "/templates"), Catalog: l.cat, Assets: assets, Content: l.contentFS, AV: l.av})
}

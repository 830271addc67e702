package resolve

import (
	"path"
	"slices"
	"sync"
	"time"

	"github.com/4im-project/dissem/builder/diag"
)

// patchData is what a resolved site keeps for WithBodies. It is never
// changed once made: a site WithBodies makes gets its own.
type patchData struct {
	// r is the resolver of the full Resolve: its maps (byFile, byKey) hold
	// that resolve's pages, which current turns into this site's.
	r *resolver
	// until is the first publish_date or expiry_date after the resolve's
	// time that would change what is published (zero: none).
	until time.Time
	// linkDiags are the problems of each document's links (by place in
	// Docs); fragTo the documents whose headings its links name.
	linkDiags []diag.List
	fragTo    [][]int32
	// graph is shared by every site made from the same Resolve: they have
	// the same pages in the same places.
	graph *graph
}

// graph is which pages point to which (Items, Toolkits, Guides, Toolkit,
// Prev, Next, Translations), by place in Site.Pages, made once when first
// needed.
type graph struct {
	once  sync.Once
	refBy [][]int32 // page → the pages that point to it
	ok    bool
}

// current is the page of r's site that stands where p stood in the site the
// maps of r were made for: p itself in a full Resolve.
func (r *resolver) current(p *Page) *Page {
	if p == nil || p.idx < 0 || int(p.idx) >= len(r.site.Docs) {
		return p
	}
	return r.site.Docs[p.idx]
}

// Current returns the page of s that stands where p stands in the site s
// was made from by WithBodies (or in s itself): p or its copy. It is nil
// for a page that is not one of theirs.
func (s *Site) Current(p *Page) *Page {
	if p == nil || p.idx < 0 || int(p.idx) >= len(s.Pages) {
		return nil
	}
	if q := s.Pages[p.idx]; q.Path == p.Path && q.Kind == p.Kind {
		return q
	}
	return nil
}

// pointers calls f with each page p points to.
func pointers(p *Page, f func(q *Page)) {
	for _, q := range p.Items {
		f(q)
	}
	for _, q := range p.Toolkits {
		f(q)
	}
	for _, q := range p.Guides {
		f(q)
	}
	for _, q := range []*Page{p.Toolkit, p.Prev, p.Next} {
		if q != nil {
			f(q)
		}
	}
	for _, q := range p.Translations {
		f(q)
	}
}

// build fills g from s's pages; ok is false when a page points outside
// s.Pages or the documents are not the first pages (then WithBodies
// declines).
func (g *graph) build(s *Site) {
	g.ok = len(s.Docs) <= len(s.Pages)
	for i, p := range s.Pages {
		if int(p.idx) != i || (i < len(s.Docs) && s.Docs[i] != p) {
			g.ok = false
		}
	}
	if !g.ok {
		return
	}
	g.refBy = make([][]int32, len(s.Pages))
	for i, p := range s.Pages {
		pointers(p, func(q *Page) {
			if q.idx < 0 || int(q.idx) >= len(s.Pages) || s.Pages[q.idx] != q {
				g.ok = false
				return
			}
			if refs := g.refBy[q.idx]; len(refs) == 0 || refs[len(refs)-1] != int32(i) {
				g.refBy[q.idx] = append(refs, int32(i))
			}
		})
	}
}

// WithBodies returns the site s with new bodies for some of its documents:
// inputs whose path and front matter are the same as when s was resolved,
// but for the fields no relation is made of (DisplayOnly: the title, the
// summary, ...), read again for a new body. Everything a page's relations,
// lists, terms and URLs are made of is the rest of the front matter, so the
// result is what Resolve gives for the same inputs; only the documents'
// bodies and shown fields, their links' destinations and their links'
// problems are new. s is not changed: the
// pages that point to a new page are copied (path copying), the others are
// shared. gone and added are the link problems the new bodies took away and
// brought (of the documents themselves and of those whose links name their
// headings). ok is false when it cannot tell: now has crossed a
// publish_date or expiry_date, or s was not made by Resolve.
func (s *Site) WithBodies(inputs []Input, now time.Time) (ns *Site, gone, added diag.List, ok bool) {
	pd := s.patch
	if pd == nil || (!pd.until.IsZero() && !now.Before(pd.until)) {
		return nil, nil, nil, false
	}
	pd.graph.once.Do(func() { pd.graph.build(s) })
	if !pd.graph.ok {
		return nil, nil, nil, false
	}
	changed := map[int32]Input{}
	for _, in := range inputs {
		p := pd.r.byFile[path.Join(in.Doc.Dir, in.Doc.Base)][in.Doc.Lang]
		if p == nil || p.idx < 0 || int(p.idx) >= len(s.Docs) || p.Doc.Path != in.Doc.Path {
			continue // not published: nothing of the site shows it
		}
		changed[p.idx] = in
	}
	if len(changed) == 0 {
		return s, nil, nil, true
	}
	// Every page that points to a copied page is copied too.
	copied := make([]bool, len(s.Pages))
	queue := make([]int32, 0, len(changed))
	for i := range changed {
		copied[i] = true
		queue = append(queue, i)
	}
	slices.Sort(queue) // map order must not reach the result
	for k := 0; k < len(queue); k++ {
		for _, j := range pd.graph.refBy[queue[k]] {
			if !copied[j] {
				copied[j] = true
				queue = append(queue, j)
			}
		}
	}
	pages := slices.Clone(s.Pages)
	for _, i := range queue {
		np := *s.Pages[i]
		pages[i] = &np
	}
	cur := func(q *Page) *Page {
		if q == nil {
			return nil
		}
		return pages[q.idx]
	}
	list := func(qs []*Page) []*Page {
		for k, q := range qs {
			if copied[q.idx] {
				out := slices.Clone(qs)
				for j := k; j < len(out); j++ {
					out[j] = cur(out[j])
				}
				return out
			}
		}
		return qs
	}
	for _, i := range queue {
		p := pages[i]
		p.Items, p.Toolkits, p.Guides = list(p.Items), list(p.Toolkits), list(p.Guides)
		p.Toolkit, p.Prev, p.Next = cur(p.Toolkit), cur(p.Prev), cur(p.Next)
		if p.Translations != nil {
			tr := make(map[string]*Page, len(p.Translations))
			for l, q := range p.Translations {
				tr[l] = cur(q)
			}
			p.Translations = tr
		}
		if in, ok := changed[i]; ok {
			p.Doc, p.Meta, p.Body, p.HTML, p.termPos = in.Doc, in.Meta, in.Body, in.HTML, in.TermPos
			p.Title, p.Summary = in.Meta.Title, in.Meta.Summary // as addDocument sets them
		}
	}
	ns = &Site{Config: s.Config, BasePath: s.BasePath, Pages: pages, Docs: pages[:len(s.Docs):len(s.Docs)],
		ByLang: make(map[string]*Lang, len(s.ByLang)), Media: s.Media, urls: s.urls}
	for code, l := range s.ByLang {
		nl := *l
		nl.Home, nl.Search, nl.Downloads = cur(l.Home), cur(l.Search), cur(l.Downloads)
		nl.Register, nl.Reuse = cur(l.Register), cur(l.Reuse)
		nl.Docs, nl.Toolkits = list(l.Docs), list(l.Toolkits)
		nl.Sections = make(map[string][]*Page, len(l.Sections))
		for sec, ps := range l.Sections {
			nl.Sections[sec] = list(ps)
		}
		nl.Taxonomy = make(map[string]*Page, len(l.Taxonomy))
		for tax, p := range l.Taxonomy {
			nl.Taxonomy[tax] = cur(p)
		}
		nl.TopLevel = make(map[string]*Page, len(l.TopLevel))
		for base, p := range l.TopLevel {
			nl.TopLevel[base] = cur(p)
		}
		ns.ByLang[code] = &nl
	}
	gone, added = ns.relink(s, changed)
	return ns, gone, added, true
}

// relink resolves again the links of the changed documents of ns (made
// from s) and, for their problems, those of the documents that name their
// headings; it gives ns its patchData.
func (ns *Site) relink(s *Site, changed map[int32]Input) (gone, added diag.List) {
	pd := s.patch
	r := *pd.r
	r.site = ns
	npd := &patchData{r: pd.r, until: pd.until, graph: pd.graph,
		linkDiags: slices.Clone(pd.linkDiags), fragTo: slices.Clone(pd.fragTo)}
	redo := make([]int32, 0, len(changed))
	for i := range changed {
		redo = append(redo, i)
	}
	// Documents whose links name a heading of a changed document: their
	// links' problems may come or go with its headings.
	for q, targets := range pd.fragTo {
		if _, ok := changed[int32(q)]; ok {
			continue
		}
		for _, t := range targets {
			if _, ok := changed[t]; ok {
				redo = append(redo, int32(q))
				break
			}
		}
	}
	slices.Sort(redo)
	for _, i := range redo {
		p := ns.Docs[i]
		var ld diag.List
		var to []int32
		dests := r.links(p, &ld, func(t *Page) { to = append(to, t.idx) })
		if _, ok := changed[i]; ok {
			// The page is a copy of this site's own: its links are new.
			p.LinkDests, npd.fragTo[i] = dests, to
		}
		gone = append(gone, pd.linkDiags[i]...)
		added = append(added, ld...)
		npd.linkDiags[i] = ld
		if len(ld) == 0 {
			npd.linkDiags[i] = nil
		}
	}
	ns.patch = npd
	return gone, added
}

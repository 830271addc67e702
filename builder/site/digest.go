package site

import (
	"hash/maphash"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// A digest stands for the resolved data an output is made from: two equal
// digests in one session mean the same bytes. What each maker can read,
// and so what its digest covers:
//
//   - every page: the site-wide parts (site): each language's home, search,
//     downloads, taxonomy and section URLs, and its top-level pages' titles
//     (the menu); the configuration, templates, UI strings and static
//     files change only with a full rebuild.
//   - a page: all of its own data (card), its document's file (body, links'
//     destinations), and the card of every page it links to as a value
//     (items, toolkits, guides, its toolkit, neighbours, translations); the
//     downloads page: every document of its language that offers a file.
//   - a card: the page's front (ident: its fields, front matter and
//     downloads) and its relations: alternates, terms with their counts,
//     attachments (and whether their files changed: a page shows their
//     size), pager, term list, and the idents of the pages it points to.
//   - a feed: the idents of its newest items; a sitemap: each page's URL,
//     dates and alternates; a language's search index: each document's
//     ident and file.
//
// A template may so reach two pages away from the page it renders (a
// listed guide's toolkit's title); one that walks further (or over .Site)
// is outside this rule, as are custom template functions. A new field of
// resolve.Page must be added here (TestDigestCoversPage).
type digester struct {
	s    *resolve.Site
	seed maphash.Seed
	docs map[string]*docEntry
	dl   resolve.Downloads
	site uint64
	// pages is the digest of every page's output name, in order.
	pages uint64
	// idx numbers the pages (their index in Site.Pages) for idents and cards.
	idx           map[*resolve.Page]int32
	idents, cards []uint64
	// unsure is set when a page's data is not all known: keep nothing.
	unsure atomic.Bool
	// changed are the content files this rebuild was told of, and serial
	// a number no other rebuild of the process has.
	changed map[string]bool
	serial  uint64
}

// prepare computes what the outputs' digests are made of. Idents and
// cards are computed on the build's workers: each reads only the pages.
func (inc *incremental) prepare(s *resolve.Site, dl resolve.Downloads) {
	n := len(s.Pages)
	dg := &digester{s: s, seed: inc.st.seed, docs: inc.docs.now, dl: dl, changed: inc.changed, serial: rebuilds.Add(1),
		idx: make(map[*resolve.Page]int32, n), idents: make([]uint64, n), cards: make([]uint64, n)}
	inc.dg = dg
	h := dg.hash()
	for i, p := range s.Pages {
		dg.idx[p] = int32(i)
		w(h, p.Path)
	}
	dg.pages = dg.sum(h)
	parallel(n, func(i int) { dg.idents[i] = dg.ident(s.Pages[i]) })
	parallel(n, func(i int) { dg.cards[i] = dg.card(s.Pages[i]) })
	dg.site = dg.siteWide(s)
}

// rebuilds numbers the digesters of the process.
var rebuilds atomic.Uint64

// identOf and cardOf return a page's ident and card.
func (dg *digester) identOf(p *resolve.Page) uint64 { return dg.of(dg.idents, p) }
func (dg *digester) cardOf(p *resolve.Page) uint64  { return dg.of(dg.cards, p) }

func (dg *digester) of(sums []uint64, p *resolve.Page) uint64 {
	i, ok := dg.idx[p]
	if !ok {
		// A page outside Site.Pages: no digest can stand for it.
		dg.unsure.Store(true)
		return 0
	}
	return sums[i]
}

// hb collects what a digest stands for, to hash it at once: a byte
// buffer is much cheaper to fill than a hash with many small writes.
type hb struct {
	b    []byte
	seed maphash.Seed
}

var hbPool = sync.Pool{New: func() any { return &hb{b: make([]byte, 0, 1024)} }}

func (dg *digester) hash() *hb {
	h := hbPool.Get().(*hb)
	h.b, h.seed = h.b[:0], dg.seed
	return h
}

// sum returns the digest of what was written to h, and recycles h.
func (dg *digester) sum(h *hb) uint64 {
	d := maphash.Bytes(h.seed, h.b)
	hbPool.Put(h)
	return d
}

// w writes strings into h, each ended so that neighbours cannot merge.
func w(h *hb, ss ...string) {
	for _, s := range ss {
		h.b = append(h.b, s...)
		h.b = append(h.b, 0)
	}
}

func wInt(h *hb, n int64) { wSum(h, uint64(n)) }

func wBool(h *hb, b bool) {
	if b {
		h.b = append(h.b, 1)
	} else {
		h.b = append(h.b, 2)
	}
}

func wTime(h *hb, t time.Time) { wInt(h, t.UnixNano()); w(h, t.Location().String()) }

func wSum(h *hb, d uint64) {
	h.b = append(h.b, byte(d), byte(d>>8), byte(d>>16), byte(d>>24), byte(d>>32), byte(d>>40), byte(d>>48), byte(d>>56))
}

// ident is a page's own front: everything but its body and relations.
func (dg *digester) ident(p *resolve.Page) uint64 {
	h := dg.hash()
	w(h, string(p.Kind), p.Lang, p.Path, p.URL, p.Title, p.Summary, p.Section, p.Key, p.Slug, p.Taxonomy)
	wTime(h, p.Date)
	if p.Doc != nil {
		e := dg.docs[p.Doc.Rel]
		if e == nil {
			// Not from this session's loader: no digest can stand for it.
			dg.unsure.Store(true)
		} else {
			wSum(h, e.front)
		}
		wBool(h, p.Meta.Draft)
		wBool(h, p.Meta.Incomplete)
	}
	for _, d := range dg.dl[p] {
		w(h, d.Path, d.URL, d.Kind)
		wInt(h, int64(d.Pages))
		wInt(h, d.Size)
	}
	return dg.sum(h)
}

// card is a page as another page may show it: its ident and relations.
func (dg *digester) card(p *resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.identOf(p))
	for _, a := range p.Alternates {
		w(h, a.Lang, a.URL)
		wBool(h, a.Missing)
	}
	w(h, "terms")
	taxes := slices.Sorted(maps.Keys(p.Terms))
	for _, t := range taxes {
		w(h, t)
		dg.terms(h, p.Terms[t])
	}
	w(h, "termlist")
	dg.terms(h, p.TermList)
	for _, a := range p.Attachments {
		w(h, a.Name, a.Rel, a.URL)
		if dg.changed[a.Rel] {
			// A page may show the file's size: a changed file makes the
			// page again (the serial never repeats).
			wSum(h, dg.serial)
		}
	}
	if p.Pager != nil {
		wInt(h, int64(p.Pager.Num))
		wInt(h, int64(p.Pager.Total))
		w(h, p.Pager.Prev, p.Pager.Next)
	}
	w(h, "refs")
	dg.refs(h, p, dg.identOf)
	return dg.sum(h)
}

func (dg *digester) terms(h *hb, refs []resolve.TermRef) {
	for _, t := range refs {
		w(h, t.Name, t.URL)
		wInt(h, int64(t.Count))
	}
	w(h, "")
}

// refs writes the digests (idents or cards) of the pages p points to.
func (dg *digester) refs(h *hb, p *resolve.Page, of func(*resolve.Page) uint64) {
	one := func(q *resolve.Page) {
		if q == nil {
			w(h, "-")
			return
		}
		wSum(h, of(q))
	}
	list := func(name string, qs []*resolve.Page) {
		w(h, name)
		wInt(h, int64(len(qs)))
		for _, q := range qs {
			one(q)
		}
	}
	one(p.Toolkit)
	one(p.Prev)
	one(p.Next)
	list("guides", p.Guides)
	list("items", p.Items)
	list("toolkits", p.Toolkits)
	langs := slices.Sorted(maps.Keys(p.Translations))
	for _, l := range langs {
		w(h, l)
		one(p.Translations[l])
	}
}

// siteWide digests what every page may show of the whole site.
func (dg *digester) siteWide(s *resolve.Site) uint64 {
	h := dg.hash()
	url := func(p *resolve.Page) {
		if p == nil {
			w(h, "-")
			return
		}
		w(h, p.URL, p.Title)
	}
	for _, code := range s.Config.Codes() {
		l := s.ByLang[code]
		w(h, code)
		url(l.Home)
		url(l.Search)
		url(l.Downloads)
		url(l.Register)
		url(l.Reuse)
		for _, tax := range s.Config.Taxonomies {
			url(l.Taxonomy[tax])
		}
		secs := slices.Sorted(maps.Keys(l.Sections))
		for _, sec := range secs {
			w(h, sec)
			wInt(h, int64(len(l.Sections[sec])))
			url(l.Sections[sec][0])
		}
		tops := slices.Sorted(maps.Keys(l.TopLevel))
		for _, base := range tops {
			w(h, base)
			url(l.TopLevel[base])
		}
	}
	return dg.sum(h)
}

// page digests everything page p's HTML is made from.
func (dg *digester) page(p *resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.site)
	wSum(h, dg.cardOf(p))
	if p.Doc != nil {
		if e := dg.docs[p.Doc.Rel]; e != nil {
			wSum(h, e.sum)
		}
		w(h, p.LinkDests...)
	}
	dg.refs(h, p, dg.cardOf)
	if p.Kind == resolve.KindRegister {
		// The register counts every document, and tells a stale
		// translation by its source's file.
		for _, d := range dg.s.Docs {
			wSum(h, dg.cardOf(d))
			if e := dg.docs[d.Doc.Rel]; e != nil {
				wSum(h, e.sum)
			}
		}
	}
	if p.Kind == resolve.KindDownloads {
		for _, d := range dg.s.ByLang[p.Lang].Docs {
			if len(dg.dl[d]) > 0 {
				wSum(h, dg.cardOf(d))
			}
		}
	}
	return dg.sum(h)
}

// feed digests a feed of items: the newest render.FeedItems, as it shows them.
func (dg *digester) feed(items []*resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.site)
	for _, p := range items[:min(len(items), render.FeedItems)] {
		wSum(h, dg.identOf(p))
		w(h, p.Meta.Topics...)
		w(h, "")
	}
	return dg.sum(h)
}

// sitemap digests a sitemap of pages: their URLs, dates and alternates.
func (dg *digester) sitemap(pages []*resolve.Page) uint64 {
	h := dg.hash()
	for _, p := range pages {
		w(h, string(p.Kind), p.URL)
		wTime(h, p.Date)
		if p.Meta != nil {
			wTime(h, p.Meta.Lastmod)
		}
		for _, a := range p.Alternates {
			w(h, a.Lang, a.URL)
			wBool(h, a.Missing)
		}
		w(h, "")
	}
	return dg.sum(h)
}

// search digests a language's search index: what it reads of each
// document, its front (title, URL, date, type, summary, terms) and its
// body, both made from its file.
func (dg *digester) search(docs []*resolve.Page) uint64 {
	h := dg.hash()
	for _, p := range docs {
		wSum(h, dg.identOf(p))
		if e := dg.docs[p.Doc.Rel]; e != nil {
			wSum(h, e.sum)
		} else {
			dg.unsure.Store(true)
		}
	}
	return dg.sum(h)
}

// strings digests a list of strings.
func (dg *digester) strings(ss []string) uint64 {
	h := dg.hash()
	w(h, ss...)
	return dg.sum(h)
}

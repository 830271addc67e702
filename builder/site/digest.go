package site

import (
	"hash/maphash"
	"sort"
	"strconv"
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
//   - a card: the page's front (ident: its fields and front matter) and its
//     relations: alternates, terms with their counts, attachments, pager,
//     term list, and the idents of the pages it points to.
//
// A template may so reach two pages away from the page it renders (a
// listed guide's toolkit's title); one that walks further (or over .Site)
// is outside this rule, as are custom template functions.
type digester struct {
	s    *resolve.Site
	seed maphash.Seed
	docs map[string]*docEntry
	dl   resolve.Downloads
	site uint64
	// pages is the digest of every page's output name, in order.
	pages         uint64
	idents, cards map[*resolve.Page]uint64
	// unsure is set when a page's data is not all known: keep nothing.
	unsure bool
}

// prepare computes what the outputs' digests are made of.
func (inc *incremental) prepare(s *resolve.Site, dl resolve.Downloads) {
	dg := &digester{s: s, seed: inc.st.seed, docs: inc.docs.now, dl: dl,
		idents: make(map[*resolve.Page]uint64, len(s.Pages)), cards: make(map[*resolve.Page]uint64, len(s.Pages))}
	inc.dg = dg
	h := dg.hash()
	for _, p := range s.Pages {
		h.WriteString(p.Path)
		h.WriteByte(0)
	}
	dg.pages = h.Sum64()
	for _, p := range s.Pages {
		dg.idents[p] = dg.ident(p)
	}
	for _, p := range s.Pages {
		dg.cards[p] = dg.card(p)
	}
	dg.site = dg.siteWide(s)
}

func (dg *digester) hash() *maphash.Hash {
	h := new(maphash.Hash)
	h.SetSeed(dg.seed)
	return h
}

// w writes strings into h, each ended so that neighbours cannot merge.
func w(h *maphash.Hash, ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
		h.WriteByte(0)
	}
}

func wInt(h *maphash.Hash, n int64) { w(h, strconv.FormatInt(n, 10)) }

func wTime(h *maphash.Hash, t time.Time) { wInt(h, t.UnixNano()); w(h, t.Location().String()) }

func wSum(h *maphash.Hash, d uint64) {
	var b [8]byte
	for i := range b {
		b[i] = byte(d >> (8 * i))
	}
	h.Write(b[:])
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
			dg.unsure = true
		} else {
			wSum(h, e.front)
		}
		w(h, strconv.FormatBool(p.Meta.Draft), strconv.FormatBool(p.Meta.Incomplete))
	}
	for _, d := range dg.dl[p] {
		w(h, d.Path, d.URL, d.Kind)
		wInt(h, int64(d.Pages))
		wInt(h, d.Size)
	}
	return h.Sum64()
}

// card is a page as another page may show it: its ident and relations.
func (dg *digester) card(p *resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.idents[p])
	for _, a := range p.Alternates {
		w(h, a.Lang, a.URL, strconv.FormatBool(a.Missing))
	}
	w(h, "terms")
	taxes := make([]string, 0, len(p.Terms))
	for t := range p.Terms {
		taxes = append(taxes, t)
	}
	sort.Strings(taxes)
	for _, t := range taxes {
		w(h, t)
		dg.terms(h, p.Terms[t])
	}
	w(h, "termlist")
	dg.terms(h, p.TermList)
	for _, a := range p.Attachments {
		w(h, a.Name, a.Rel, a.URL)
	}
	if p.Pager != nil {
		wInt(h, int64(p.Pager.Num))
		wInt(h, int64(p.Pager.Total))
		w(h, p.Pager.Prev, p.Pager.Next)
	}
	w(h, "refs")
	dg.refs(h, p, dg.idents)
	return h.Sum64()
}

func (dg *digester) terms(h *maphash.Hash, refs []resolve.TermRef) {
	for _, t := range refs {
		w(h, t.Name, t.URL)
		wInt(h, int64(t.Count))
	}
	w(h, "")
}

// refs writes the digests (idents or cards) of the pages p points to.
func (dg *digester) refs(h *maphash.Hash, p *resolve.Page, of map[*resolve.Page]uint64) {
	one := func(q *resolve.Page) {
		if q == nil {
			w(h, "-")
			return
		}
		wSum(h, of[q])
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
	langs := make([]string, 0, len(p.Translations))
	for l := range p.Translations {
		langs = append(langs, l)
	}
	sort.Strings(langs)
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
		for _, tax := range s.Config.Taxonomies {
			url(l.Taxonomy[tax])
		}
		secs := make([]string, 0, len(l.Sections))
		for sec := range l.Sections {
			secs = append(secs, sec)
		}
		sort.Strings(secs)
		for _, sec := range secs {
			w(h, sec)
			wInt(h, int64(len(l.Sections[sec])))
			url(l.Sections[sec][0])
		}
		tops := make([]string, 0, len(l.TopLevel))
		for base := range l.TopLevel {
			tops = append(tops, base)
		}
		sort.Strings(tops)
		for _, base := range tops {
			w(h, base)
			url(l.TopLevel[base])
		}
	}
	return h.Sum64()
}

// page digests everything page p's HTML is made from.
func (dg *digester) page(p *resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.site)
	wSum(h, dg.cards[p])
	if p.Doc != nil {
		if e := dg.docs[p.Doc.Rel]; e != nil {
			wSum(h, e.sum)
		}
		w(h, p.LinkDests...)
	}
	dg.refs(h, p, dg.cards)
	if p.Kind == resolve.KindDownloads {
		for _, d := range dg.s.ByLang[p.Lang].Docs {
			if len(dg.dl[d]) > 0 {
				wSum(h, dg.cards[d])
			}
		}
	}
	return h.Sum64()
}

// feed digests a feed of items: the newest render.FeedItems, as it shows them.
func (dg *digester) feed(items []*resolve.Page) uint64 {
	h := dg.hash()
	wSum(h, dg.site)
	for _, p := range items[:min(len(items), render.FeedItems)] {
		wSum(h, dg.idents[p])
		w(h, p.Meta.Topics...)
		w(h, "")
	}
	return h.Sum64()
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
			w(h, a.Lang, a.URL, strconv.FormatBool(a.Missing))
		}
		w(h, "")
	}
	return h.Sum64()
}

// search digests a language's search index: what it lists of each document.
func (dg *digester) search(docs []*resolve.Page) uint64 {
	h := dg.hash()
	for _, p := range docs {
		w(h, p.Title, p.URL, p.Meta.Type, p.Summary, p.Text)
		w(h, p.Meta.Topics...)
		w(h, "")
	}
	return h.Sum64()
}

// strings digests a list of strings.
func (dg *digester) strings(ss []string) uint64 {
	h := dg.hash()
	w(h, ss...)
	return h.Sum64()
}

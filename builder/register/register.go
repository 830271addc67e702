// Package register makes the register of outputs: one row per published
// document and language (type, title, date, reporting period, languages,
// partners, cities, topics, work-package task, addresses, brief, whether
// the translation is complete), the counts a funder asks for (by type and
// language, by partner, by reporting period), the exports register.csv,
// register.json and register.xlsx, and accessible SVG bar charts of the
// counts and of the case studies' indicators.
//
// It runs after resolve and the briefs, from what they produced (the
// resolved site and the briefs' downloads); it changes neither. Everything
// in it is derived from the content: nothing is typed twice.
package register

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/status"
)

// Input is what the register is made from.
type Input struct {
	Site *resolve.Site
	// Downloads are the briefs made (nil when briefs are off: the brief,
	// pages and size cells stay empty).
	Downloads resolve.Downloads
	// SourceHash returns status.Hash of a source document's body, to tell
	// a stale translation; nil uses the body the document still holds, and
	// a document without one is taken as unchanged.
	SourceHash func(p *resolve.Page) string
}

// The translation states of a row (see status.State): the source version,
// a translation made from the source as it is, one that does not say what
// it was made from, and one made from an older source text.
const (
	Source   = string(status.Source)
	Current  = string(status.Current)
	Unmarked = string(status.Unmarked)
	Stale    = string(status.Stale)
)

// Row is one published document in one language.
type Row struct {
	// Key ties a document's languages together (its translation key).
	Key  string
	Lang string
	Type string
	// Title is as written in the front matter.
	Title string
	Date  time.Time
	// Period is the reporting period of Date ("RP2", "2022-Q3"); "" for a
	// date outside every configured period.
	Period string
	// Languages are the languages the document is published in, in site order.
	Languages                []string
	Partners, Cities, Topics []string
	WPTask                   string
	// URL and BriefURL are absolute; BriefURL, Pages and Size are zero
	// without a brief (or with briefs off).
	URL, BriefURL string
	Pages         int
	Size          int64
	// State is the translation's state (Source, Current, Unmarked, Stale);
	// Complete is true unless it is stale: it is published, not a draft,
	// and not made from an older source text.
	State    string
	Complete bool
	// Page is the resolved page of the row.
	Page *resolve.Page
}

// Register is the site's register of outputs.
type Register struct {
	// Langs are the site's languages in order.
	Langs []string
	// Types are the content types that have rows, in schema order.
	Types []string
	// Periods are the reporting periods in order: the configured ones, or
	// the calendar quarters from the first document's to the last's.
	Periods []string
	// Rows are ordered by date, then document, then language in site order.
	Rows []Row
	// Docs group the rows by document, in the order of their first row.
	Docs []Doc

	counts counts
}

// Doc is one document: its rows (one per language, site order).
type Doc struct {
	Key  string
	Type string
	// Rows index Register.Rows.
	Rows []int
	// Period is the period of the source version's date: a document counts
	// once, when it was first published.
	Period string
}

// Counted reports whether a page is an output the register lists: a
// published document that is not a draft and not a plain page (about).
func Counted(p *resolve.Page) bool {
	return p.IsDocument() && !p.Meta.Draft && p.Meta.Type != schema.Page
}

// Build makes the register.
func Build(in Input) *Register {
	s := in.Site
	cfg := s.Config
	codes := cfg.Codes()
	order := make(map[string]int, len(codes))
	for i, c := range codes {
		order[c] = i
	}
	reg := &Register{Langs: codes}
	pages := make([]*resolve.Page, 0, len(s.Docs))
	for _, p := range s.Docs {
		if Counted(p) {
			pages = append(pages, p)
		}
	}
	// Sorted by a total order (the load's order last, for pages that share
	// date, key and language): an unstable sort gives the stable one's
	// order in a fraction of its time.
	type ranked struct {
		p         *resolve.Page
		key       string
		sec       int64
		nsec      int32
		lang, pos int32
	}
	rk := make([]ranked, len(pages))
	for i, p := range pages {
		rk[i] = ranked{p, p.Key, p.Date.Unix(), int32(p.Date.Nanosecond()), int32(order[p.Lang]), int32(i)}
	}
	slices.SortFunc(rk, func(x, y ranked) int {
		if x.sec != y.sec {
			return cmp.Compare(x.sec, y.sec)
		}
		if x.nsec != y.nsec {
			return cmp.Compare(x.nsec, y.nsec)
		}
		if c := strings.Compare(x.key, y.key); c != 0 {
			return c
		}
		if x.lang != y.lang {
			return cmp.Compare(x.lang, y.lang)
		}
		return cmp.Compare(x.pos, y.pos)
	})
	for i := range rk {
		pages[i] = rk[i].p
	}
	sourceHash := in.SourceHash
	if sourceHash == nil {
		sourceHash = func(p *resolve.Page) string {
			if p.Doc.Body == nil {
				return ""
			}
			return status.Hash(p.Doc.Body)
		}
	}
	// The types that have rows: a handful, looked for in a slice.
	var types []string
	// A document's languages, source version and source hash are the same
	// for each of its rows, and many rows share a day: each is worked out
	// once.
	docs := map[string]*docInfo{}
	periodOf := map[int]string{}
	urls := absURLs(s, pages, in.Downloads)
	reg.Rows = make([]Row, len(pages))
	// Each row's document (in the order of their first rows) and its
	// language's place in the site's order, for group.
	docOf := make([]int, len(pages))
	langOf := make([]int, len(pages))
	// The rows tell each document's languages: a document's versions
	// share its key (p.Translations holds the same pages, but asking it
	// cost a third of Build).
	var infos []*docInfo
	var versions []*resolve.Page // len(codes) a document
	for i, p := range pages {
		di := docs[p.Key]
		if di == nil {
			di = &docInfo{index: len(infos)}
			docs[p.Key] = di
			infos = append(infos, di)
			versions = append(versions, make([]*resolve.Page, len(codes))...)
		}
		docOf[i], langOf[i] = di.index, int(rk[i].lang)
		versions[di.index*len(codes)+langOf[i]] = p
	}
	def := slices.Index(codes, cfg.DefaultLanguage)
	for j, di := range infos {
		v := versions[j*len(codes) : (j+1)*len(codes)]
		for k, c := range codes {
			if v[k] != nil {
				di.langs = append(di.langs, c)
				if di.src == nil {
					di.src = v[k]
				}
			}
		}
		// The source: the default language's version, else the first.
		if def >= 0 && v[def] != nil {
			di.src = v[def]
		}
	}
	for i, p := range pages {
		m := p.Meta
		if !slices.Contains(types, m.Type) {
			types = append(types, m.Type)
		}
		di := infos[docOf[i]]
		y, mo, d := p.Date.Date()
		day := y<<9 | int(mo)<<5 | d
		period, ok := periodOf[day]
		if !ok {
			period = cfg.PeriodOf(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC))
			periodOf[day] = period
		}
		// Filled in place: a Row is some 300 bytes.
		row := &reg.Rows[i]
		*row = Row{Key: p.Key, Lang: p.Lang, Type: m.Type, Title: m.Title, Date: p.Date,
			Period: period, Languages: di.langs, Partners: m.Partners, Cities: m.Cities,
			Topics: m.Topics, WPTask: m.WPTask, URL: urls[2*i], Page: p}
		if d := brief(in.Downloads[p]); d != nil {
			row.BriefURL, row.Pages, row.Size = urls[2*i+1], d.Pages, d.Size
		}
		row.State = di.state(p, sourceHash)
		row.Complete = row.State != Stale
	}
	for _, t := range schema.Types {
		if slices.Contains(types, t) {
			reg.Types = append(reg.Types, t)
		}
	}
	reg.group(infos, docOf, langOf)
	reg.Periods = periods(cfg, reg.Rows)
	return reg
}

// absURLs are the pages' absolute addresses and their briefs' (two a
// page, "" without a brief), as Site.AbsURL makes them, cut from one
// string: two strings a row were a fifth of Build.
func absURLs(s *resolve.Site, pages []*resolve.Page, dl resolve.Downloads) []string {
	base := strings.TrimSuffix(s.Config.BaseURL, "/") + "/"
	n := 0
	for _, p := range pages {
		n += 2*len(base) + 2*len(p.URL) + 16
	}
	// A Builder's String is its bytes, not a copy of them.
	var buf strings.Builder
	buf.Grow(n)
	ends := make([]int, 2*len(pages))
	for i, p := range pages {
		buf.WriteString(base)
		buf.WriteString(strings.TrimPrefix(p.URL, s.BasePath))
		ends[2*i] = buf.Len()
		if d := brief(dl[p]); d != nil {
			buf.WriteString(base)
			buf.WriteString(strings.TrimPrefix(d.URL, s.BasePath))
		}
		ends[2*i+1] = buf.Len()
	}
	all := buf.String()
	out := make([]string, len(ends))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// brief is the PDF a page offers: its brief, or a toolkit's bundle.
func brief(ds []*resolve.Download) *resolve.Download {
	for _, d := range ds {
		if d.Kind == "brief" || d.Kind == "bundle" {
			return d
		}
	}
	return nil
}

// group collects the rows of each document, in the order of their first
// row: docOf is each row's document (infos, in that order), langOf its
// language's place in the site's order.
func (r *Register) group(infos []*docInfo, docOf, langOf []int) {
	r.Docs = make([]Doc, len(infos))
	size := make([]int, len(infos))
	for i, j := range docOf {
		if size[j] == 0 {
			r.Docs[j] = Doc{Key: r.Rows[i].Key, Type: r.Rows[i].Type}
		}
		size[j]++
	}
	// The documents' row lists share one array.
	all := make([]int, 0, len(r.Rows))
	for j := range r.Docs {
		r.Docs[j].Rows = all[len(all) : len(all) : len(all)+size[j]]
		all = all[:len(all)+size[j]]
	}
	for i, j := range docOf {
		r.Docs[j].Rows = append(r.Docs[j].Rows, i)
	}
	for j := range r.Docs {
		d := &r.Docs[j]
		// Rows of one document may be dated apart: put them in site order.
		if len(d.Rows) > 1 {
			slices.SortFunc(d.Rows, func(a, b int) int { return langOf[a] - langOf[b] })
		}
		// A document counts in its source version's period.
		d.Period = r.Rows[r.rowOf(d, infos[j].src.Lang, d.Rows[0])].Period
	}
}

// rowOf is the index of d's row in lang, or else fallback.
func (r *Register) rowOf(d *Doc, lang string, fallback int) int {
	for _, i := range d.Rows {
		if r.Rows[i].Lang == lang {
			return i
		}
	}
	return fallback
}

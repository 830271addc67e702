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
//
// It reads each page once, from the end of the site's documents: resolve
// puts them newest first, so that order is the rows' order but for rows of
// one date, which are put in order among themselves (a whole sort of 30,000
// rows was a fifth of Build at N = 10,000). The documents of a site that is
// not in that order are sorted as a whole.
func Build(in Input) *Register {
	s := in.Site
	cfg := s.Config
	codes := cfg.Codes()
	order := make(map[string]int, len(codes))
	for i, c := range codes {
		order[c] = i
	}
	reg := &Register{Langs: codes}
	base := strings.TrimSuffix(cfg.BaseURL, "/") + "/"
	var urls urlBlock
	rows := make([]Row, 0, len(s.Docs))
	rk := make([]ranked, 0, len(s.Docs))
	from := make([]string, 0, len(s.Docs))
	inOrder := true
	for i := len(s.Docs) - 1; i >= 0; i-- {
		p := s.Docs[i]
		if !Counted(p) {
			continue
		}
		m := p.Meta
		row := Row{Key: p.Key, Lang: p.Lang, Type: m.Type, Title: m.Title, Date: p.Date,
			Partners: m.Partners, Cities: m.Cities, Topics: m.Topics, WPTask: m.WPTask, Page: p}
		row.URL = urls.add(base, strings.TrimPrefix(p.URL, s.BasePath))
		if d := brief(in.Downloads[p]); d != nil {
			row.BriefURL = urls.add(base, strings.TrimPrefix(d.URL, s.BasePath))
			row.Pages, row.Size = d.Pages, d.Size
		}
		r := ranked{p.Key, p.Date.Unix(), int32(p.Date.Nanosecond()), int32(order[p.Lang]), int32(i), int32(len(rows))}
		if n := len(rk); n > 0 && inOrder {
			inOrder = !rk[n-1].after(&r)
		}
		rk = append(rk, r)
		rows = append(rows, row)
		from = append(from, m.TranslatedFrom)
	}
	sortRanked(rk, inOrder)
	// The rows put in that order where they are (a second array of them
	// was 9 MB more for the collector at N = 10,000): each cycle of the
	// permutation is followed once.
	placed := make([]bool, len(rows))
	for i := range rows {
		if placed[i] || rk[i].row == int32(i) {
			continue
		}
		first := rows[i]
		j := i
		for {
			placed[j] = true
			k := int(rk[j].row)
			if k == i {
				rows[j] = first
				break
			}
			rows[j] = rows[k]
			j = k
		}
	}
	reg.Rows = rows
	sourceHash := in.SourceHash
	if sourceHash == nil {
		sourceHash = func(p *resolve.Page) string {
			if p.Doc.Body == nil {
				return ""
			}
			return status.Hash(p.Doc.Body)
		}
	}
	// Each row's document (in the order of their first rows) and its
	// language's place in the site's order, for group. The rows tell each
	// document's languages: a document's versions share its key, and
	// mostly its date, so they mostly follow each other.
	docs := make(map[string]int32, len(rows)/len(codes)+1)
	docOf := make([]int, len(reg.Rows))
	langOf := make([]int, len(reg.Rows))
	var infos []docInfo
	var versions []*resolve.Page // len(codes) a document
	for i := range reg.Rows {
		row := &reg.Rows[i]
		var j int32
		if i > 0 && reg.Rows[i-1].Key == row.Key {
			j = int32(docOf[i-1])
		} else if k, ok := docs[row.Key]; ok {
			j = k
		} else {
			j = int32(len(infos))
			docs[row.Key] = j
			infos = append(infos, docInfo{})
			versions = append(versions, make([]*resolve.Page, len(codes))...)
		}
		docOf[i], langOf[i] = int(j), int(rk[i].lang)
		versions[int(j)*len(codes)+langOf[i]] = row.Page
	}
	def := slices.Index(codes, cfg.DefaultLanguage)
	// The documents' languages share one array.
	langs := make([]string, 0, len(rows))
	for j := range infos {
		di := &infos[j]
		v := versions[j*len(codes) : (j+1)*len(codes)]
		start := len(langs)
		for k, c := range codes {
			if v[k] != nil {
				langs = append(langs, c)
				if di.src == nil {
					di.src = v[k]
				}
			}
		}
		di.langs = langs[start:len(langs):len(langs)]
		// The source: the default language's version, else the first.
		if def >= 0 && v[def] != nil {
			di.src = v[def]
		}
	}
	// The types that have rows: a handful, looked for in a slice. Many
	// rows share a day: its period is worked out once.
	var types []string
	periodOf := map[int]string{}
	for i := range reg.Rows {
		row := &reg.Rows[i]
		if !slices.Contains(types, row.Type) {
			types = append(types, row.Type)
		}
		di := &infos[docOf[i]]
		row.Languages = di.langs
		y, mo, d := row.Date.Date()
		day := y<<9 | int(mo)<<5 | d
		period, ok := periodOf[day]
		if !ok {
			period = cfg.PeriodOf(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC))
			periodOf[day] = period
		}
		row.Period = period
		row.State = di.state(row.Page, from[rk[i].row], sourceHash)
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

// ranked is what orders a row: its date, document key and language's
// place in the site's order, and, for pages that share all three, its
// place in the site's documents (site); row is where Build made it.
type ranked struct {
	key       string
	sec       int64
	nsec      int32
	lang      int32
	site, row int32
}

// after reports whether x's date is after y's.
func (x *ranked) after(y *ranked) bool {
	return x.sec > y.sec || x.sec == y.sec && x.nsec > y.nsec
}

// compare orders rows by date, key, language and place in the site: a
// total order, so an unstable sort gives the stable one's order.
func (x *ranked) compare(y *ranked) int {
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
	return cmp.Compare(x.site, y.site)
}

// sortRanked puts rk in order; byDate says it is in date order already,
// and only rows of one date are put in order among themselves.
func sortRanked(rk []ranked, byDate bool) {
	byRank := func(x, y ranked) int { return x.compare(&y) }
	if !byDate {
		slices.SortFunc(rk, byRank)
		return
	}
	for i := 0; i < len(rk); {
		j := i + 1
		for j < len(rk) && rk[j].sec == rk[i].sec && rk[j].nsec == rk[i].nsec {
			j++
		}
		if j-i > 1 {
			slices.SortFunc(rk[i:j], byRank)
		}
		i = j
	}
}

// urlBlock makes absolute addresses as Site.AbsURL does, cut from blocks
// of 64 KB (a Builder's String is its bytes, not a copy of them): two
// strings a row were a fifth of Build.
type urlBlock struct{ b strings.Builder }

// add returns base+rel.
func (u *urlBlock) add(base, rel string) string {
	n := len(base) + len(rel)
	if u.b.Len()+n > u.b.Cap() {
		u.b = strings.Builder{}
		u.b.Grow(max(64<<10, n))
	}
	start := u.b.Len()
	u.b.WriteString(base)
	u.b.WriteString(rel)
	return u.b.String()[start:]
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
func (r *Register) group(infos []docInfo, docOf, langOf []int) {
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

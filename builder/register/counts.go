package register

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/4im-project/dissem/builder/config"
)

// Count is a label and how many outputs it has.
type Count struct {
	Label string
	N     int
}

// TypeCount is one content type's outputs: language versions per language
// (in Register.Langs order) and documents.
type TypeCount struct {
	Type   string
	ByLang []int
	Docs   int
}

// ByTypeLang counts language versions by type and language, and each
// type's documents.
func (r *Register) ByTypeLang() []TypeCount {
	r.count()
	out := slices.Clone(r.counts.types)
	for i := range out {
		out[i].ByLang = slices.Clone(out[i].ByLang)
	}
	return out
}

// counts are the register's counts, made once: the pages in each language
// and the JSON and the workbook all show them.
type counts struct {
	once     sync.Once
	types    []TypeCount
	partners map[string][]Count
	periods  []Count
	outside  int
}

// count makes the counts.
func (r *Register) count() {
	r.counts.once.Do(func() {
		c := &r.counts
		c.types = r.byTypeLang()
		c.partners = make(map[string][]Count, len(r.Langs))
		for _, l := range r.Langs {
			c.partners[l] = r.byPartner(l)
		}
		c.periods, c.outside = r.byPeriod()
	})
}

func (r *Register) byTypeLang() []TypeCount {
	at := map[string]int{}
	out := make([]TypeCount, len(r.Types))
	for i, t := range r.Types {
		at[t] = i
		out[i] = TypeCount{Type: t, ByLang: make([]int, len(r.Langs))}
	}
	li := map[string]int{}
	for i, l := range r.Langs {
		li[l] = i
	}
	for _, row := range r.Rows {
		out[at[row.Type]].ByLang[li[row.Lang]]++
	}
	for _, d := range r.Docs {
		out[at[d.Type]].Docs++
	}
	return out
}

// ByLang counts language versions per language (Register.Langs order).
func (r *Register) ByLang() []int {
	n := make([]int, len(r.Langs))
	for _, tc := range r.ByTypeLang() {
		for i, c := range tc.ByLang {
			n[i] += c
		}
	}
	return n
}

// ByPartner counts documents by partner, most first (then by name), with
// each partner named as the document's version in lang names it (its first
// language's when it has none in lang): the page in each language counts
// in that language's words.
func (r *Register) ByPartner(lang string) []Count {
	r.count()
	if c, ok := r.counts.partners[lang]; ok {
		return slices.Clone(c)
	}
	return r.byPartner(lang)
}

func (r *Register) byPartner(lang string) []Count {
	n := map[string]int{}
	for i := range r.Docs {
		d := &r.Docs[i]
		partners := r.Rows[r.rowOf(d, lang, d.Rows[0])].Partners
		for j, p := range partners {
			// A partner named twice counts once.
			if !slices.Contains(partners[:j], p) {
				n[p]++
			}
		}
	}
	out := make([]Count, 0, len(n))
	for p, c := range n {
		out = append(out, Count{p, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Label < out[j].Label
	})
	return out
}

// ByPeriod counts documents by the reporting period they were first
// published in (their source version's date), in period order, periods
// without documents included; outside is how many fall in none.
func (r *Register) ByPeriod() (counts []Count, outside int) {
	r.count()
	return slices.Clone(r.counts.periods), r.counts.outside
}

func (r *Register) byPeriod() (counts []Count, outside int) {
	at := map[string]int{}
	counts = make([]Count, len(r.Periods))
	for i, p := range r.Periods {
		at[p] = i
		counts[i].Label = p
	}
	for _, d := range r.Docs {
		if i, ok := at[d.Period]; ok && d.Period != "" {
			counts[i].N++
		} else {
			outside++
		}
	}
	return counts, outside
}

// periods lists the reporting periods: the configured ones, or every
// calendar quarter from the earliest row's to the latest's.
func periods(cfg *config.Config, rows []Row) []string {
	if len(cfg.ReportingPeriods) > 0 {
		out := make([]string, len(cfg.ReportingPeriods))
		for i, p := range cfg.ReportingPeriods {
			out[i] = p.Name
		}
		return out
	}
	if len(rows) == 0 {
		return nil
	}
	// Rows are in date order.
	first, last := rows[0].Date, rows[len(rows)-1].Date
	var out []string
	for y, q := first.Year(), quarter(first); y < last.Year() || y == last.Year() && q <= quarter(last); {
		out = append(out, fmt.Sprintf("%d-Q%d", y, q))
		if q++; q > 4 {
			y, q = y+1, 1
		}
		if len(out) > 400 {
			// A century of quarters: a mistyped year, not a project.
			break
		}
	}
	return out
}

func quarter(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

package register

import (
	"hash/maphash"
	"io"
	"strconv"
)

// Digest is a hash of everything the exports show (languages, periods,
// every row's cells, each document's period), with seed: serve compares
// it with the previous rebuild's to keep register.csv, .json and .xlsx
// without making them again. Only for one process (maphash); a build's
// cache keys on Key instead.
func (r *Register) Digest(seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	r.digest(&h)
	return h.Sum64()
}

// digest writes everything the exports show into h (see feed).
func (r *Register) digest(h io.Writer) { r.feed(h, false) }

// feed writes everything the exports show into h, every text after its
// length ("a"+"bc" differs from "ab"+"c"), a buffer at a time; but for the
// rows' front-matter texts (type, title, wp_task, partners, cities,
// topics) when the caller has hashed those already (fronted: see Key).
func (r *Register) feed(h io.Writer, fronted bool) {
	b := make([]byte, 0, 64<<10)
	str := func(s string) {
		b = strconv.AppendInt(b, int64(len(s)), 36)
		b = append(b, ':')
		b = append(b, s...)
		if len(b) > 60<<10 {
			h.Write(b)
			b = b[:0]
		}
	}
	list := func(l []string) {
		for _, s := range l {
			str(s)
		}
		b = append(b, 1)
	}
	list(r.Langs)
	list(r.Periods)
	for i := range r.Rows {
		row := &r.Rows[i]
		if !fronted {
			for _, s := range [...]string{row.Type, row.Title, row.WPTask} {
				str(s)
			}
			for _, l := range [...][]string{row.Partners, row.Cities, row.Topics} {
				list(l)
			}
		}
		for _, s := range [...]string{row.Key, row.Lang, row.Period, row.URL, row.BriefURL, row.State} {
			str(s)
		}
		list(row.Languages)
		b = appendDate(b, row.Date)
		b = append(b, 0)
		b = strconv.AppendInt(b, int64(row.Pages), 10)
		b = append(b, 0)
		b = strconv.AppendInt(b, row.Size, 10)
		b = strconv.AppendBool(b, row.Complete)
	}
	for i := range r.Docs {
		str(r.Docs[i].Period)
	}
	h.Write(b)
}

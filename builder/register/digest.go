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
// cache keys on the CSV's SHA-256 instead (the CSV is made anyway, and a
// hash of the whole file costs a fraction of a pass over the cells).
func (r *Register) Digest(seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	r.digest(&h)
	return h.Sum64()
}

// digest writes everything the exports show into h, every text after its
// length ("a"+"bc" differs from "ab"+"c"), a buffer at a time.
func (r *Register) digest(h io.Writer) {
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
		for _, s := range [...]string{row.Key, row.Lang, row.Type, row.Title, row.Period, row.WPTask,
			row.URL, row.BriefURL, row.State} {
			str(s)
		}
		for _, l := range [...][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
			list(l)
		}
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

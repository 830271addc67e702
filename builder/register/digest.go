package register

import (
	"hash/maphash"
	"strconv"
)

// Digest is a hash of everything the exports show (languages, periods,
// every row's cells, each document's period), with seed: serve compares
// it with the previous rebuild's to keep register.csv, .json and .xlsx
// without making them again. Only for one process (maphash); a build's
// cache keys on the CSV's SHA-256 instead.
func (r *Register) Digest(seed maphash.Seed) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	// Every text after its length: "a"+"bc" differs from "ab"+"c".
	var n [8]byte
	str := func(s string) {
		h.Write(strconv.AppendInt(n[:0], int64(len(s)), 36))
		h.WriteByte(':')
		h.WriteString(s)
	}
	list := func(l []string) {
		for _, s := range l {
			str(s)
		}
		h.WriteByte(1)
	}
	list(r.Langs)
	list(r.Periods)
	var num []byte
	for i := range r.Rows {
		row := &r.Rows[i]
		for _, s := range [...]string{row.Key, row.Lang, row.Type, row.Title, row.Period, row.WPTask,
			row.URL, row.BriefURL, row.State} {
			str(s)
		}
		for _, l := range [...][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
			list(l)
		}
		num = appendDate(num[:0], row.Date)
		num = append(num, 0)
		num = strconv.AppendInt(num, int64(row.Pages), 10)
		num = append(num, 0)
		num = strconv.AppendInt(num, row.Size, 10)
		num = strconv.AppendBool(num, row.Complete)
		h.Write(num)
	}
	for i := range r.Docs {
		str(r.Docs[i].Period)
	}
	return h.Sum64()
}

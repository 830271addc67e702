package register

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"

	"github.com/cespare/xxhash/v2"

	"github.com/4im-project/dissem/builder/schema"
)

// MetaSum is a fingerprint of the front-matter fields a row shows: type,
// title, wp_task, partners, cities and topics. The load takes it while the
// fields are at hand (it runs beside the parsing of each document), so
// that Key never reads the texts: at N = 10,000 they lie scattered across
// a heap of a gigabyte, and one pass over them cost as much as making the
// CSV.
func MetaSum(m *schema.Meta) uint64 {
	h := xxhash.New()
	var n [4]byte
	// Each text after its length: "a"+"bc" differs from "ab"+"c".
	num := func(v int) {
		binary.BigEndian.PutUint32(n[:], uint32(v))
		h.Write(n[:])
	}
	str := func(s string) {
		num(len(s))
		h.WriteString(s)
	}
	str(m.Type)
	str(m.Title)
	str(m.WPTask)
	for _, l := range [...][]string{m.Partners, m.Cities, m.Topics} {
		num(len(l))
		for _, s := range l {
			str(s)
		}
	}
	return h.Sum64()
}

// Key names what the exports hold, for a cache that outlives the process:
// the same key, the same register.csv, .json and .xlsx. It hashes what
// Digest does, but each row's front-matter texts by their MetaSum (sums
// gives it; nil, or a sum it does not know, is computed here), with salt
// (the exports' format version, the site's settings they depend on) first.
func (r *Register) Key(salt string, sums func(*schema.Meta) (uint64, bool)) string {
	h := sha256.New()
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
	str(salt)
	list(r.Langs)
	list(r.Periods)
	for i := range r.Rows {
		row := &r.Rows[i]
		m := row.Page.Meta
		sum, ok := uint64(0), false
		if sums != nil {
			sum, ok = sums(m)
		}
		if !ok {
			sum = MetaSum(m)
		}
		b = binary.BigEndian.AppendUint64(b, sum)
		for _, s := range [...]string{row.Key, row.Lang, row.Period, row.URL, row.BriefURL, row.State} {
			str(s)
		}
		list(row.Languages)
		b = appendDate(b, row.Date)
		b = strconv.AppendInt(b, int64(row.Pages), 36)
		b = append(b, 0)
		b = strconv.AppendInt(b, row.Size, 36)
		b = strconv.AppendBool(b, row.Complete)
	}
	for i := range r.Docs {
		str(r.Docs[i].Period)
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil)[:12])
}

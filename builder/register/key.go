package register

import (
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
	// One buffer on the stack, hashed at once: a Digest and its writes
	// cost twice the hashing.
	var buf [1024]byte
	b := buf[:0]
	// Each text after its length: "a"+"bc" differs from "ab"+"c".
	str := func(s string) {
		b = binary.BigEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	str(m.Type)
	str(m.Title)
	str(m.WPTask)
	for _, l := range [...][]string{m.Partners, m.Cities, m.Topics} {
		b = binary.BigEndian.AppendUint32(b, uint32(len(l)))
		for _, s := range l {
			str(s)
		}
	}
	return xxhash.Sum64(b)
}

// Key names what the exports hold, for a cache that outlives the process:
// the same key, the same register.csv, .json and .xlsx. It hashes what
// Digest does, after salt (the exports' format version), but for the
// rows' front-matter texts (type, title, wp_task, partners, cities,
// topics): fronts stand for them, MetaSum of the front matter of every
// document the site was loaded from, drafts too, in the load's order,
// which the caller took while the fields were at hand. Key then reads no
// text of the front matter, nor looks a row's sum up: at N = 10,000 the
// texts lie scattered across a heap of a gigabyte, and a look-up per row
// cost half the key. An edit to a draft's front matter changes the key
// too, and only costs the exports' making. nil fronts: the texts are
// hashed. The key ends with the number of rows.
func (r *Register) Key(salt string, fronts []uint64) string {
	// xxHash64 of some 5 MB: SHA-256 took 5 ms of the 13 here; a key names
	// a cache entry, not a secret, and two registers share one only by
	// chance (one in 2^64).
	h := xxhash.New()
	h.WriteString(strconv.Itoa(len(salt)) + ":" + salt)
	if fronts != nil {
		b := make([]byte, 0, 8*len(fronts)+8)
		b = binary.BigEndian.AppendUint64(b, uint64(len(fronts)))
		for _, f := range fronts {
			b = binary.BigEndian.AppendUint64(b, f)
		}
		h.Write(b)
	}
	r.feed(h, fronts != nil)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], h.Sum64())
	return hex.EncodeToString(n[:]) + strconv.FormatInt(int64(len(r.Rows)), 36)
}

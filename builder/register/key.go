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
// Digest does, but each row's front-matter texts by their MetaSum (sums
// gives it; nil, or a sum it does not know, is computed here), after salt
// (the exports' format version). The key ends with the number of rows.
func (r *Register) Key(salt string, sums func(*schema.Meta) (uint64, bool)) string {
	// xxHash64 of some 5 MB: SHA-256 took 5 ms of the 13 here; a key names
	// a cache entry, not a secret, and two registers share one only by
	// chance (one in 2^64).
	h := xxhash.New()
	h.WriteString(strconv.Itoa(len(salt)) + ":" + salt)
	r.feed(h, true, sums)
	var n [8]byte
	binary.BigEndian.PutUint64(n[:], h.Sum64())
	return hex.EncodeToString(n[:]) + strconv.FormatInt(int64(len(r.Rows)), 36)
}

package search

import "math/bits"

// wordTable is the analyzer's stemming cache: surface word (as written) →
// term. Most words of a body repeat, so nearly every token is one lookup
// here. A table of its own instead of a map[string]termInfo: the slot
// holds the word's hash, so a probe reads one slot and compares bytes only
// on the right word, and the words' bytes lie side by side in one arena
// instead of a string each on the heap.
type wordTable struct {
	slots []wordSlot // a power of two; hash 0: empty
	arena []byte
	n     int
}

type wordSlot struct {
	hash, off, len uint32
	ti             termInfo
}

// wordHash hashes w eight bytes at a time (hashChunk), the last bytes
// padded with zeros, then its length (hashEnd): the analyzer's word loop
// (add) computes the same as it reads a word. Only the slots of the
// stemming cache depend on it, never the index.
func wordHash(w string) uint32 {
	h, n := uint64(0), len(w)
	for len(w) >= 8 {
		_ = w[7]
		h = hashChunk(h, uint64(w[0])|uint64(w[1])<<8|uint64(w[2])<<16|uint64(w[3])<<24|
			uint64(w[4])<<32|uint64(w[5])<<40|uint64(w[6])<<48|uint64(w[7])<<56)
		w = w[8:]
	}
	if len(w) > 0 {
		var x uint64
		for j := 0; j < len(w); j++ {
			x |= uint64(w[j]) << (8 * j)
		}
		h = hashChunk(h, x)
	}
	return hashEnd(h, n)
}

// hashChunk adds eight bytes (little-endian) of a word to its hash.
func hashChunk(h, x uint64) uint64 {
	return bits.RotateLeft64((h^x)*0x9E3779B97F4A7C15, 31)
}

// hashEnd mixes the hash of a word of n bytes into 32 bits, never 0 (an
// empty slot).
func hashEnd(h uint64, n int) uint32 {
	h ^= uint64(n) * 0xC2B2AE3D27D4EB4F
	h ^= h >> 32
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	if v := uint32(h); v != 0 {
		return v
	}
	return 1
}

// get returns the term of w (hash h), if w is in the table.
func (t *wordTable) get(w string, h uint32) (termInfo, bool) {
	if len(t.slots) == 0 {
		return termInfo{}, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.hash == 0 {
			return termInfo{}, false
		}
		if s.hash == h && int(s.len) == len(w) && string(t.arena[s.off:s.off+s.len]) == w {
			return s.ti, true
		}
	}
}

// put adds w (hash h, not in the table) with its term.
func (t *wordTable) put(w string, h uint32, ti termInfo) {
	if (t.n+1)*4 > len(t.slots)*3 {
		old := t.slots
		t.slots = make([]wordSlot, max(1024, 2*len(old)))
		for _, s := range old {
			if s.hash != 0 {
				t.insert(s)
			}
		}
	}
	t.insert(wordSlot{hash: h, off: uint32(len(t.arena)), len: uint32(len(w)), ti: ti})
	t.arena = append(t.arena, w...)
	t.n++
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

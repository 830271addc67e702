package search

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

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// wordHash is FNV-1a over w's bytes, mixed (mixHash), never 0.
func wordHash(w string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnvPrime
	}
	return mixHash(h)
}

// mixHash spreads FNV's bits to the low ones, which pick the slot.
func mixHash(h uint32) uint32 {
	h ^= h >> 15
	h *= 0x2c1b3c6d
	h ^= h >> 12
	if h == 0 {
		h = 1
	}
	return h
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

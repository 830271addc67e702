package search

import (
	"math/rand"
	"slices"
	"testing"
)

// TestBlocksAddAll: values appended a run at a time (addAll) across the
// blocks' edges, and one at a time (add), are all kept in order, each
// block full before the next, with and without a spare pool.
func TestBlocksAddAll(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for _, pooled := range []bool{false, true} {
		var l blocks[int32]
		if pooled {
			l.spare = &spare[int32]{}
		}
		var want []int32
		for len(want) < 3*blockLen+100 {
			run := make([]int32, rng.Intn(blockLen/3))
			for i := range run {
				run[i] = int32(len(want) + i)
			}
			if rng.Intn(4) == 0 && len(run) > 0 {
				l.add(run[0])
				want = append(want, run[0])
				continue
			}
			l.addAll(run)
			want = append(want, run...)
		}
		if n := (len(want) + blockLen - 1) / blockLen; len(l.b) != n {
			t.Errorf("pooled %v: %d blocks for %d values, want %d", pooled, len(l.b), len(want), n)
		}
		var got []int32
		for i, b := range l.b {
			if i < len(l.b)-1 && len(b) != blockLen {
				t.Errorf("block %d of %d holds %d values", i, len(l.b), len(b))
			}
			got = append(got, b...)
		}
		if l.n != len(want) || !slices.Equal(got, want) {
			t.Errorf("pooled %v: %d values counted, %d kept, %d added", pooled, l.n, len(got), len(want))
		}
	}
}

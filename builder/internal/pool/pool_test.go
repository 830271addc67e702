package pool

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	tests := []struct{ n, workers int }{
		{0, 4}, {1, 4}, {5, 1}, {100, 3}, {7, 0}, {3, 10},
	}
	for _, tt := range tests {
		calls := make([]atomic.Int32, tt.n)
		var running, most atomic.Int32
		Each(tt.n, tt.workers, func(i int) {
			r := running.Add(1)
			for m := most.Load(); r > m && !most.CompareAndSwap(m, r); m = most.Load() {
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
		if limit := int32(max(tt.workers, 1)); most.Load() > limit {
			t.Errorf("n=%d workers=%d: %d calls at once", tt.n, tt.workers, most.Load())
		}
	}
}

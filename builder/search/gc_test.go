package search

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

// TestTightGCLimit: while the index is made the collector's pace is off
// and the memory limit covers the page stage's peak, its heap's goal (live
// × 2 at GOGC 100) and the memory held besides the objects (a limit of the
// goal alone made the collector mark the index's tables in every build);
// restore puts the pace and limit back.
func TestTightGCLimit(t *testing.T) {
	oldPercent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(oldPercent)
	keep := make([][]byte, 64)
	for i := range keep {
		keep[i] = make([]byte, 1<<20)
	}
	// Memory held besides the objects: spans freed by a collection and
	// not yet given back (a build's heap has hundreds of megabytes so).
	garbage := make([][]byte, 192)
	for i := range garbage {
		garbage[i] = make([]byte, 1<<20)
	}
	garbage = nil
	runtime.GC()
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	held := int64(s[0].Value.Uint64() - s[1].Value.Uint64())
	live, objects := int64(s[2].Value.Uint64()), int64(s[3].Value.Uint64())
	restore := TightGC()
	limit := debug.SetMemoryLimit(-1)
	percent := debug.SetGCPercent(-1)
	restore()
	if percent != -1 {
		t.Errorf("pace %d while the index is made, want off (-1)", percent)
	}
	// A little slack: the metrics are read again inside TightGC.
	if want := 2*live + (held - objects); limit < want-(4<<20) {
		t.Errorf("limit %d MB, below the page stage's peak %d MB (live %d MB, held %d MB, objects %d MB)",
			limit>>20, want>>20, live>>20, held>>20, objects>>20)
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("pace %d after restore, want 100", p)
	}
	runtime.KeepAlive(keep)
}

package search

import (
	"runtime/debug"
	"runtime/metrics"
)

// TightGC sets the collector's pace while a build makes the indexes, and
// returns the function that restores the previous pace and limit.
//
// The index is made between the load stage and the page stage, while the
// build holds every rendered body (about half a gigabyte live at
// N = 10,000). The page stage, which holds the same bodies, lets the heap
// grow to live × (1 + GOGC/100) before it collects: the build's peak. A
// fixed tight pace (GOGC 25) kept the index far below that peak but made
// the collector mark the whole live heap again every ~100 MB the index
// allocated, most of the index's cost. So the pace is off while the index
// is made and the memory limit is that same peak (or the memory the
// process already holds, when more): the collector runs only when the
// index would take the process past what the page stage is going to take
// anyway. A lower limit of the user's (GOMEMLIMIT) stays.
func TightGC() (restore func()) {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"},
		{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	held := int64(s[0].Value.Uint64() - s[1].Value.Uint64())
	live := int64(s[2].Value.Uint64())
	// The page stage's peak is its heap's goal (live × (1 + GOGC/100),
	// in objects) and the memory the process holds besides its objects
	// (the free room in spans, the runtime's own tables): a limit of the
	// goal alone made the collector mark the whole heap, the index's
	// tables with it, once in each build's index.
	besides := max(0, held-int64(s[3].Value.Uint64()))
	oldPercent := debug.SetGCPercent(-1)
	oldLimit := debug.SetMemoryLimit(-1)
	pace := int64(max(oldPercent, 25))
	debug.SetMemoryLimit(min(oldLimit, max(held, live+live*pace/100+besides+64<<20)))
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

package search

import "runtime/debug"

// indexGCPercent is the collector's pace while indexes are made.
const indexGCPercent = 25

// TightGC makes the collector keep the heap near its live size while a
// build makes the indexes, and returns the function that restores the
// previous pace. At the default pace (100) the heap may grow to twice what
// is live, and the index is made while the build still holds every
// rendered body: its few hundred megabytes of short-lived tables per
// language would lift the peak by that much again (about +250 MB of peak
// RSS at N = 10,000). At 25 the heap stays inside the memory the load
// stage already took, for a few more collections.
func TightGC() (restore func()) {
	old := debug.SetGCPercent(indexGCPercent)
	return func() { debug.SetGCPercent(old) }
}

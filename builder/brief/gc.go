package brief

import (
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"sync"
)

// The engine parses fonts and hyphenation patterns once per process, so
// that serve's rebuilds and lazily made briefs do not pay for it again.
var (
	sharedOnce sync.Once
	shared     *Engine
	sharedErr  error
)

// SharedEngine returns the process's one Engine, made on first use.
func SharedEngine() (*Engine, error) {
	sharedOnce.Do(func() { shared, sharedErr = NewEngine() })
	return shared, sharedErr
}

// GCHeadroom lets the heap grow further while briefs are laid out: fpdf
// makes tens of megabytes of short-lived garbage per brief (font subsets,
// zlib writers), and collecting it at the default pace costs a quarter of
// the time. The headroom is fixed (the live heap plus 1 GiB), not
// proportional to the site's data, so a large site does not multiply its
// peak memory. The returned function restores the previous settings.
func GCHeadroom() (restore func()) {
	sample := []rtmetrics.Sample{{Name: "/gc/heap/live:bytes"}}
	rtmetrics.Read(sample)
	var live int64
	if sample[0].Value.Kind() == rtmetrics.KindUint64 {
		live = int64(sample[0].Value.Uint64())
	}
	oldLimit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(oldLimit, live+1<<30))
	oldPercent := debug.SetGCPercent(400)
	return func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	}
}

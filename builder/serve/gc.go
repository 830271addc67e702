package serve

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
)

// Serve holds a whole site for as long as it runs, where a build holds it
// for a minute. Go's collector lets the heap grow to twice what is live
// before it collects (GOGC 100), and the memory it freed goes back to the
// system slowly: serve kept about 3.3 times the resident memory of a build
// of the same site (issue 10 asks for 1.5 at most, and no growth across
// saves). pacer keeps serve near what it holds instead: after each rebuild
// the memory limit is what the process holds for what is live, plus a
// sixth (headroom), so the collector runs, and gives memory back, when
// that is reached. A rebuild of everything (the first, a template or
// configuration change) is followed by one collection that gives back what
// the rebuild used on the way.
//
// A limit the user sets (GOMEMLIMIT) is kept when it is lower; GOGC=off
// turns the pacer off.
type pacer struct {
	// user is the memory limit the process started with (GOMEMLIMIT, or
	// none); off is set when the collector is off (GOGC=off).
	user int64
	off  bool
	// held is how much memory the process holds for each byte of live
	// heap (the heap's spans, the collector's own data, stacks), as seen
	// after the last collection that gave memory back.
	held float64
	// limit is the last limit set, for tests.
	limit int64
}

// headroom is what the limit leaves above what the process holds: a
// sixth of it, and at least 64 MB (a small site's rebuild of everything).
// A save of a document's text allocates a few megabytes (at N = 10,000,
// about 20), so the collector runs once in about ten saves; at N = 10,000
// a collection takes one to three seconds of CPU time, in the background.
// An eighth kept serve at 1.32 times the build's peak RSS, a quarter at
// about 1.45: too close to the target of 1.5.
func headroom(held int64) int64 { return max(held/6, 64<<20) }

func newPacer() *pacer {
	p := &pacer{user: debug.SetMemoryLimit(-1)}
	// SetGCPercent returns the old value; setting it back changes nothing.
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	p.off = percent < 0
	return p
}

// restore puts back the limit the process started with.
func (p *pacer) restore() {
	if p != nil && !p.off {
		debug.SetMemoryLimit(p.user)
	}
}

// settle sets the limit after a rebuild; whole is set when the rebuild
// made everything, or was the first.
func (p *pacer) settle(whole bool) {
	if p == nil || p.off {
		return
	}
	if whole || p.held == 0 {
		// What the rebuild allocated on its way is garbage now: collect
		// it and give the memory back, so that what is live is known.
		debug.FreeOSMemory()
	}
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	for _, v := range s {
		if v.Value.Kind() != metrics.KindUint64 {
			return
		}
	}
	live := float64(s[0].Value.Uint64())
	if whole || p.held == 0 {
		// The limit counts all the memory the process holds, not only
		// the live heap: measured now, right after a collection.
		p.held = max(1, float64(s[1].Value.Uint64()-s[2].Value.Uint64())/max(live, 1))
	}
	// live is the heap's at the last collection: what this rebuild left
	// for the next is counted at the next collection.
	base := int64(min(live*p.held, math.MaxInt64/4))
	p.limit = min(p.user, base+headroom(base))
	debug.SetMemoryLimit(p.limit)
}

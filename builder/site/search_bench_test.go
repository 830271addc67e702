package site

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/search"
)

// cpuTime is the process's user and system time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkSearchIndex is writeSearch's work alone, on a build's loaded
// site (so the collector sees the heap a build has while the index is
// made): every language's index, its files hashed instead of written. It
// logs the hash of all files, to compare two versions of the index for
// byte-equality. DISSEM_BENCH_SITE names a site folder made by
// bench/gencorpus (…/10000/site); else DISSEM_BENCH_N documents (× 3
// languages, default 1000) are generated.
func BenchmarkSearchIndex(b *testing.B) {
	src := benchSite(b, false)
	o := Options{Source: src, NoBriefs: true, Now: fixedNow}
	o.defaults()
	l, diags := load(&o, nil, nil)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	runtime.GC()
	b.ReportAllocs()
	var sum string
	cpu0 := cpuTime()
	for b.Loop() {
		restore := search.TightGC()
		files := map[string][32]byte{}
		var sb search.Builder // as writeSearch: one for the languages
		for _, code := range l.cfg.Codes() {
			err := sb.BuildTo(searchLang(l, code), func(name string, data []byte) error {
				files[name] = sha256.Sum256(data)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		restore()
		h := sha256.New()
		for _, name := range slices.Sorted(maps.Keys(files)) {
			v := files[name]
			h.Write([]byte(name))
			h.Write(v[:])
		}
		s := hex.EncodeToString(h.Sum(nil))[:16]
		if sum != "" && s != sum {
			b.Fatalf("the index changed between runs: %s, %s", sum, s)
		}
		sum = s
	}
	// CPU time (user + system, collector included) is what the machine's
	// other work does not distort as much as it does the wall time.
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	b.Logf("index files: sha256 %s", sum)
}

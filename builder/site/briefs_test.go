package site

import (
	"testing"
	"time"
)

// BenchmarkSampleBriefs lays out every brief of the sample site in content/
// once per iteration, without the cache, and reports the mean per brief.
// Run with -cpu 1 for the one-core figure (make bench prints it).
func BenchmarkSampleBriefs(b *testing.B) {
	o := Options{Source: "../..", Now: time.Now()}
	o.defaults()
	l, diags := load(&o, nil)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	eng, err := briefEngine()
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	defer briefGC()()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range l.site.Docs {
			if !wantsBrief(p) {
				continue
			}
			d, _, err := l.briefDocument(p)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := eng.Brief(d); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(n), "ms/brief")
}

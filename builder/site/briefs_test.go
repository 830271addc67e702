package site

import (
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/brief"
)

// BenchmarkSampleBriefs lays out every brief of the sample site in content/
// once per iteration, without the cache, and reports the mean per brief.
// Run with -cpu 1 for the one-core figure (make bench prints it).
func BenchmarkSampleBriefs(b *testing.B) {
	o := Options{Source: "../..", Now: time.Now()}
	o.defaults()
	l, diags := load(&o, nil, nil)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	src, err := l.briefSource(nil)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	defer brief.GCHeadroom()()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range l.site.Docs {
			if !brief.Wants(p) {
				continue
			}
			d, _, err := src.Document(p)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := src.Engine.Brief(d); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(n), "ms/brief")
}

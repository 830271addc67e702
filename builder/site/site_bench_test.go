package site

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/4im-project/dissem/bench/corpus"
)

// benchDocs is the size of the generated corpus (× 3 languages); bench/run.sh
// measures the large sizes against Hugo.
const benchDocs = 200

func generated(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, benchDocs, 1); err != nil {
		b.Fatal(err)
	}
	return filepath.Join(dir, "site")
}

func benchBuild(b *testing.B, o Options) {
	b.ReportAllocs()
	pages, iters := 0, 0
	for b.Loop() {
		res, err := Build(o)
		if err != nil {
			b.Fatal(err)
		}
		if res.Diags.HasErrors() {
			b.Fatal(res.Diags)
		}
		pages += res.Pages
		iters++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(pages), "µs/page")
}

// BenchmarkBuild is a whole build of a generated corpus, briefs and search
// off, as bench/run.sh compares it with Hugo.
func BenchmarkBuild(b *testing.B) {
	src := generated(b)
	benchBuild(b, Options{Source: src, Dest: filepath.Join(b.TempDir(), "public"), NoBriefs: true, NoSearch: true,
		Now: fixedNow, CacheDir: b.TempDir()})
}

// BenchmarkBuildSample builds the repository's sample site without briefs.
func BenchmarkBuildSample(b *testing.B) {
	benchBuild(b, Options{Source: "../..", Dest: filepath.Join(b.TempDir(), "public"), NoBriefs: true,
		Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), CacheDir: b.TempDir()})
}

// BenchmarkLoadStage is the front of the pipeline alone: configuration, UI
// strings, load, validate, Markdown parse and resolve; nothing is written.
func BenchmarkLoadStage(b *testing.B) {
	src := generated(b)
	o := Options{Source: src, NoBriefs: true, NoSearch: true, Now: fixedNow}
	o.defaults()
	b.ReportAllocs()
	docs, iters := 0, 0
	for b.Loop() {
		l, diags := load(&o, nil, nil)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		docs += len(l.site.Docs)
		iters++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(docs), "µs/doc")
}

package site

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// BenchmarkRegister is what the register stage adds to a build: the
// register made from the loaded site, its page in each language (rendered,
// minified, written), and its three exports (CSV, JSON, XLSX) written to
// disk and published over the previous build's output,
// with a cold cache (DISSEM_BENCH_REGISTER_WARM=1: the previous build's,
// whose output holds the same files; =edit: the previous build's, after a
// title was changed), plus the load's
// share: the source hashes (hashSources; every translation records
// translated_from, as the sample site's do) and what loadDoc takes for the
// register (front-matter sums, source keys), timed where it takes them. It reports the wall and CPU
// time of one stage (target: ≤ 100 ms at N = 10,000, bench/run.sh prints
// it). DISSEM_BENCH_N sets the corpus size (documents × 3 languages;
// default 1000); DISSEM_BENCH_SITE names a site made by bench/gencorpus
// whose translations are marked already (TestMarkBenchSite marks one).
func BenchmarkRegister(b *testing.B) {
	src := benchSite(b, true)
	// Briefs on, as a build makes them (the load keeps the bodies), but
	// not made: the brief cells stay empty.
	o := Options{Source: src, NoSearch: true, Now: fixedNow, timeLoadShare: true}
	o.defaults()
	l, d := load(&o, nil, nil)
	if d.HasErrors() {
		b.Fatal(d)
	}
	l.sourcesHashed()
	if l.hashes == nil {
		b.Fatal("no source hashes: the corpus's translations are not marked")
	}
	// Cold: a new cache each time, every export made; warm: the cache and
	// output of the previous build, as the next build of an unchanged site
	// finds them; edit: the previous build's after an editor changed a
	// title (the exports are made again, the sources' hashes are cached).
	cache, dest := b.TempDir(), filepath.Join(b.TempDir(), "public")
	mode := os.Getenv("DISSEM_BENCH_REGISTER_WARM")
	edited := l.site.Docs[slices.IndexFunc(l.site.Docs, register.Counted)]
	// The edited document's front sum, as the load would take it again.
	front := slices.Index(l.tree.Docs, edited.Doc)
	// The register's pages, rendered, minified and written as a build
	// does: at N = 10,000 they once cost more than the stage itself.
	r, d := render.New(l.site, render.Options{Templates: l.tmplFS, Dir: "templates", Catalog: l.cat, Content: l.contentFS,
		Picture: l.pictures.lead, AV: l.av})
	if d.HasErrors() {
		b.Fatal(d)
	}
	var pages []*resolve.Page
	for _, p := range l.site.Pages {
		if p.Kind == resolve.KindRegister {
			pages = append(pages, p)
		}
	}
	if len(pages) == 0 {
		b.Fatal("the site has no register page")
	}
	rows, size := 0, 0
	build := func() {
		switch mode {
		case "":
			cache = b.TempDir()
		case "edit":
			meta := *edited.Meta
			meta.Title += "!"
			edited.Meta = &meta
			l.fronts[front] = register.MetaSum(&meta)
		}
		// Written to disk and published, as a build does, over the
		// previous build's output.
		w, err := output.New(dest, output.Options{Minify: true})
		if err != nil {
			b.Fatal(err)
		}
		l.hashes = hashSources(l.tree.Docs, l.sources, cache)
		reg, wait := startRegister(w, l, nil, cache, nil)
		withReg := r.WithRegister(reg)
		var page bytes.Buffer
		for _, p := range pages {
			page.Reset()
			if err := withReg.WritePageBody(&page, p, nil); err != nil {
				b.Fatal(err)
			}
			if err := w.Write(render.OutputName(p), page.Bytes()); err != nil {
				b.Fatal(err)
			}
		}
		if err := wait(); err != nil {
			b.Fatal(err)
		}
		rows, size = len(reg.Rows), int(w.Bytes())
		if err := w.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	if mode != "" {
		// The previous build, not timed: the first of a loop would
		// otherwise find an empty cache.
		build()
	}
	// The collector's work is charged by the bytes the stage allocates, at
	// the rate the load paid for its own (on a heap of the same size, the
	// cores busy): a few builds here may or may not meet a collection of
	// the gigabyte heap, whose cost belongs to every byte allocated
	// before it.
	gcRate := gcSeconds() / float64(allocated())
	runtime.GC()
	cpu0, gc0, alloc0 := registerCPU(), gcSeconds(), allocated()
	for b.Loop() {
		build()
	}
	gcCost := time.Duration(float64(allocated()-alloc0) * gcRate * 1e9)
	cpu := registerCPU() - cpu0 - time.Duration((gcSeconds()-gc0)*1e9) + gcCost
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/stage")
	// Plus, once a build, the load's share it took while it held each
	// document (front-matter sums, source keys; timed there).
	perBuild := cpu/time.Duration(b.N) + l.sumCost
	b.ReportMetric(float64(perBuild.Microseconds())/1000, "cpu-ms/stage")
	b.ReportMetric(float64((gcCost/time.Duration(b.N)).Microseconds())/1000, "gc-ms")
	b.ReportMetric(float64(l.sumCost.Microseconds())/1000, "load-ms")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// gcSeconds is the CPU time the collector has used in this process.
func gcSeconds() float64 {
	m := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(m)
	return m[0].Value.Float64()
}

// allocated is how many bytes this process has allocated on the heap.
func allocated() uint64 {
	m := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(m)
	return m[0].Value.Uint64()
}

// registerCPU is the CPU time the process has used, user and system.
func registerCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestMarkBenchSite writes translated_from into the translations of the
// bench/gencorpus site DISSEM_MARK_SITE names, for BenchmarkRegister's
// DISSEM_BENCH_SITE; skipped without it.
func TestMarkBenchSite(t *testing.T) {
	src := os.Getenv("DISSEM_MARK_SITE")
	if src == "" {
		t.Skip("DISSEM_MARK_SITE names the site to mark")
	}
	if err := markTranslations(filepath.Join(src, "content")); err != nil {
		t.Fatal(err)
	}
}

package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/bench/corpus"
)

// BenchmarkRebuild is serve's loop without the browser: save one document
// (a translation's body, its title, which lists, term pages, feeds and the
// search index show, or the body of its English source, which the
// register reads), Rebuild with its path, and read the new page's bytes
// from the snapshot. As in the sample site, every translation records
// what it was made from (translated_from), so the register tells stale
// ones by their source's body. It reports the median and 95th percentile of one save.
// DISSEM_BENCH_N sets the corpus size (documents × 3 languages; default
// 1000); bench/run.sh prints it for 1,000 and 10,000. The search index is
// made when asked for, as serve does; DISSEM_BENCH_EAGER_SEARCH=1 makes it
// on every save.
func BenchmarkRebuild(b *testing.B) {
	// Its own corpus always: the benchmark edits it.
	src := generateBenchSite(b, true)
	// As serve runs it: search indexes and the register made when asked
	// for (LazySearch, LazyRegister).
	lazy := os.Getenv("DISSEM_BENCH_EAGER_SEARCH") == ""
	s := NewSession(Options{Source: src, Now: fixedNow, CacheDir: b.TempDir(), LazySearch: lazy, LazyRegister: lazy})
	start := time.Now()
	if d, err := s.Rebuild(nil, true); err != nil || d.HasErrors() {
		b.Fatalf("%v\n%s", err, d)
	}
	b.Logf("%d documents: first build %.0f ms, %d files", len(s.state.docs), float64(time.Since(start).Microseconds())/1000, len(s.Snapshot().Files))
	// A guide in Hungarian, somewhere in the middle of the site.
	var doc, page string
	for _, p := range s.state.docs {
		if p.doc.Lang == "hu" && p.doc.Section == "guides" && (doc == "" || p.doc.Rel < doc) {
			doc = p.doc.Rel
		}
	}
	snap := s.Snapshot()
	base := filepath.Base(doc)
	page = "hu/guides/" + base[:len(base)-len(".hu.md")] + "/index.html"
	if doc == "" || snap.Files[page] == nil {
		b.Fatalf("no Hungarian guide (%q, %q)", doc, page)
	}
	title := regexp.MustCompile(`(?m)^title: .*$`)
	for _, tc := range []struct {
		name string
		// en edits the document's English source instead.
		en   bool
		edit func(orig []byte, i int) ([]byte, string)
	}{
		{"body", false, func(orig []byte, i int) ([]byte, string) {
			w := fmt.Sprintf("szerkesztés%d", i)
			return append(bytes.Clone(orig), "\n\n"+w+"\n"...), w
		}},
		{"title", false, func(orig []byte, i int) ([]byte, string) {
			w := fmt.Sprintf("Új cím %d", i)
			return title.ReplaceAll(orig, []byte(`title: "`+w+`"`)), w
		}},
		{"source-body", true, func(orig []byte, i int) ([]byte, string) {
			w := fmt.Sprintf("edit%d", i)
			return append(bytes.Clone(orig), "\n\n"+w+"\n"...), w
		}},
	} {
		doc, page := doc, page
		if tc.en {
			doc = strings.TrimSuffix(doc, ".hu.md") + ".en.md"
			page = "en/" + strings.TrimPrefix(page, "hu/")
		}
		file := filepath.Join(src, "content", filepath.FromSlash(doc))
		orig, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			// Wall time, and the process's CPU time: on a machine shared
			// with other work a save waits for a core, and the CPU time
			// says what it costs.
			var times, cpus []time.Duration
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			i := 0
			for b.Loop() {
				i++
				data, want := tc.edit(orig, i)
				t0, c0 := time.Now(), cpuTime()
				if err := os.WriteFile(file, data, 0o644); err != nil {
					b.Fatal(err)
				}
				d, err := s.Rebuild([]string{"content/" + doc}, false)
				if err != nil || d.HasErrors() {
					b.Fatalf("%v\n%s", err, d)
				}
				if got, _, _ := s.Snapshot().File(page); !bytes.Contains(got, []byte(want)) {
					b.Fatalf("%s does not show %q", page, want)
				}
				times = append(times, time.Since(t0))
				cpus = append(cpus, cpuTime()-c0)
			}
			runtime.ReadMemStats(&after)
			b.Logf("the last save made %d outputs again; stages %v", s.made, s.stages)
			if err := os.WriteFile(file, orig, 0o644); err != nil {
				b.Fatal(err)
			}
			b.Logf("%.1f collections per save, %.1f MB allocated per save, heap %d MB",
				float64(after.NumGC-before.NumGC)/float64(i), float64(after.TotalAlloc-before.TotalAlloc)/float64(i)/(1<<20), after.HeapAlloc>>20)
			slices.Sort(times)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(times[len(times)/2]), "ms-median")
			b.ReportMetric(ms(times[len(times)*95/100]), "ms-p95")
			slices.Sort(cpus)
			b.ReportMetric(ms(cpus[len(cpus)/2]), "ms-cpu-median")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// benchSite is the site a benchmark reads: the folder DISSEM_BENCH_SITE
// names (made by bench/gencorpus), else DISSEM_BENCH_N documents (× 3
// languages, default 1000) generated, their translations marked when mark
// is set (markTranslations).
func benchSite(b *testing.B, mark bool) string {
	if src := os.Getenv("DISSEM_BENCH_SITE"); src != "" {
		return src
	}
	return generateBenchSite(b, mark)
}

// generateBenchSite makes DISSEM_BENCH_N documents (× 3 languages,
// default 1000) with bench/gencorpus in a temporary folder and returns
// the site's folder, its translations marked when mark is set.
func generateBenchSite(b *testing.B, mark bool) string {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("DISSEM_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	if err := corpus.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	src := filepath.Join(dir, "site")
	if mark {
		if err := markTranslations(filepath.Join(src, "content")); err != nil {
			b.Fatal(err)
		}
	}
	return src
}

// markTranslations writes into every translation below content (x.hu.md,
// x.sk.md beside x.en.md) the translated_from of its English source as it
// is, as dissem status --mark does.
func markTranslations(content string) error {
	return filepath.WalkDir(content, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".en.md") {
			return err
		}
		base := strings.TrimSuffix(path, ".md")
		src, err := os.ReadFile(strings.TrimSuffix(base, filepath.Ext(base)) + ".en.md")
		if os.IsNotExist(err) {
			return nil
		} else if err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		front, ok := bytes.CutPrefix(data, []byte("---\n"))
		if !ok {
			return nil
		}
		return os.WriteFile(path, append([]byte("---\ntranslated_from: \""+bodyHash(string(src))+"\"\n"), front...), 0o644)
	})
}

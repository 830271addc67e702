package content_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/4im-project/dissem/bench/corpus"
	"github.com/4im-project/dissem/builder/content"
)

// benchDocs is the size of the generated corpus (× 3 languages).
const benchDocs = 200

// BenchmarkLoad reads and splits every file of a generated corpus: front
// matter decoded into positioned Values, bodies kept. Stage 1 of a build.
func BenchmarkLoad(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Generate(dir, benchDocs, 1); err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(filepath.Join(dir, "site", "content"))
	opts := content.Options{Prefix: "content", Languages: []string{"en", "hu", "sk"}, Default: "en"}
	b.ReportAllocs()
	docs, iters := 0, 0
	for b.Loop() {
		t, d := content.Load(fsys, opts)
		if d.HasErrors() {
			b.Fatal(d)
		}
		docs += len(t.Docs)
		iters++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(docs), "µs/file")
}

package sitefs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// benchTree writes a content folder shaped like a site's: 8 sections of
// 75 documents of 5 KB, and returns the site folder and the paths.
func benchTree(b *testing.B) (string, []string) {
	b.Helper()
	src := b.TempDir()
	data := make([]byte, 5000)
	var names []string
	for s := range 8 {
		for d := range 75 {
			name := fmt.Sprintf("section-%d/doc-%d.en.md", s, d)
			p := filepath.Join(src, "content", filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			names = append(names, name)
		}
	}
	return src, names
}

// BenchmarkReadFile compares reading every document through sitefs (an
// os.Root: one openat per path element) with os.DirFS, which dissem used
// before.
func BenchmarkReadFile(b *testing.B) {
	src, names := benchTree(b)
	tree, _ := OpenTree(src, "content", "content")
	for _, bc := range []struct {
		name string
		fsys fs.FS
	}{{"DirFS", os.DirFS(filepath.Join(src, "content"))}, {"sitefs", tree}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range names {
					if _, err := fs.ReadFile(bc.fsys, n); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/file")
		})
	}
}

// BenchmarkWalk compares sitefs.Walk with a bare fs.WalkDir over os.DirFS.
func BenchmarkWalk(b *testing.B) {
	src, _ := benchTree(b)
	tree, _ := OpenTree(src, "content", "content")
	dir := os.DirFS(filepath.Join(src, "content"))
	b.Run("WalkDir+DirFS", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = fs.WalkDir(dir, ".", func(string, fs.DirEntry, error) error { return nil })
		}
	})
	b.Run("sitefs", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Walk(tree, "content", func(string) {})
		}
	})
}

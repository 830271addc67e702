package brief

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestCachePrune: after a build, the cache keeps the briefs that build asked
// for (hits and new entries), temporary files young enough to belong to a
// running build and files it does not own, and removes the rest.
func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	last := &Cache{Dir: dir}
	for _, key := range []string{"kept", "gone", "also-gone"} {
		if err := last.Put(key, Result{PDF: []byte("%PDF"), Pages: 1}); err != nil {
			t.Fatal(err)
		}
	}
	// A temporary file older than an hour is a killed build's.
	for name, age := range map[string]time.Duration{"killed.1.tmp": 2 * time.Hour, "running.2.tmp": 0, "README": 2 * time.Hour} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, nil, 0o644)
		old := time.Now().Add(-age)
		os.Chtimes(p, old, old)
	}

	build := &Cache{Dir: dir}
	if _, _, ok := build.Get("kept"); !ok {
		t.Fatal("miss")
	}
	build.Get("never-made") // a miss followed by a failed layout: nothing to keep
	if err := build.Put("new", Result{PDF: []byte("%PDF"), Pages: 2}); err != nil {
		t.Fatal(err)
	}
	if err := build.Prune(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"README", "kept.pdf", "new.pdf", "running.2.tmp"}
	if !slices.Equal(got, want) {
		t.Errorf("after Prune: %v, want %v", got, want)
	}
	if err := (&Cache{Dir: filepath.Join(dir, "none")}).Prune(); err != nil {
		t.Errorf("pruning a cache never written: %v", err)
	}
}

package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// copyInOrder copies the test site into dir, creating its files (and so
// its folders' entries) in the order of names, each with its own mtime.
func copyInOrder(t *testing.T, dir string, names []string) {
	t.Helper()
	for i, name := range names {
		data, err := os.ReadFile(filepath.Join("testdata/site", name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		mtime := time.Date(2024, 1, 1, 0, 0, i, 0, time.UTC)
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSameSiteWhateverTheFileOrder builds the test site from two copies
// whose files were created in opposite orders (and with other mtimes) and
// wants the same bytes and the same messages.
func TestSameSiteWhateverTheFileOrder(t *testing.T) {
	var names []string
	err := filepath.WalkDir("testdata/site", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel("testdata/site", p)
			names = append(names, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	reversed := slices.Clone(names)
	slices.Reverse(reversed)
	var outputs [2]map[string][]byte
	var messages [2]string
	for i, order := range [][]string{names, reversed} {
		dir := t.TempDir()
		src := filepath.Join(dir, "site")
		copyInOrder(t, src, order)
		dest := filepath.Join(dir, "public")
		res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, NoBriefs: true, CacheDir: filepath.Join(dir, "cache")})
		if err != nil {
			t.Fatal(err)
		}
		if res.Diags.HasErrors() {
			t.Fatalf("errors:\n%s", res.Diags)
		}
		outputs[i] = walk(t, dest)
		messages[i] = string(bytes.ReplaceAll([]byte(res.Diags.String()), []byte(src), nil))
	}
	if len(outputs[0]) != len(outputs[1]) {
		t.Fatalf("%d files vs %d", len(outputs[0]), len(outputs[1]))
	}
	for name, data := range outputs[0] {
		if !bytes.Equal(data, outputs[1][name]) {
			t.Errorf("%s differs between the two orders", name)
		}
	}
	if messages[0] != messages[1] {
		t.Errorf("messages differ:\n%s\nvs\n%s", messages[0], messages[1])
	}
}

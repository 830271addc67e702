package search_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/json"
)

// TestFilesMinified: every file of the sample site's indexes is already
// what the site's JSON minifier makes of it, so a build writes the index
// as it is (writeSearch: WriteRaw) and spends nothing on parsing it again.
func TestFilesMinified(t *testing.T) {
	root := sampleSite(t)
	m := minify.New()
	m.AddFunc("application/json", json.Minify)
	n := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.Contains(filepath.ToSlash(p), "/search/") || !strings.HasSuffix(p, ".json") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		min, err := m.Bytes("application/json", data)
		if err != nil {
			return err
		}
		if !bytes.Equal(min, data) {
			t.Errorf("%s: the minifier changes it:\n%.300s\n%.300s", p, data, min)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d index files found under %s", n, root)
	}
}

package site

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/output"
)

// exportsOf runs the register stage on the loaded site l with cache and
// returns its three files.
func exportsOf(t *testing.T, l *loaded, cache string) map[string][]byte {
	t.Helper()
	w := output.NewMemory(false)
	_, wait := startRegister(w, l, nil, cache, nil)
	if err := wait(); err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, ext := range []string{"csv", "json", "xlsx"} {
		b, err := w.ReadBack("register." + ext)
		if err != nil {
			t.Fatal(err)
		}
		out[ext] = b
	}
	return out
}

// TestRegisterCache checks the exports' cache: a second build of the same
// site copies the first's three files (a planted change in a cached file
// shows up in the output, so the cache is read), the cache holds one key's
// three files, and a register that changes makes new exports under a new
// key, the old ones removed.
func TestRegisterCache(t *testing.T) {
	o := Options{Source: "testdata/site", Now: fixedNow, NoSearch: true}
	o.defaults()
	l, d := load(&o, nil, nil)
	if d.HasErrors() {
		t.Fatal(d)
	}
	cache := t.TempDir()
	first := exportsOf(t, l, cache)
	if got := exportsOf(t, l, t.TempDir()); !equalFiles(got, first) {
		t.Fatal("two cold builds of the same site made different exports")
	}
	dir := filepath.Join(cache, "register")
	names := cached(t, dir)
	if len(names) != 3 {
		t.Fatalf("cache holds %v, want one key's csv, json and xlsx", names)
	}
	key := strings.TrimSuffix(names[0], ".csv")
	for _, ext := range []string{"csv", "json", "xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, key+"."+ext), []byte("planted "+ext), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	warm := exportsOf(t, l, cache)
	for _, ext := range []string{"csv", "json", "xlsx"} {
		if string(warm[ext]) != "planted "+ext {
			t.Errorf("warm build's register.%s was made again, not copied from the cache", ext)
		}
	}
	// Another title: another key, new exports, the old ones pruned.
	p := l.site.Docs[0]
	meta := *p.Meta
	meta.Title += " (revised)"
	p.Meta = &meta
	changed := exportsOf(t, l, cache)
	if !bytes.Contains(changed["csv"], []byte("(revised)")) || !bytes.Contains(changed["json"], []byte("(revised)")) {
		t.Error("a changed title is not in the new exports")
	}
	if names := cached(t, dir); len(names) != 3 || slices.Contains(names, key+".json") {
		t.Errorf("after a change the cache holds %v, want only the new key's three files", names)
	}
}

// cached lists the register's exports in the cache folder dir (not the
// source hashes kept beside them).
func cached(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != sourceHashesName {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	return names
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

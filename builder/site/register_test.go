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
	src := t.TempDir()
	copyTree(t, "testdata/site", src)
	loadSite := func() *loaded {
		o := Options{Source: src, Now: fixedNow, NoSearch: true}
		o.defaults()
		l, d := load(&o, nil, nil)
		if d.HasErrors() {
			t.Fatal(d)
		}
		return l
	}
	l := loadSite()
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
	// Another title, or another topic, written in the file as an editor
	// would: another key (the load's front-matter sums, which the key
	// reads instead of the rows' texts), new exports, the old ones pruned.
	for _, edit := range []struct{ old, new, want string }{
		{`title: "The household survey"`, `title: "The household survey (revised)"`, "(revised)"},
		{`topics: [`, `topics: [employment, `, "employment"},
	} {
		file := filepath.Join(src, "content/guides/survey.en.md")
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte(edit.old)) {
			t.Fatalf("%s lacks %s", file, edit.old)
		}
		if err := os.WriteFile(file, bytes.Replace(data, []byte(edit.old), []byte(edit.new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		changed := exportsOf(t, loadSite(), cache)
		if !bytes.Contains(changed["csv"], []byte(edit.want)) || !bytes.Contains(changed["json"], []byte(edit.want)) {
			t.Errorf("%q, edited in, is not in the new exports", edit.want)
		}
		names := cached(t, dir)
		if len(names) != 3 || slices.Contains(names, key+".json") {
			t.Errorf("after an edit the cache holds %v, want only the new key's three files", names)
		}
		key = strings.TrimSuffix(names[0], ".csv")
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
		if e.Name() != sourceHashesName && e.Name() != exportStampsName && e.Name() != sheetChunksName {
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

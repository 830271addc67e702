//go:build unix

package site

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/4im-project/dissem/builder/output"
)

// TestRegisterLinksPrevious checks that a build of an unchanged register
// links the previous build's exports into its output instead of copying
// them, and copies them from the cache when the published file was
// changed since, or when the register changed.
func TestRegisterLinksPrevious(t *testing.T) {
	o := Options{Source: "testdata/site", Now: fixedNow, NoSearch: true}
	o.defaults()
	l, d := load(&o, nil, nil)
	if d.HasErrors() {
		t.Fatal(d)
	}
	cache, dest := t.TempDir(), filepath.Join(t.TempDir(), "public")
	build := func() {
		t.Helper()
		w, err := output.New(dest, output.Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, wait := startRegister(w, l, nil, cache, nil)
		if err := wait(); err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	inode := func(name string) uint64 {
		var st syscall.Stat_t
		if err := syscall.Stat(filepath.Join(dest, name), &st); err != nil {
			t.Fatal(err)
		}
		return uint64(st.Ino)
	}
	build()
	first := map[string]string{}
	inodes := map[string]uint64{}
	for _, name := range exportNames {
		first[name], inodes[name] = read(t, dest, name), inode(name)
	}
	build()
	for _, name := range exportNames {
		if inode(name) != inodes[name] || read(t, dest, name) != first[name] {
			t.Errorf("%s of an unchanged register was not linked from the previous build", name)
		}
	}
	// Tampered with in the published folder: copied from the cache again.
	f, err := os.OpenFile(filepath.Join(dest, "register.csv"), os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("=cmd|' /C calc'!A0,"), 3); err != nil {
		t.Fatal(err)
	}
	f.Close()
	build()
	if got := read(t, dest, "register.csv"); got != first["register.csv"] {
		t.Errorf("a register.csv written to after the build was kept: %.60q", got)
	}
	// Another register: new files.
	p := l.site.Docs[0]
	meta := *p.Meta
	meta.Title += " (revised)"
	p.Meta = &meta
	l.fronts = append([]uint64{42}, l.fronts...)
	build()
	for _, name := range []string{"register.csv", "register.json"} {
		if !strings.Contains(read(t, dest, name), "(revised)") {
			t.Errorf("%s of a changed register is the old one", name)
		}
	}
}

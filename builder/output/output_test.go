package output

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestCommitSwapsAndAbortLeavesDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(dest, StampName), stampText)
	write(t, filepath.Join(dest, "old.html"), "old")

	w, err := New(dest, Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write("en/index.html", []byte("<!DOCTYPE html>\n<html lang=\"en\">\n<head><title> x </title></head>\n<body>\n<p>hello   world</p>\n</body></html>")); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); err != nil {
		t.Fatal("Abort touched the destination")
	}

	w, err = New(dest, Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	w.Write("en/index.html", []byte("<p>hello   world</p>"))
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(dest, "en/index.html"))
	if string(got) != "<p>hello world</p>" {
		t.Errorf("minified = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); err == nil {
		t.Error("the old site survived the swap")
	}
	if !hasStamp(dest) {
		t.Error("the published site has no stamp")
	}
	if names := list(t, parent); !slices.Equal(names, []string{"public"}) {
		t.Errorf("left-overs beside the output: %v", names)
	}
}

// TestPublishedModes: a web server running as another user must read every
// folder and file; MkdirTemp alone would leave the root 0700.
func TestPublishedModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	old := umask(0o022)
	defer umask(old)
	dest := filepath.Join(t.TempDir(), "public")
	for range 2 { // the first build makes dest, the second swaps it
		w, err := New(dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		w.WriteRaw("en/a/index.html", []byte("x"))
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		for name, want := range map[string]os.FileMode{".": 0o755, "en": 0o755, "en/a": 0o755, "en/a/index.html": 0o644, StampName: 0o644} {
			info, err := os.Stat(filepath.Join(dest, name))
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm() != want {
				t.Errorf("%s has mode %v, want %v", name, info.Mode().Perm(), want)
			}
		}
	}
}

// TestSwapByRenames covers the publishing of systems without an exchanging
// rename, which Linux uses only when the file system lacks it.
func TestSwapByRenames(t *testing.T) {
	parent := t.TempDir()
	dest, tmp := filepath.Join(parent, "public"), filepath.Join(parent, ".public.tmp-1")
	write(t, filepath.Join(tmp, "new.html"), "new")
	if err := swapByRenames(tmp, dest); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(tmp, "newer.html"), "newer")
	var steps []string
	PublishStep = func(s string) {
		steps = append(steps, s)
		if _, err := os.Stat(dest); err == nil {
			t.Error("dest still there after the first rename")
		}
	}
	defer func() { PublishStep = nil }()
	if err := swapByRenames(tmp, dest); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(steps, []string{"moved-old"}) {
		t.Errorf("steps %v", steps)
	}
	if names := list(t, dest); !slices.Equal(names, []string{"newer.html"}) {
		t.Errorf("dest holds %v", names)
	}
	if names := list(t, tmp+".old"); !slices.Equal(names, []string{"new.html"}) {
		t.Errorf("the old site waits as %v", names)
	}
}

// TestCommitSteps: dest holds a complete site at every step of publishing.
func TestCommitSteps(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(file string) *Writer {
		w, err := New(dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		w.WriteRaw(file, []byte(file))
		return w
	}
	if err := build("old.html").Commit(); err != nil {
		t.Fatal(err)
	}
	var seen []string
	PublishStep = func(s string) { seen = append(seen, s+":"+strings.Join(list(t, dest), ",")) }
	defer func() { PublishStep = nil }()
	if err := build("new.html").Commit(); err != nil {
		t.Fatal(err)
	}
	want := []string{"stamped:" + StampName + ",old.html", "swapped:" + StampName + ",new.html"}
	if !slices.Equal(seen, want) {
		t.Errorf("dest at each step:\n got %v\nwant %v", seen, want)
	}
}

// TestLeftoversRemoved: the next build removes what killed builds left and
// nothing else; a previous site left in a .old folder with no output is put
// back.
func TestLeftoversRemoved(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	write(t, filepath.Join(parent, ".public.tmp-111", "en", "index.html"), "killed while writing")
	write(t, filepath.Join(parent, ".public.tmp-222.old", "index.html"), "previous site")
	write(t, filepath.Join(parent, ".public.tmp-333", "index.html"), "killed after the swap")
	write(t, filepath.Join(parent, ".other.tmp-1", "keep"), "another output's")
	write(t, filepath.Join(parent, "public-notes", "keep"), "mine")
	w, err := New(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := list(t, parent)
	want := []string{".other.tmp-1", ".public.lock", filepath.Base(w.Dir()), "public", "public-notes"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("beside the output:\n got %v\nwant %v", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "previous site" {
		t.Errorf("the previous site was not put back: %q", b)
	}
	w.Abort()
	if got := list(t, parent); !slices.Equal(got, []string{".other.tmp-1", "public", "public-notes"}) {
		t.Errorf("after Abort: %v", got)
	}
}

// TestSecondBuildFails: two builds into one folder never run together, so
// neither removes the other's temporary folder as a leftover.
func TestSecondBuildFails(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first, err := New(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(dest, Options{})
	if err == nil || !strings.Contains(err.Error(), "another dissem build is writing "+dest+"; wait until it has finished") {
		t.Fatalf("second build: %v", err)
	}
	if _, err := os.Stat(first.Dir()); err != nil {
		t.Fatal("the second build removed the first one's folder")
	}
	first.Release()
	second, err := New(dest, Options{})
	if err != nil {
		t.Fatalf("after the first released: %v", err)
	}
	if _, err := os.Stat(first.Dir()); err == nil {
		t.Error("the released folder was not cleaned up by the next build")
	}
	second.Abort()
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("css/site.css", []byte("a{}"))
	b := Fingerprint("css/site.css", []byte("b{}"))
	if a == b || filepath.Ext(a) != ".css" || a[:9] != "css/site." || len(a) != len("css/site.12345678.css") {
		t.Errorf("Fingerprint = %q, %q", a, b)
	}
}

// list returns the sorted names in dir.
func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// TestMemory: a memory Writer keeps the same bytes a Writer on disk writes,
// minified the same way, reads them back, and touches no disk.
func TestMemory(t *testing.T) {
	dir := t.TempDir()
	disk, err := New(filepath.Join(dir, "public"), Options{Minify: true})
	if err != nil {
		t.Fatal(err)
	}
	mem := NewMemory(true)
	files := map[string]string{
		"en/index.html": "<p>  Hello   <b>world</b> </p>\n",
		"css/site.css":  "body {  color : red ; }\n",
		"raw.pdf":       "%PDF  raw  ",
	}
	for _, w := range []*Writer{disk, mem} {
		for name, data := range files {
			write := w.Write
			if name == "raw.pdf" {
				write = w.WriteRaw
			}
			buf := []byte(data)
			if err := write(name, buf); err != nil {
				t.Fatal(err)
			}
			// The writer must have copied what it keeps.
			copy(buf, "XXXX")
		}
	}
	got := mem.Take()
	if len(got) != len(files) {
		t.Fatalf("memory holds %d files, want %d", len(got), len(files))
	}
	for name := range files {
		want, err := disk.ReadBack(name)
		if err != nil {
			t.Fatal(err)
		}
		if string(got[name]) != string(want) {
			t.Errorf("%s: memory %q, disk %q", name, got[name], want)
		}
	}
	if _, err := mem.ReadBack("raw.pdf"); err == nil {
		t.Error("Take left the files in the writer")
	}
	if err := mem.Commit(); err != nil || mem.Dir() != "" {
		t.Errorf("memory Commit = %v, Dir %q", err, mem.Dir())
	}
	_ = disk.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) > 1 { // the lock file may stay
		for _, e := range entries {
			t.Log(e.Name())
		}
	}
}

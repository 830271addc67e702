//go:build unix

package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestLinkPrevious checks that a file of the previous build that still
// has its stamp is linked into the next build, bytes and count as written,
// and that one written to, replaced, deleted, made private or never
// written is not; and
// that a build that fails leaves the previous one whole.
func TestLinkPrevious(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	data := bytes.Repeat([]byte("dokument,nyelv\r\n"), 1000)
	build := func(f func(w *Writer)) {
		t.Helper()
		w, err := New(dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		f(w)
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	var stamp FileStamp
	build(func(w *Writer) {
		if err := w.WriteRaw("exports/register.csv", data); err != nil {
			t.Fatal(err)
		}
		var ok bool
		if stamp, ok = w.Stamp("exports/register.csv"); !ok || stamp.Size != int64(len(data)) {
			t.Fatalf("stamp %+v, %v", stamp, ok)
		}
	})
	published := filepath.Join(dest, "exports", "register.csv")
	build(func(w *Writer) {
		if !w.LinkPrevious("exports/register.csv", stamp) {
			t.Fatal("an untouched file of the previous build was not linked")
		}
		if w.LinkPrevious("other.csv", stamp) {
			t.Error("a file the previous build did not write was linked")
		}
		if w.Files() != 1 || w.Bytes() != int64(len(data)) {
			t.Errorf("counted %d files, %d bytes; want 1, %d", w.Files(), w.Bytes(), len(data))
		}
	})
	if got, err := os.ReadFile(published); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("linked file: %d bytes, %v", len(got), err)
	}
	// A failed build: the previous output keeps the file.
	w, err := New(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !w.LinkPrevious("exports/register.csv", stamp) {
		t.Fatal("not linked the second time")
	}
	if err := w.Abort(); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(published); err != nil || !bytes.Equal(got, data) {
		t.Fatalf("after a failed build: %d bytes, %v", len(got), err)
	}
	for name, change := range map[string]func(){
		"written to": func() {
			f, err := os.OpenFile(published, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteAt([]byte("X"), 3) // the same size
			f.Close()
		},
		"replaced": func() {
			os.Remove(published)
			os.WriteFile(published, data, 0o644)
		},
		"deleted":      func() { os.Remove(published) },
		"made private": func() { os.Chmod(published, 0o600) },
	} {
		// A fresh previous build, then the change.
		build(func(w *Writer) {
			if err := w.WriteRaw("exports/register.csv", data); err != nil {
				t.Fatal(err)
			}
			stamp, _ = w.Stamp("exports/register.csv")
		})
		change()
		build(func(w *Writer) {
			if w.LinkPrevious("exports/register.csv", stamp) {
				t.Errorf("a file %s since was linked", name)
			}
		})
	}
	m := NewMemory(false)
	if _, ok := m.Stamp("x"); ok || m.LinkPrevious("x", stamp) {
		t.Error("a memory writer has stamps")
	}
}

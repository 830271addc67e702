package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestCopyFile checks that a copied file is published with its bytes, in
// a new folder, counted like a written one, on disk and in memory; and
// that a missing source is an error, not an empty file.
func TestCopyFile(t *testing.T) {
	src := filepath.Join(t.TempDir(), "cached.csv")
	data := bytes.Repeat([]byte("dokument,nyelv\r\n"), 50000)
	if err := os.WriteFile(src, data, 0o600); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	w, err := New(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.CopyFile("exports/register.csv", src); err != nil {
		t.Fatal(err)
	}
	if err := w.CopyFile("missing.csv", src+".gone"); err == nil {
		t.Error("copying a missing file succeeded")
	}
	if w.Files() != 1 || w.Bytes() != int64(len(data)) {
		t.Errorf("counted %d files, %d bytes; want 1, %d", w.Files(), w.Bytes(), len(data))
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dest, "exports", "register.csv"))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("published copy: %d bytes, err %v; want %d bytes", len(got), err, len(data))
	}
	if info, err := os.Stat(filepath.Join(dest, "exports", "register.csv")); err != nil || info.Mode().Perm()&0o044 != 0o044 {
		t.Errorf("published copy's mode %v: the web server must read it", info.Mode())
	}
	if _, err := os.Stat(filepath.Join(dest, "missing.csv")); err == nil {
		t.Error("a failed copy left a file")
	}

	m := NewMemory(false)
	if err := m.CopyFile("register.csv", src); err != nil {
		t.Fatal(err)
	}
	if got, err := m.ReadBack("register.csv"); err != nil || !bytes.Equal(got, data) {
		t.Errorf("memory copy: %d bytes, err %v", len(got), err)
	}
}

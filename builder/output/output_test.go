package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCommitSwapsAndAbortLeavesDest(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	os.MkdirAll(dest, 0o755)
	os.WriteFile(filepath.Join(dest, "old.html"), []byte("old"), 0o644)

	w, err := New(dest, true)
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

	w, _ = New(dest, true)
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
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("left-overs beside the output: %v", entries)
	}
}

func TestFingerprint(t *testing.T) {
	a := Fingerprint("css/site.css", []byte("a{}"))
	b := Fingerprint("css/site.css", []byte("b{}"))
	if a == b || filepath.Ext(a) != ".css" || a[:9] != "css/site." || len(a) != len("css/site.12345678.css") {
		t.Errorf("Fingerprint = %q, %q", a, b)
	}
}

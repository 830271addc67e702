package brief

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

// TestKitCSVByteOrderMark: a CSV gets a UTF-8 byte-order mark (Excel
// needs it to read Hungarian and Slovak letters), one that has it keeps
// exactly one, and other files are left as they are.
func TestKitCSVByteOrderMark(t *testing.T) {
	mod := time.Date(2024, 5, 31, 12, 0, 0, 0, time.UTC)
	files := []KitFile{
		{"attachments/kérdőív.csv", []byte("kérdés;válasz\n")},
		{"attachments/HAS.CSV", append(append([]byte(nil), bom...), "a;b\n"...)},
		{"attachments/notes.txt", []byte("plain")},
	}
	data, err := Kit("k-hu-kit", "x", files, mod)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"k-hu-kit/attachments/kérdőív.csv": "\ufeffkérdés;válasz\n",
		"k-hu-kit/attachments/HAS.CSV":     "\ufeffa;b\n",
		"k-hu-kit/attachments/notes.txt":   "plain",
		"k-hu-kit/README.txt":              "x",
	}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		if w, ok := want[f.Name]; !ok || string(b) != w {
			t.Errorf("%s: %q, want %q", f.Name, b, w)
		}
	}
}

func TestKit(t *testing.T) {
	mod := time.Date(2024, 5, 31, 12, 0, 0, 0, time.UTC)
	files := []KitFile{{"guides/b.pdf", []byte("B")}, {"attachments/a.xlsx", []byte("A")}, {"toolkit.pdf", []byte("T")}}
	a, err := Kit("t-en-kit", "Contents\n", files, mod)
	if err != nil {
		t.Fatal(err)
	}
	// Same files in another order: same bytes.
	b, _ := Kit("t-en-kit", "Contents\n", []KitFile{files[2], files[0], files[1]}, mod)
	if !bytes.Equal(a, b) {
		t.Fatal("kit bytes depend on file order")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(mod) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
	want := []string{"t-en-kit/README.txt", "t-en-kit/attachments/a.xlsx", "t-en-kit/guides/b.pdf", "t-en-kit/toolkit.pdf"}
	if len(names) != len(want) {
		t.Fatalf("got %q", names)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Fatalf("got %q, want %q", names, want)
		}
	}
	rc, _ := zr.File[0].Open()
	readme, _ := io.ReadAll(rc)
	if string(readme) != "Contents\n" {
		t.Errorf("README: %q", readme)
	}
	if _, err := Kit("t", "", []KitFile{{"x", nil}, {"x", nil}}, mod); err == nil {
		t.Error("duplicate names accepted")
	}
}

func TestCache(t *testing.T) {
	c := &Cache{Dir: t.TempDir()}
	d := loadDoc(t, fixtures[0])
	img := map[string][]byte{"abra.png": []byte("1")}
	key := Key(d, img)
	if _, _, ok := c.Get(key); ok {
		t.Fatal("hit in an empty cache")
	}
	if err := c.Put(key, Result{PDF: []byte("%PDF-1.4\n"), Pages: 3}); err != nil {
		t.Fatal(err)
	}
	pdf, pages, ok := c.Get(key)
	if !ok || pages != 3 || string(pdf) != "%PDF-1.4\n" {
		t.Fatalf("got %q %d %v", pdf, pages, ok)
	}
	tests := []struct {
		name   string
		change func(d *Document, img map[string][]byte)
	}{
		{"image", func(_ *Document, img map[string][]byte) { img["abra.png"] = []byte("2") }},
		{"title", func(d *Document, _ map[string][]byte) { d.Title += "!" }},
		{"label", func(d *Document, _ map[string][]byte) { d.Labels = map[string]string{"notes": "Jegyzetek"} }},
		{"base URL", func(d *Document, _ map[string][]byte) { d.BaseURL = "https://other.eu/" }},
		{"logo", func(d *Document, _ map[string][]byte) { d.Logo = []byte("PNG") }},
		{"no-break words", func(d *Document, _ map[string][]byte) { d.NoBreakAfter = []string{"a", "az"} }},
		{"boxes", func(d *Document, _ map[string][]byte) { d.Boxes = []Box{{Title: "Key facts"}} }},
	}
	for _, tt := range tests {
		d2 := loadDoc(t, fixtures[0])
		img2 := map[string][]byte{"abra.png": []byte("1")}
		if Key(d2, img2) != key {
			t.Fatal("key is not stable")
		}
		tt.change(d2, img2)
		if Key(d2, img2) == key {
			t.Errorf("%s: key unchanged", tt.name)
		}
	}
}

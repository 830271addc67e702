package site

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestKitHoldsTheWrittenPDFs opens the toolkit's replication kit: it must
// carry the bundle and each guide's brief byte for byte as the site serves
// them, and the guides' attachments.
func TestKitHoldsTheWrittenPDFs(t *testing.T) {
	_, dest := buildTestSite(t, true)
	data := read(t, dest, "en/toolkits/kit/kit-en-kit.zip")
	zr, err := zip.NewReader(bytes.NewReader([]byte(data)), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]byte{}
	var names []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		// Everything sits in one folder named after the archive.
		name, ok := strings.CutPrefix(f.Name, "kit-en-kit/")
		if !ok {
			t.Errorf("%s is not in the kit's folder kit-en-kit/", f.Name)
		}
		got[name] = b
		names = append(names, name)
	}
	sort.Strings(names)
	want := map[string]string{
		"kit-en.pdf":                "en/toolkits/kit/kit-en.pdf",
		"guides/01-survey-en.pdf":   "en/guides/survey/survey-en.pdf",
		"guides/02-coaching-en.pdf": "en/guides/coaching/coaching-en.pdf",
	}
	for inZip, onSite := range want {
		b, ok := got[inZip]
		if !ok {
			t.Errorf("the kit lacks %s; it has %v", inZip, names)
			continue
		}
		if site := read(t, dest, filepath.FromSlash(onSite)); !bytes.Equal(b, []byte(site)) || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s in the kit (%d bytes) differs from %s on the site (%d bytes)", inZip, len(b), onSite, len(site))
		}
	}
	for _, name := range []string{"README.txt", "attachments/questions.csv"} {
		if _, ok := got[name]; !ok {
			t.Errorf("the kit has no %s: %v", name, names)
		}
	}
}

package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestSessionIsTheBuild: a session's first snapshot holds every file dissem
// build writes, with the same bytes, except the briefs and kits (made when
// asked for, and then the same bytes too) and their links' page counts and
// sizes, which serve cannot know before the PDF exists. It never writes the
// destination.
func TestSessionIsTheBuild(t *testing.T) {
	res, dest := buildTestSite(t, true)
	if res.Briefs == 0 {
		t.Fatal("the test site makes no briefs")
	}
	s := NewSession(Options{Source: "testdata/site", Dest: filepath.Join(t.TempDir(), "public"), Now: fixedNow, CacheDir: t.TempDir()})
	diags, err := s.Rebuild(nil, true)
	if err != nil || diags.HasErrors() {
		t.Fatalf("Rebuild: %v\n%s", err, diags)
	}
	snap := s.Snapshot()
	if snap == nil || snap.Generation != 1 || len(snap.Changed) != len(snap.Files) {
		t.Fatalf("snapshot %+v", snap)
	}
	if _, err := os.Stat(s.opts.Dest); err == nil {
		t.Error("the session wrote its destination")
	}
	built := map[string][]byte{}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		data, err := os.ReadFile(p)
		built[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	delete(built, ".dissem-output")
	for name, want := range built {
		if ref, ok := snap.Briefs[name]; ok {
			got, ok, err := s.Brief(name)
			if err != nil || !ok {
				t.Errorf("Brief(%s) = %v, %v", name, ok, err)
			} else if !bytes.Equal(got, want) {
				t.Errorf("%s (%s of %s): the session's differs from the build's", name, ref.Kind, ref.Doc)
			}
			continue
		}
		got, ok := snap.Files[name]
		switch {
		case !ok:
			t.Errorf("%s: built, not in the snapshot", name)
		case !bytes.Equal(got, unmade.ReplaceAll(want, []byte("$1)"))):
			t.Errorf("%s: the session's differs from the build's", name)
		}
	}
	for name := range snap.Files {
		if _, ok := built[name]; !ok {
			t.Errorf("%s: in the snapshot, not built", name)
		}
	}
	for name := range snap.Briefs {
		if _, ok := built[name]; !ok {
			t.Errorf("%s: a brief the build did not make", name)
		}
	}
	if _, ok, _ := s.Brief("en/nothing.pdf"); ok {
		t.Error("Brief made a file no page links to")
	}
}

// unmade turns a built page's download labels ("PDF, 4 pages, 180 KB",
// "ZIP, 1.2 MB") into serve's, which cannot know pages and size ("PDF").
var unmade = regexp.MustCompile(`(PDF|ZIP)(, [^()<]*?)?, [\d.,]+(?: |\x{a0})[KM]B\)`)

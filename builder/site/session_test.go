package site

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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
		got, ok, err := snap.File(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		}
		switch name {
		case "register.csv":
			want = unmadeCSV.ReplaceAll(want, []byte(`$1,"",""`))
		case "register.json":
			want = unmadeJSON.ReplaceAll(want, []byte(`"pages": null, "bytes": null`))
		case "register.xlsx":
			// Its cells are the CSV's; a zip of other cells is not compared.
			continue
		}
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

	// With LazySearch, the search files are not in Files but made by Brief.
	o := s.opts
	o.LazySearch = true
	lazy := NewSession(o)
	if diags, err := lazy.Rebuild(nil, true); err != nil || diags.HasErrors() {
		t.Fatalf("Rebuild: %v\n%s", err, diags)
	}
	ls := lazy.Snapshot()
	if strings.Join(ls.LazyDirs, " ") != "en/search/ hu/search/ sk/search/" {
		t.Errorf("LazyDirs = %q", ls.LazyDirs)
	}
	n := 0
	for name, want := range built {
		if !strings.Contains(name, "/search/") || strings.HasSuffix(name, ".html") {
			continue
		}
		n++
		if _, in := ls.Files[name]; in {
			t.Errorf("%s: in Files with LazySearch", name)
		}
		got, ok, err := lazy.Brief(name)
		if err != nil || !ok || !bytes.Equal(got, want) {
			t.Errorf("Brief(%s) = %v, %v; the same bytes as the build: %v", name, ok, err, bytes.Equal(got, want))
		}
	}
	if n < 3 {
		t.Errorf("%d search files built, want some in each language", n)
	}
	if _, ok, _ := lazy.Brief("en/search/nothing.json"); ok {
		t.Error("Brief made a search file the index does not have")
	}
}

// unmade turns a built page's download labels ("PDF, 4 pages, 180 KB",
// "ZIP, 1.2 MB") into serve's, which cannot know pages and size ("PDF").
// unmadeCSV and unmadeJSON are the register's pages and size of a brief.
var (
	unmadeCSV  = regexp.MustCompile(`("https://[^"]*\.pdf"),"\d+","\d+"`)
	unmadeJSON = regexp.MustCompile(`"pages": \d+, "bytes": \d+`)
)

var unmade = regexp.MustCompile(`(PDF|ZIP)(, [^()<]*?)?, [\d.,]+(?: |\x{a0})[KM]B\)`)

// TestSessionReadsWhileRebuilding: a server reads snapshots and makes lazy
// files while the next snapshot is made (run with -race).
func TestSessionReadsWhileRebuilding(t *testing.T) {
	e := newEditor(t, rand.New(rand.NewPCG(2, 2)))
	o := e.opts()
	o.LazySearch = true
	s := NewSession(o)
	if d, err := s.Rebuild(nil, true); err != nil || d.HasErrors() {
		t.Fatalf("%v\n%s", err, d)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				snap := s.Snapshot()
				n := 0
				for _, data := range snap.Files {
					n += len(data)
				}
				if _, _, err := s.Brief("en/search/meta.json"); err != nil {
					t.Error(err)
				}
			}
		})
	}
	for range 15 {
		what, changed := e.edit()
		if _, err := s.Rebuild(changed, false); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	close(stop)
	wg.Wait()
}

package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// fixture is the site the save patterns are played on.
var fixture = map[string]string{
	"content/en/a.md":     "---\ntitle: A\n---\nbody\n",
	"content/hu/a.md":     "---\ntitle: Á\n---\ntörzs\n",
	"templates/base.html": "<html>",
	"site.yaml":           "title: x\n",
	"public/index.html":   "not watched",
}

// roots are watched in every test; static/ does not exist at the start.
var roots = []string{"content", "templates", "static", "site.yaml"}

// saves are real editors' save patterns and other changes, played with real
// file operations, and the one batch each must give.
var saves = []struct {
	name string
	do   func(t *testing.T, d dir)
	want []string // nil: no batch at all
}{
	{"plain write", func(t *testing.T, d dir) {
		d.write("content/en/a.md", "---\ntitle: A\n---\nnew body\n")
	}, []string{"content/en/a.md"}},
	{"several writes for one save", func(t *testing.T, d dir) {
		f := d.open("content/en/a.md")
		for _, part := range []string{"---\n", "title: A\n", "---\n", "body, written in parts\n"} {
			f.WriteString(part)
			f.Sync()
		}
		f.Close()
	}, []string{"content/en/a.md"}},
	{"a slow save in parts", func(t *testing.T, d dir) {
		f := d.open("content/en/a.md")
		// 12 parts 10 ms apart: longer than a poll interval, so a poll falls
		// in the middle; each pause shorter than the debounce.
		for i := range 12 {
			fmt.Fprintf(f, "line %d of a large file written in parts\n", i)
			f.Sync()
			time.Sleep(debounce / 5)
		}
		f.Close()
	}, []string{"content/en/a.md"}},
	{"same size, same time", func(t *testing.T, d dir) {
		st := d.stat("content/en/a.md")
		d.write("content/en/a.md", strings.Replace(fixture["content/en/a.md"], "body", "BODY", 1))
		d.chtimes("content/en/a.md", st.ModTime()) // a file system that keeps whole seconds
	}, []string{"content/en/a.md"}},
	{"write a temporary file, rename it over", func(t *testing.T, d dir) {
		d.write("content/en/a.md.tmp", "new")
		d.rename("content/en/a.md.tmp", "content/en/a.md")
	}, []string{"content/en/a.md"}},
	{"temporary file with an unknown name", func(t *testing.T, d dir) {
		d.write("content/en/a.md.3f9c1", "new")
		d.rename("content/en/a.md.3f9c1", "content/en/a.md")
	}, []string{"content/en/a.md"}},
	{"gedit", func(t *testing.T, d dir) {
		d.write("content/en/.goutputstream-X1Y2Z3", "new")
		d.rename("content/en/.goutputstream-X1Y2Z3", "content/en/a.md")
	}, []string{"content/en/a.md"}},
	{"vim (backup by rename)", func(t *testing.T, d dir) {
		d.write("content/en/.a.md.swp", "swap")
		d.write("content/en/4913", "")
		d.remove("content/en/4913")
		d.rename("content/en/a.md", "content/en/a.md~")
		d.write("content/en/a.md", "new")
		d.remove("content/en/a.md~")
		d.write("content/en/.a.md.swp", "swap 2")
	}, []string{"content/en/a.md"}},
	{"vim (backup by copy, 4913 taken)", func(t *testing.T, d dir) {
		d.write("content/en/.a.md.swp", "swap")
		d.write("content/en/.a.md.swo", "second swap")
		d.write("content/en/4913", "")
		d.write("content/en/5036", "")
		d.remove("content/en/5036")
		d.remove("content/en/4913")
		d.write("content/en/a.md~", fixture["content/en/a.md"])
		d.write("content/en/a.md", "new")
		d.write("content/en/.a.md.swx", "")
		d.remove("content/en/.a.md.swx")
		d.remove("content/en/a.md~")
	}, []string{"content/en/a.md"}},
	{"emacs", func(t *testing.T, d dir) {
		d.symlink("me@host.1234:1700000000", "content/en/.#a.md")
		d.write("content/en/#a.md#", "auto-save")
		d.rename("content/en/a.md", "content/en/a.md~")
		d.write("content/en/a.md", "new")
		d.remove("content/en/#a.md#")
		d.remove("content/en/.#a.md")
	}, []string{"content/en/a.md"}},
	{"JetBrains safe write", func(t *testing.T, d dir) {
		d.write("content/en/a.md___jb_tmp___", "new")
		d.rename("content/en/a.md", "content/en/a.md___jb_old___")
		d.rename("content/en/a.md___jb_tmp___", "content/en/a.md")
		d.remove("content/en/a.md___jb_old___")
	}, []string{"content/en/a.md"}},
	{"only editor files", func(t *testing.T, d dir) {
		d.write("content/en/.a.md.swp", "swap")
		d.write("content/en/4913", "")
		d.write("content/en/b.md~", "")
		d.write("content/en/x.tmp", "")
		d.write("content/en/.DS_Store", "")
		d.mkdir("content/.git")
		d.write("content/.git/index", "")
	}, nil},
	{"not watched", func(t *testing.T, d dir) {
		d.write("public/index.html", "new")
		d.write("other.yaml", "new")
	}, nil},
	{"new folder with a file", func(t *testing.T, d dir) {
		d.mkdir("content/en/new")
		d.write("content/en/new/b.md", "b")
	}, []string{"content/en/new", "content/en/new/b.md"}},
	{"new nested folders", func(t *testing.T, d dir) {
		d.mkdir("content/sk/x/y")
		d.write("content/sk/x/y/c.md", "c")
		d.write("content/sk/x/d.md", "d")
	}, []string{"content/sk", "content/sk/x", "content/sk/x/d.md", "content/sk/x/y", "content/sk/x/y/c.md"}},
	{"a root created", func(t *testing.T, d dir) {
		d.mkdir("static/css")
		d.write("static/css/site.css", "a{}")
	}, []string{"static", "static/css", "static/css/site.css"}},
	{"deletion", func(t *testing.T, d dir) {
		d.remove("content/hu/a.md")
	}, []string{"content/hu/a.md"}},
	{"rename", func(t *testing.T, d dir) {
		d.rename("content/en/a.md", "content/en/b.md")
	}, []string{"content/en/a.md", "content/en/b.md"}},
	{"move between folders", func(t *testing.T, d dir) {
		d.rename("content/en/a.md", "content/hu/b.md")
	}, []string{"content/en/a.md", "content/hu/b.md"}},
	{"folder deletion", func(t *testing.T, d dir) {
		d.removeAll("content/hu")
	}, []string{"content/hu", "content/hu/a.md"}},
	{"folder rename", func(t *testing.T, d dir) {
		d.rename("content/hu", "content/hu2")
	}, []string{"content/hu", "content/hu/a.md", "content/hu2", "content/hu2/a.md"}},
	{"a root file replaced by rename", func(t *testing.T, d dir) {
		d.write(".site.yaml.swp", "")
		d.write("site.yaml.tmp", "title: y\n")
		d.rename("site.yaml.tmp", "site.yaml")
	}, []string{"site.yaml"}},
	{"a file root deleted", func(t *testing.T, d dir) {
		d.remove("site.yaml")
	}, []string{"site.yaml"}},
}

// TestSaves plays each save pattern against file events and against polling.
func TestSaves(t *testing.T) {
	for _, poll := range []bool{false, true} {
		for _, tt := range saves {
			name := "events/" + tt.name
			if poll {
				name = "poll/" + tt.name
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				d := newDir(t)
				w := start(t, d, poll)
				tt.do(t, d)
				got := collect(t, w, poll, tt.want == nil)
				if tt.want == nil {
					if len(got) != 0 {
						t.Fatalf("want no batch, got %v", got)
					}
					return
				}
				if len(got) != 1 {
					t.Fatalf("want one batch %q, got %d: %v", tt.want, len(got), got)
				}
				if !slices.Equal(got[0].Paths, tt.want) || got[0].All {
					t.Errorf("batch %q (all %v), want %q", got[0].Paths, got[0].All, tt.want)
				}
			})
		}
	}
}

// TestSaveAfterSave checks that two saves a moment apart are two batches,
// and that the watcher goes on after a batch.
func TestSaveAfterSave(t *testing.T) {
	for _, poll := range []bool{false, true} {
		d := newDir(t)
		w := start(t, d, poll)
		d.write("content/en/a.md", "one")
		got := collect(t, w, poll, false)
		d.write("content/hu/a.md", "two")
		got = append(got, collect(t, w, poll, false)...)
		if len(got) != 2 || !slices.Equal(got[0].Paths, []string{"content/en/a.md"}) || !slices.Equal(got[1].Paths, []string{"content/hu/a.md"}) {
			t.Errorf("poll %v: %v", poll, got)
		}
	}
}

// TestAfterFolderRename checks that files in a renamed folder are reported
// under their new name, and that the folders below it are still watched.
func TestAfterFolderRename(t *testing.T) {
	for _, poll := range []bool{false, true} {
		d := newDir(t)
		d.mkdir("content/hu/sub")
		w := start(t, d, poll)
		d.rename("content/hu", "content/hu2")
		collect(t, w, poll, false)
		d.write("content/hu2/a.md", "new")
		d.write("content/hu2/sub/b.md", "new")
		got := collect(t, w, poll, false)
		if len(got) != 1 || !slices.Equal(got[0].Paths, []string{"content/hu2/a.md", "content/hu2/sub/b.md"}) {
			t.Errorf("poll %v: %v", poll, got)
		}
	}
}

// TestBusyConsumer checks that changes made while the consumer is busy are
// merged into the batch it takes next, not queued as stale batches.
func TestBusyConsumer(t *testing.T) {
	for _, poll := range []bool{false, true} {
		d := newDir(t)
		w := start(t, d, poll)
		d.write("content/en/a.md", "one")
		time.Sleep(quiet(poll)) // the first batch waits to be taken
		d.write("content/hu/a.md", "two")
		time.Sleep(quiet(poll))
		got := collect(t, w, poll, false)
		if len(got) != 1 || !slices.Equal(got[0].Paths, []string{"content/en/a.md", "content/hu/a.md"}) {
			t.Errorf("poll %v: %v", poll, got)
		}
	}
}

// TestFallback checks that a watcher whose probe event never comes polls.
func TestFallback(t *testing.T) {
	dropEvents = true
	defer func() { dropEvents = false }()
	d := newDir(t)
	startAt := time.Now()
	w, err := New(Options{Base: string(d), Roots: roots, Probe: 200 * time.Millisecond, Interval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if !w.Polling() || time.Since(startAt) < 200*time.Millisecond {
		t.Fatalf("polling %v after %v", w.Polling(), time.Since(startAt))
	}
	if _, err := os.Stat(filepath.Join(string(d), "content", fmt.Sprintf(".dissem-watch-probe-%d", os.Getpid()))); err == nil {
		t.Error("the probe file was left behind")
	}
	d.write("content/en/a.md", "new")
	if got := collect(t, w, true, false); len(got) != 1 || !slices.Equal(got[0].Paths, []string{"content/en/a.md"}) {
		t.Errorf("%v", got)
	}
}

// TestEventsUsed checks that a normal folder is watched with events.
func TestEventsUsed(t *testing.T) {
	w := start(t, newDir(t), false)
	if w.Polling() {
		t.Fatal("fell back to polling on a local folder")
	}
}

// TestClose checks that Close ends the Changes channel.
func TestClose(t *testing.T) {
	for _, poll := range []bool{false, true} {
		w := start(t, newDir(t), poll)
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if _, ok := <-w.Changes(); ok {
			t.Errorf("poll %v: a batch after Close", poll)
		}
		w.Close() // twice is harmless
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"a.md": false, "index.html": false, "site.yaml": false, "4912": false, "4914": false, "2024": false,
		"photo.svg": false, "notes.swpx": false, "tmp": false, "a#b.md": false, "#": false,
		".a.md.swp": true, ".a.md.swo": true, "a.md.swa": true, ".a.md.swx": true, "4913": true, "5036": true, "5159": true,
		"a.md~": true, "#a.md#": true, ".#a.md": true, "a.md.tmp": true, "A.TMP": true,
		"a.md___jb_tmp___": true, "a.md___jb_old___": true, ".DS_Store": true, ".git": true,
		"a.md.kate-swp": true, "~$brief.docx": true, ".goutputstream-ABC": true,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// dir is a test site folder with helpers that fail the test on error.
type dir string

func newDir(t *testing.T) dir {
	d := dir(t.TempDir())
	for name, body := range fixture {
		d.mkdir(filepath.Dir(name))
		d.write(name, body)
	}
	return d
}

func (d dir) p(name string) string { return filepath.Join(string(d), filepath.FromSlash(name)) }

func must(err error) {
	if err != nil {
		panic(err) // the helpers run in the test's goroutine; a panic fails it loudly
	}
}

func (d dir) write(name, body string) { must(os.WriteFile(d.p(name), []byte(body), 0o644)) }
func (d dir) mkdir(name string)       { must(os.MkdirAll(d.p(name), 0o755)) }
func (d dir) remove(name string)      { must(os.Remove(d.p(name))) }
func (d dir) removeAll(name string)   { must(os.RemoveAll(d.p(name))) }
func (d dir) rename(from, to string)  { must(os.Rename(d.p(from), d.p(to))) }
func (d dir) symlink(target, name string) {
	must(os.Symlink(target, d.p(name)))
}
func (d dir) chtimes(name string, t time.Time) { must(os.Chtimes(d.p(name), t, t)) }
func (d dir) stat(name string) os.FileInfo {
	st, err := os.Stat(d.p(name))
	must(err)
	return st
}
func (d dir) open(name string) *os.File {
	f, err := os.OpenFile(d.p(name), os.O_WRONLY|os.O_TRUNC, 0)
	must(err)
	return f
}

const (
	debounce = 50 * time.Millisecond
	interval = 100 * time.Millisecond
)

// start watches d's roots with events or by polling.
func start(t *testing.T, d dir, poll bool) *Watcher {
	t.Helper()
	w, err := New(Options{Base: string(d), Roots: roots, Poll: poll, Debounce: debounce, Interval: interval})
	if err != nil {
		t.Fatal(err)
	}
	if w.Polling() != poll {
		t.Fatalf("polling %v, want %v", w.Polling(), poll)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// quiet is how long after a change a batch must have come.
func quiet(poll bool) time.Duration {
	if poll {
		return 3*interval + 2*debounce
	}
	return 4 * debounce
}

// collect waits for the first batch (unless none is expected), then for
// more within a quiet period, and returns them all.
func collect(t *testing.T, w *Watcher, poll, none bool) []Batch {
	t.Helper()
	var got []Batch
	if !none {
		select {
		case b := <-w.Changes():
			got = append(got, b)
		case <-time.After(5 * time.Second):
			t.Fatal("no batch within 5 s")
		}
	}
	// Long enough for a second batch of the same save to show up.
	timeout := time.After(quiet(poll) + 200*time.Millisecond)
	for {
		select {
		case b := <-w.Changes():
			got = append(got, b)
		case <-timeout:
			return got
		}
	}
}

package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

var (
	// errNoEvents: the probe file's event never came.
	errNoEvents = errors.New("watch: no file events")
	// errCannotWatch: the system refused to watch a folder (too many).
	errCannotWatch = errors.New("watch: cannot watch")
)

// dropEvents makes the event backend deaf, for the test of the fallback.
var dropEvents bool

// notifier is the file-event backend. Its state belongs to its goroutine.
type notifier struct {
	o     Options
	fw    *fsnotify.Watcher
	known map[string]bool // every watched path → whether it is a folder
	b     *batcher
	probe string        // the probe file's path while New waits for it
	seen  chan struct{} // closed when the probe's event came
}

// startNotify watches with file events and checks with a probe file that
// they arrive.
func startNotify(o Options) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errCannotWatch, err)
	}
	n := &notifier{o: o, fw: fw, known: map[string]bool{}, b: newBatcher(o.Base), seen: make(chan struct{})}
	probeDir := ""
	for _, r := range o.Roots {
		// The parent shows a root being created, removed or renamed (an
		// editor replaces site.yaml by renaming a temporary file onto it).
		if err := fw.Add(filepath.Dir(r)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, fmt.Errorf("%w: %v", errCannotWatch, err)
		}
		if st, err := os.Stat(r); err == nil && st.IsDir() {
			if err := n.add(r, nil); err != nil {
				fw.Close()
				return nil, fmt.Errorf("%w: %v", errCannotWatch, err)
			}
			if probeDir == "" {
				probeDir = r
			}
		} else if err == nil {
			n.known[r] = false
		}
	}
	if probeDir == "" {
		probeDir = filepath.Dir(o.Roots[0])
	}
	probe := filepath.Join(probeDir, fmt.Sprintf(".dissem-watch-probe-%d", os.Getpid()))
	n.probe = probe // read by the goroutine from here on

	w := newWatcher(false)
	w.close = fw.Close
	w.wg.Add(1)
	go n.run(w)

	if err := os.WriteFile(probe, nil, 0o600); err != nil {
		// A folder we cannot write in: no probe, trust the events.
		return w, nil
	}
	os.Remove(probe)
	select {
	case <-n.seen:
		return w, nil
	case <-time.After(o.Probe):
		w.Close()
		return nil, errNoEvents
	}
}

// add watches the folder dir and every folder below it, records what is in
// them, and touches each path when b is not nil (a folder that appeared).
func (n *notifier) add(dir string, b *batcher) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already: its Remove event follows
		}
		if p != dir && Ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := n.fw.Add(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		if b != nil {
			b.touch(p, n.has(p))
		}
		n.known[p] = d.IsDir()
		return nil
	})
}

func (n *notifier) has(p string) bool {
	_, ok := n.known[p]
	return ok
}

// forget removes p and everything known below it, touching each.
func (n *notifier) forget(p string) {
	if isDir, ok := n.known[p]; ok && isDir {
		prefix := p + string(filepath.Separator)
		for q, qdir := range n.known {
			if strings.HasPrefix(q, prefix) {
				n.b.touch(q, true)
				delete(n.known, q)
				if qdir {
					_ = n.fw.Remove(q)
				}
			}
		}
		// A folder renamed inside the tree keeps its system watch under the
		// old name; drop it, the new name is watched on its Create.
		_ = n.fw.Remove(p)
	}
	n.b.touch(p, n.has(p))
	delete(n.known, p)
}

// handle applies one event; it reports whether the event touched the batch.
func (n *notifier) handle(ev fsnotify.Event) bool {
	p := filepath.Clean(ev.Name)
	if n.probe != "" && p == n.probe && !dropEvents {
		close(n.seen)
		n.probe = ""
		return false
	}
	if dropEvents || !n.o.watched(p) || ev.Op == fsnotify.Chmod {
		return false
	}
	before := len(n.b.before)
	switch {
	case ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename):
		n.forget(p)
	case ev.Has(fsnotify.Create):
		st, err := os.Lstat(p)
		switch {
		case err != nil:
			n.forget(p) // came and went already
		case st.IsDir():
			if err := n.add(p, n.b); err != nil {
				n.b.all = true
			}
		default:
			n.b.touch(p, n.has(p))
			n.known[p] = false
		}
	case ev.Has(fsnotify.Write):
		n.b.touch(p, n.has(p))
		n.known[p] = false
	}
	return len(n.b.before) != before || n.b.all
}

// run turns events into batches until the watcher is closed.
func (n *notifier) run(w *Watcher) {
	defer w.wg.Done()
	s := &sender{b: n.b, out: w.out}
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	exists := n.has
	for {
		select {
		case ev, ok := <-n.fw.Events:
			if !ok {
				return
			}
			if n.handle(ev) {
				s.hold()
				quiet.Reset(n.o.Debounce)
			}
		case err, ok := <-n.fw.Errors:
			if !ok {
				return
			}
			_ = err // an overflow or a read error: events were lost
			n.b.all = true
			s.hold()
			quiet.Reset(n.o.Debounce)
		case <-quiet.C:
			s.offer(exists)
		case s.ready <- s.next:
			s.sent()
		case <-w.done:
			quiet.Stop()
			return
		}
	}
}

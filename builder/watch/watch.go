// Package watch reports changes to a site's source files, one batch per save.
//
// A Watcher watches folders (recursively, new folders included) and single
// files, with the operating system's file events (github.com/fsnotify/fsnotify)
// or, where the system sends none (WSL, Docker bind mounts, network drives),
// by polling. Events are debounced and filtered so that the save patterns of
// real editors — write to a temporary file and rename it, several events for
// one save, vim's 4913 probe and swap files, emacs locks, JetBrains' safe
// write — give exactly one Batch naming the files that changed.
//
//	w, err := watch.New(watch.Options{Base: src, Roots: []string{"content", "site.yaml"}})
//	if err != nil { … }
//	defer w.Close()
//	for batch := range w.Changes() { rebuild(batch.Paths) }
package watch

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Options configure a Watcher.
type Options struct {
	// Base is the folder that Roots and the paths of a Batch are relative
	// to; "" is the current folder.
	Base string
	// Roots are the folders (watched with everything below them) and files
	// to watch. A root that does not exist yet is picked up when it is
	// created, provided its parent folder exists.
	Roots []string
	// Poll makes the watcher poll instead of using file events.
	Poll bool
	// Interval is the time between two polls (default 500 ms).
	Interval time.Duration
	// Debounce is how long the files must stay quiet before a batch is
	// reported (default 50 ms): one save is several events within a few
	// milliseconds.
	Debounce time.Duration
	// Probe is how long New waits for the event of its probe file before it
	// falls back to polling (default 1.5 s).
	Probe time.Duration
}

// Batch is one set of changes, reported when the files have been quiet for
// Options.Debounce.
type Batch struct {
	// Paths are the files and folders created, written, removed or renamed
	// (both names), relative to Options.Base, with slashes, sorted and
	// unique. A removed or renamed folder comes with every path that was
	// below it; a new folder with every path below it. Editors' temporary
	// files (see Ignored) and files that came and went within the batch are
	// left out.
	Paths []string
	// All reports that the watcher may have missed changes (the system
	// dropped events, or a new folder could not be watched): rebuild
	// everything.
	All bool
}

// Watcher watches files until Close.
type Watcher struct {
	out     chan Batch
	done    chan struct{}
	wg      sync.WaitGroup
	polling bool
	close   func() error // the backend's own cleanup
	once    sync.Once
}

// New starts a watcher. Unless o.Poll is set, it uses file events and checks
// that they arrive by writing a probe file (a dotfile, removed at once) in a
// watched folder; when no event is seen within o.Probe, or the system cannot
// watch the folders (too many of them), it polls instead.
func New(o Options) (*Watcher, error) {
	o, err := o.normalize()
	if err != nil {
		return nil, err
	}
	if !o.Poll {
		w, err := startNotify(o)
		if err == nil {
			return w, nil
		}
		if !errors.Is(err, errNoEvents) && !errors.Is(err, errCannotWatch) {
			return nil, err
		}
	}
	return startPoll(o)
}

// Changes returns the channel of batches; it is closed by Close.
func (w *Watcher) Changes() <-chan Batch { return w.out }

// Polling reports whether the watcher polls (asked for, or fallen back to).
func (w *Watcher) Polling() bool { return w.polling }

// Close stops the watcher and closes the Changes channel.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		w.wg.Wait()
		err = w.close()
		close(w.out)
	})
	return err
}

func newWatcher(polling bool) *Watcher {
	return &Watcher{out: make(chan Batch), done: make(chan struct{}), polling: polling, close: func() error { return nil }}
}

// normalize fills defaults and makes Base and the roots absolute.
func (o Options) normalize() (Options, error) {
	if len(o.Roots) == 0 {
		return o, errors.New("watch: no roots to watch")
	}
	if o.Interval <= 0 {
		o.Interval = 500 * time.Millisecond
	}
	if o.Debounce <= 0 {
		o.Debounce = 50 * time.Millisecond
	}
	if o.Probe <= 0 {
		o.Probe = 1500 * time.Millisecond
	}
	base, err := filepath.Abs(o.Base)
	if err != nil {
		return o, err
	}
	o.Base = base
	roots := make([]string, 0, len(o.Roots))
	for _, r := range o.Roots {
		if !filepath.IsAbs(r) {
			r = filepath.Join(base, r)
		}
		roots = append(roots, filepath.Clean(r))
	}
	slices.Sort(roots)
	o.Roots = slices.Compact(roots)
	return o, nil
}

// watched reports whether the absolute path p is a root or below one, and
// not an ignored name below its root.
func (o *Options) watched(p string) bool {
	for _, r := range o.Roots {
		if p == r {
			return true
		}
		rest, ok := strings.CutPrefix(p, r+string(filepath.Separator))
		if !ok {
			continue
		}
		for part := range strings.SplitSeq(rest, string(filepath.Separator)) {
			if Ignored(part) {
				return false
			}
		}
		return true
	}
	return false
}

// batcher collects the paths touched since the last batch, with whether
// each existed before its first change, so that a file that came and went
// within the batch (an editor's temporary file under an unknown name) is
// left out.
type batcher struct {
	base   string
	before map[string]bool
	all    bool
}

func newBatcher(base string) *batcher { return &batcher{base: base, before: map[string]bool{}} }

// touch records a change to p; existed tells whether p existed before it.
func (b *batcher) touch(p string, existed bool) {
	if _, ok := b.before[p]; !ok {
		b.before[p] = existed
	}
}

func (b *batcher) empty() bool { return len(b.before) == 0 && !b.all }

// batch returns the batch so far; exists tells whether a path exists now.
func (b *batcher) batch(exists func(string) bool) Batch {
	var bt Batch
	bt.All = b.all
	for p, existed := range b.before {
		if !existed && !exists(p) {
			continue
		}
		rel, err := filepath.Rel(b.base, p)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			rel = p
		}
		bt.Paths = append(bt.Paths, filepath.ToSlash(rel))
	}
	slices.Sort(bt.Paths)
	return bt
}

func (b *batcher) reset() {
	clear(b.before)
	b.all = false
}

// sender hands batches to the consumer without ever blocking the backend:
// while the consumer is busy, changes go on collecting into the batch.
type sender struct {
	b     *batcher
	out   chan Batch
	ready chan Batch // out while a batch waits to be taken, else nil
	next  Batch
}

// offer prepares the batch so far for sending; an empty one is dropped.
func (s *sender) offer(exists func(string) bool) {
	bt := s.b.batch(exists)
	if len(bt.Paths) == 0 && !bt.All {
		s.b.reset()
		s.ready = nil
		return
	}
	s.next, s.ready = bt, s.out
}

// hold withdraws a prepared batch because more changes came.
func (s *sender) hold() { s.ready = nil }

// sent records that the consumer took the batch.
func (s *sender) sent() {
	s.b.reset()
	s.ready = nil
}

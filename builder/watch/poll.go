package watch

import (
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// recent is how close to the time of a poll a file's modification time must
// be for its content to be hashed: within it, a second write may keep the
// size and, on file systems that store whole seconds, the time.
const recent = 2 * time.Second

// stamp is what a poll records of a file: a change to any field is a change.
type stamp struct {
	dir   bool
	size  int64
	mtime int64
	inode uint64
	hash  uint64 // of the content, for recently modified files only
}

// poller is the polling backend. Its state belongs to its goroutine.
type poller struct {
	o     Options
	known map[string]stamp
	b     *batcher
	seed  maphash.Seed
}

// startPoll polls the roots every o.Interval.
func startPoll(o Options) (*Watcher, error) {
	p := &poller{o: o, b: newBatcher(o.Base), seed: maphash.MakeSeed()}
	p.known = p.scan()
	w := newWatcher(true)
	w.wg.Add(1)
	go p.run(w)
	return w, nil
}

// scan records every watched path as it is now.
func (p *poller) scan() map[string]stamp {
	now := time.Now()
	m := make(map[string]stamp, len(p.known))
	for _, r := range p.o.Roots {
		_ = filepath.WalkDir(r, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // missing root, or gone since: not there
			}
			if path != r && Ignored(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return nil
			}
			// A folder changes with what is in it; its own time and size
			// would only report that again.
			s := stamp{dir: true}
			if !d.IsDir() {
				s = stamp{size: info.Size(), mtime: info.ModTime().UnixNano(), inode: inode(info)}
			}
			if !s.dir && info.Mode().IsRegular() && now.Sub(info.ModTime()) < recent {
				s.hash = p.hash(path)
			}
			m[path] = s
			return nil
		})
	}
	return m
}

// hash returns a hash of a file's content (0 when it cannot be read).
func (p *poller) hash(path string) uint64 {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	var h maphash.Hash
	h.SetSeed(p.seed)
	if _, err := io.Copy(&h, f); err != nil && !errors.Is(err, io.EOF) {
		return 0
	}
	return h.Sum64()
}

// diff compares a new scan with the known one, touching what changed.
func (p *poller) diff(now map[string]stamp) bool {
	changed := false
	for path, s := range now {
		old, ok := p.known[path]
		if !ok || old.dir != s.dir || old.size != s.size || old.mtime != s.mtime || old.inode != s.inode ||
			(old.hash != 0 && s.hash != 0 && old.hash != s.hash) {
			p.b.touch(path, ok)
			changed = true
		}
	}
	for path := range p.known {
		if _, ok := now[path]; !ok {
			p.b.touch(path, true)
			changed = true
		}
	}
	p.known = now
	return changed
}

// run polls until the watcher is closed. After a poll that found changes it
// polls again after o.Debounce, and reports the batch once a poll finds the
// files quiet: a save that spans two polls is still one batch.
func (p *poller) run(w *Watcher) {
	defer w.wg.Done()
	s := &sender{b: p.b, out: w.out}
	next := time.NewTimer(p.o.Interval)
	defer next.Stop()
	exists := func(path string) bool { _, ok := p.known[path]; return ok }
	for {
		select {
		case <-next.C:
			if p.diff(p.scan()) {
				s.hold()
				next.Reset(p.o.Debounce)
				continue
			}
			if !p.b.empty() && s.ready == nil {
				s.offer(exists)
			}
			next.Reset(p.o.Interval)
		case s.ready <- s.next:
			s.sent()
		case <-w.done:
			return
		}
	}
}

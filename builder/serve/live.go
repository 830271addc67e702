package serve

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/status"
)

// Builder makes a site in memory and remakes it after changes: the build
// engine's session (site.Session) behind a small adapter. Calls to Rebuild
// never overlap (Live serializes them); Snapshot and Brief are called by
// requests at any time.
type Builder interface {
	// Rebuild remakes the site after the files named changed (paths
	// relative to the site folder, with slashes); all means that anything
	// may have changed. Problems in the site come back as diagnostics and
	// keep the last good snapshot; err is a failure of the machine.
	Rebuild(changed []string, all bool) (diag.List, error)
	// Snapshot is the last good build, nil before the first.
	Snapshot() *Snapshot
	// Brief makes one of Snapshot().Lazy: a brief's PDF or a kit's zip.
	Brief(name string) (data []byte, ok bool, err error)
}

// LiveOptions configure a Live server.
type LiveOptions struct {
	// Log receives each rebuild's problems and one line about it; nil
	// discards them.
	Log io.Writer
	// Quiet prints errors only.
	Quiet bool
	// Status computes the translation status shown at /_status/; nil
	// leaves that page out.
	Status func() (*status.Report, error)
	// PaceGC keeps the process's memory near what the site holds (gc.go):
	// it sets the process's memory limit after each rebuild, so it is for
	// the serve command, not for a server among other work.
	PaceGC bool
}

// Live is the editor's preview: it serves the Builder's last good snapshot
// from memory, rebuilds when told (Rebuild, once per batch of saved files),
// tells every open page over Server-Sent Events to reload (or, when only
// stylesheets changed, to swap them), and shows the problems of a failed
// rebuild over every page. Its own files live under /_dissem/, and the
// translation status at /_status/; nothing of this is ever in a built site.
type Live struct {
	b       Builder
	o       LiveOptions
	rebuild sync.Mutex // one rebuild at a time
	state   atomic.Pointer[liveState]
	rules   ruleCache
	hub     hub
	warned  map[string]bool // warnings printed already, so each is printed once
	pacer   *pacer          // nil without LiveOptions.PaceGC
	done    chan struct{}
	once    sync.Once
}

// liveState is what pages show at one moment. It is replaced whole, never
// changed, so a request reads one consistent state without locks.
type liveState struct {
	// version counts the changes a page can show: a new snapshot or new
	// problems. A page carries the version it was made from.
	version int
	snap    *Snapshot
	// problems are the last rebuild's errors, with their source lines.
	problems []problem
	// overlay is the problems as HTML, nil without problems.
	overlay []byte
	// head is what goes before </head> of every page: the overlay's
	// stylesheet and the reload script, carrying version.
	head []byte
	// swaps are set when the change from the previous version only
	// touched stylesheets: pages swap them instead of reloading.
	swaps []cssSwap
}

// NewLive returns a live server for b. Call Rebuild(nil, true) for the
// first build.
func NewLive(b Builder, o LiveOptions) *Live {
	if o.Log == nil {
		o.Log = io.Discard
	}
	l := &Live{b: b, o: o, warned: map[string]bool{}, done: make(chan struct{})}
	l.state.Store(newState(0, nil, nil))
	l.hub.subs = map[chan struct{}]struct{}{}
	if o.PaceGC {
		l.pacer = newPacer()
	}
	return l
}

func newState(version int, snap *Snapshot, probs []problem) *liveState {
	st := &liveState{version: version, snap: snap, problems: probs}
	if len(probs) > 0 {
		st.overlay = overlayHTML(probs, snap != nil)
	}
	st.head = fmt.Appendf(nil, `<link rel="stylesheet" href="%s"><script src="%s" data-version="%d" defer></script>`, cssURL, scriptURL, version)
	return st
}

// Rebuild remakes the site after changes, prints the problems once, and
// tells open pages. Requests meanwhile get the last good snapshot. It
// returns the rebuild's diagnostics.
func (l *Live) Rebuild(changed []string, all bool) (diag.List, error) {
	l.rebuild.Lock()
	defer l.rebuild.Unlock()
	start := time.Now()
	diags, err := l.b.Rebuild(changed, all)
	took := time.Since(start)
	snap := l.b.Snapshot()
	probs := problems(diags, err)
	// The terminal first: by the time a page reloads, the editor's
	// terminal already says why.
	l.print(diags, err, probs, changed, all, took, snap != nil)
	prev := l.state.Load()
	if snap != prev.snap || !slices.Equal(probs, prev.problems) {
		next := newState(prev.version+1, snap, probs)
		if len(probs) == 0 && len(prev.problems) == 0 && prev.snap != nil && snap != nil {
			next.swaps = cssOnly(prev.snap, snap)
			if snap.Changed != nil && len(snap.Changed) == 0 {
				// Saved without a change that shows: no reload.
				next.version = prev.version
				next.head = prev.head
			}
		}
		l.state.Store(next)
		l.hub.notify()
	}
	// After the pages are told: the collection after a whole rebuild
	// takes a moment at 10,000 documents.
	l.pacer.settle(all || (prev.snap == nil && snap != nil))
	return diags, err
}

// print writes the rebuild's errors, its warnings not printed before, and
// one line saying what happened.
func (l *Live) print(diags diag.List, err error, probs []problem, changed []string, all bool, took time.Duration, good bool) {
	w := l.o.Log
	for _, d := range diags {
		if d.Severity == diag.Warning {
			s := d.String()
			if l.o.Quiet || l.warned[s] {
				continue
			}
			l.warned[s] = true
		}
		fmt.Fprintln(w, d.String())
	}
	if err != nil {
		fmt.Fprintf(w, "the rebuild failed: %v\n", err)
		var bug interface{ StackTrace() []byte }
		if errors.As(err, &bug) {
			fmt.Fprintf(w, "This is a bug in dissem; please report it with what follows:\n%s", bug.StackTrace())
		}
	}
	what := "everything"
	if !all {
		what = strings.Join(changed, ", ")
		if len(changed) > 3 {
			what = strings.Join(changed[:3], ", ") + fmt.Sprintf(" and %d more", len(changed)-3)
		}
	}
	ms := took.Milliseconds()
	switch {
	case len(probs) == 0:
		if !l.o.Quiet {
			fmt.Fprintf(w, "rebuilt in %d ms (%s)\n", ms, what)
		}
	case good:
		fmt.Fprintf(w, "%s after %d ms (%s): the browser shows them over the last good version\n", problemCount(len(probs)), ms, what)
	default:
		fmt.Fprintf(w, "%s after %d ms (%s): the site does not build yet; the browser shows them\n", problemCount(len(probs)), ms, what)
	}
}

// problemCount is "1 problem" or "n problems".
func problemCount(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return fmt.Sprintf("%d problems", n)
}

// Close ends the open event streams, so that the server can shut down,
// and gives the process back the memory limit it had (LiveOptions.PaceGC).
func (l *Live) Close() {
	l.once.Do(func() {
		close(l.done)
		l.pacer.restore()
	})
}

// The paths Live answers besides the site's.
const (
	ownPrefix = "/_dissem/"
	scriptURL = ownPrefix + "reload.js"
	cssURL    = ownPrefix + "dissem.css"
	eventsURL = ownPrefix + "events"
	statusURL = "/_status/"
)

func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	st := l.state.Load()
	var rules []headerRule
	if st.snap != nil {
		rules = l.rules.get(st.snap)
	}
	applyHeaders(w.Header(), rules, r.URL.Path)
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, ownPrefix):
		l.serveOwn(w, r)
	case p == statusURL || p == strings.TrimSuffix(statusURL, "/"):
		l.serveStatus(w, r, st)
	case st.snap == nil:
		// Never built: every page is the list of problems.
		if !readOnly(w, r) {
			return
		}
		w.Header().Set("Content-Type", types[".html"])
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusInternalServerError)
		if r.Method != http.MethodHead {
			w.Write(problemPage(st))
		}
	default:
		serveTree(w, r, &memTree{snap: st.snap, headerRules: rules, page: st.inject, lazy: l.b.Brief, gzip: acceptsGzip(r)})
	}
}

// readOnly answers what is not GET or HEAD and reports whether r is.
func readOnly(w http.ResponseWriter, r *http.Request) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		return true
	case http.MethodOptions:
		w.Header().Set("Allow", allow)
		w.WriteHeader(http.StatusNoContent)
	default:
		w.Header().Set("Allow", allow)
		http.Error(w, "this preview server only reads pages (GET and HEAD)", http.StatusMethodNotAllowed)
	}
	return false
}

// hub wakes the event streams after a change. Each stream has a channel
// of one: a stream that is busy misses no change, it sees the latest state
// when it looks.
type hub struct {
	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

func (h *hub) subscribe() chan struct{} {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	h.subs[ch] = struct{}{}
	h.mu.Unlock()
	return ch
}

func (h *hub) unsubscribe(ch chan struct{}) {
	h.mu.Lock()
	delete(h.subs, ch)
	h.mu.Unlock()
}

func (h *hub) notify() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

package serve

import (
	"bytes"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/4im-project/dissem/builder/internal/packed"
)

// Snapshot is one build of a site held in memory. A snapshot is never
// changed once made: requests read it without locks while the next one is
// being built.
type Snapshot struct {
	// Files are the site's files by their path in the site, with slashes
	// and no leading slash: "en/index.html".
	Files map[string][]byte
	// Changed are the files that differ from the previous snapshot
	// (added, changed or removed); nil when unknown.
	Changed []string
	// Lazy are files that are made only when requested (briefs and kits):
	// a Builder's Brief makes them.
	Lazy map[string]bool
	// LazyDirs are folders ("en/search/") whose files not in Files are all
	// made when requested, by the same Brief.
	LazyDirs []string
	// Generation counts the good builds.
	Generation int
	// Packed says that Files of the kinds packed.Packs names hold their
	// contents gzip-compressed, as package packed makes them (a session
	// keeps its site so): they are sent so to a browser that accepts gzip.
	Packed bool
}

// Memory serves the snapshot that current returns at each request, with
// the same rules as Handler: a site built in memory is previewed exactly as
// the same site written to a folder.
func Memory(current func() *Snapshot) http.Handler {
	return &handler{src: &memSource{current: current}}
}

// errNotBuilt answers requests made before the first good build.
var errNotBuilt = errors.New("the site has not been built yet")

// memSource is a site in memory.
type memSource struct {
	current func() *Snapshot
	rules   ruleCache
}

func (s *memSource) tree(r *http.Request) (tree, error) {
	snap := s.current()
	if snap == nil {
		return nil, errNotBuilt
	}
	return &memTree{snap: snap, headerRules: s.rules.get(snap), gzip: acceptsGzip(r)}, nil
}

// ruleCache keeps the parse of the last snapshot's _headers file, so that
// it is parsed once per build rather than once per request.
type ruleCache struct {
	cur atomic.Pointer[snapRules]
}

type snapRules struct {
	snap  *Snapshot
	rules []headerRule
}

func (c *ruleCache) get(snap *Snapshot) []headerRule {
	if cur := c.cur.Load(); cur != nil && cur.snap == snap {
		return cur.rules
	}
	data, _ := snap.file("_headers")
	r := &snapRules{snap: snap, rules: parseHeaders(data)}
	c.cur.Store(r)
	return r.rules
}

// memTree is a snapshot as one request sees it.
type memTree struct {
	snap        *Snapshot
	headerRules []headerRule
	// page, when set, rewrites every HTML page before it is sent (the live
	// server's script and problem overlay), and such pages are never stored
	// by the browser.
	page func(b []byte) []byte
	// lazy makes the files of Snapshot.Lazy.
	lazy func(name string) ([]byte, bool, error)
	// gzip is set when the request accepts gzip: packed files are sent
	// as they are kept.
	gzip bool
}

func (t *memTree) open(name string) (entry, bool, error) {
	if name == "." {
		return entry{dir: true}, t.snap.Files["index.html"] != nil, nil
	}
	if b, ok := t.snap.Files[name]; ok {
		e, err := t.stored(name, b)
		return e, err == nil, err
	}
	if t.lazy != nil && (t.snap.Lazy[name] || t.snap.inLazyDir(name)) {
		b, ok, err := t.lazy(name)
		if err != nil || !ok {
			return entry{}, false, err
		}
		return t.file(name, b), true, nil
	}
	if _, ok := t.snap.Files[name+"/index.html"]; ok || t.snap.Lazy[name+"/index.html"] {
		return entry{dir: true}, true, nil
	}
	return entry{}, false, nil
}

// stored is the snapshot's file name, kept as b: sent as it is kept when
// it is packed and the browser accepts gzip (and the page is not
// rewritten), else unpacked.
func (t *memTree) stored(name string, b []byte) (entry, error) {
	if !t.snap.Packed || !packed.Packs(name) {
		return t.file(name, b), nil
	}
	if t.gzip && (t.page == nil || contentType(name) != types[".html"]) {
		return entry{body: bytes.NewReader(b), encoding: "gzip", vary: true}, nil
	}
	b, err := packed.Unpack(name, b)
	if err != nil {
		return entry{}, err
	}
	e := t.file(name, b)
	e.vary = !e.noStore
	return e, nil
}

// file is the file name with contents b.
func (t *memTree) file(name string, b []byte) entry {
	if t.page != nil && contentType(name) == types[".html"] {
		return entry{body: bytes.NewReader(t.page(b)), noStore: true}
	}
	return entry{body: bytes.NewReader(b)}
}

func (t *memTree) rules() []headerRule { return t.headerRules }

func (t *memTree) close() {}

// file returns the contents of the snapshot's file name, unpacked.
func (s *Snapshot) file(name string) ([]byte, bool) {
	b, ok := s.Files[name]
	if ok && s.Packed && packed.Packs(name) {
		var err error
		b, err = packed.Unpack(name, b)
		ok = err == nil
	}
	return b, ok
}

// acceptsGzip reports whether r's Accept-Encoding allows gzip (RFC 9110
// 12.5.3: named, or "*" when gzip is not named, with a q above 0).
func acceptsGzip(r *http.Request) bool {
	star := false
	for _, v := range r.Header.Values("Accept-Encoding") {
		for part := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(part, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			if coding != "gzip" && coding != "x-gzip" && coding != "*" {
				continue
			}
			ok := true
			for p := range strings.SplitSeq(params, ";") {
				if k, v, found := strings.Cut(strings.TrimSpace(p), "="); found && strings.EqualFold(strings.TrimSpace(k), "q") {
					q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
					ok = err == nil && q > 0
				}
			}
			if coding != "*" {
				return ok
			}
			star = ok
		}
	}
	return star
}

// inLazyDir reports whether name lies in one of the snapshot's LazyDirs.
func (s *Snapshot) inLazyDir(name string) bool {
	for _, d := range s.LazyDirs {
		if strings.HasPrefix(name, d) {
			return true
		}
	}
	return false
}

package site

import (
	"hash/maphash"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/media"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// How serve rebuilds only what a change touches, and why the result is
// the same as a full build's (TestIncrementalIsFull checks it on long
// random sequences of edits):
//
//   - Each document's load (read, front matter, validation, Markdown) is a
//     function of its file and the site's configuration. It is kept by path
//     with the file's hash and done again only for the files that changed;
//     a change outside content/ (site.yaml, templates, i18n, static) starts
//     from nothing.
//   - Resolve runs on the whole site every time: it is where one document
//     reaches the others (URLs, translations, toolkits, terms, lists).
//   - Every output is a function of the resolved data its maker reads. For
//     each output this rebuild computes a digest of exactly that data
//     (digest.go), and keeps the previous snapshot's bytes when the digest
//     is the one the previous bytes were made from. Anything that cannot be
//     told apart that way (the set of pages, the site-wide parts every page
//     shows, a change outside content/) makes everything again.
//   - Briefs (and, with Options.LazySearch, search indexes) are made only
//     when asked for (Session.Brief), from the snapshot they belong to.
//
// Nothing kept across rebuilds is changed once made: documents' entries,
// snapshots and states are replaced, never edited, so a server may read
// one snapshot while the next is made.

// sessionState is what a good rebuild leaves for the next one. Its parts
// are never changed once made: a rebuild makes a new state.
type sessionState struct {
	seed maphash.Seed
	// docs are the documents' load results by path in the content tree.
	docs map[string]*docEntry
	// scan is the content tree's listing.
	scan *scanResult
	// digests are the digests each output of the snapshot was made from.
	digests map[string]uint64
	// pages is the digest of every page's output name, in order.
	pages uint64
	// static are the static files' output names and the assets map.
	static *staticOut
	// sets are outputs made together (a language's search files), by key.
	sets map[string]outSet
	// stale are outputs made without their digests (rebody): the next
	// whole rebuild makes them again.
	stale map[string]bool
	// loaded is the last good build's site and what it was loaded with,
	// and diags its problems (sorted), for rebody.
	loaded *loaded
	diags  diag.List
	// renderer rendered its pages: its templates serve rebody too.
	renderer *render.Renderer
}

// outSet is a group of outputs made at once from what one digest covers.
type outSet struct {
	digest uint64
	names  []string
}

// docEntry is one document's load result. It is not changed once made.
type docEntry struct {
	// sum is the file's hash; front is its front matter's (and its
	// path's).
	sum, front uint64
	// metaSum is register.MetaSum of the front matter, taken by a build's
	// load (sumCost: in how many nanoseconds).
	metaSum uint64
	source  sourceInfo
	sumCost int64
	doc     *content.Doc
	input   resolve.Input
	html    []byte
	diags   diag.List
	// pictures are the pictures its body shows (media.go), asked for
	// again when the document is kept.
	pictures []string
}

type scanResult struct {
	mdPaths []string
	files   map[string]bool
	diags   diag.List
}

type staticOut struct {
	names  []string
	assets map[string]string
}

// incremental is one Rebuild's cache: what the previous snapshot has right.
// A nil *incremental (a build) keeps nothing.
type incremental struct {
	st   *sessionState
	prev *Snapshot
	// full is set when nothing may be kept.
	full bool
	// changed are the changed paths inside the content tree.
	changed map[string]bool
	docs    *docCache
	// static is this rebuild's static output.
	static *staticOut
	// Computed by prepare for the outputs' digests.
	dg *digester

	mu sync.Mutex
	// digests are the outputs' digests that differ from the state's; sets
	// the sets made again.
	digests map[string]uint64
	sets    map[string]outSet
	// made counts the outputs made again, for benchmarks.
	made atomic.Int64
}

// newState is a session's first state.
func newState() *sessionState { return &sessionState{seed: maphash.MakeSeed()} }

// next prepares a rebuild after changed (paths relative to the site folder).
func (st *sessionState) next(source string, prev *Snapshot, changed []string, all bool) *incremental {
	inc := &incremental{st: st, prev: prev, changed: map[string]bool{}, digests: map[string]uint64{}}
	inc.full = all || prev == nil || st.docs == nil
	for _, c := range changed {
		rel, ok := strings.CutPrefix(c, "content/")
		if !ok || rel == "" {
			// site.yaml, templates, i18n, static: every document and
			// page may read them.
			inc.full = true
			continue
		}
		inc.changed[rel] = true
		if transcriptFile(rel) {
			// A transcript's text is on the pages that show its video (av.go).
			inc.full = true
		}
		if media.IsPicture(rel) {
			// Its size and published names are in the bodies that show
			// it: every document is read again.
			inc.full = true
		}
	}
	inc.docs = &docCache{seed: st.seed, changed: inc.changed}
	if inc.full {
		return inc
	}
	inc.docs.old = st.docs
	// The listing stands when every changed path is a file it lists, still
	// a plain file: an edit, not an addition, removal or rename.
	inc.docs.scan = st.scan
	for rel := range inc.changed {
		info, err := os.Lstat(filepath.Join(source, "content", filepath.FromSlash(rel)))
		if err != nil || !info.Mode().IsRegular() || (st.docs[rel] == nil && !st.scan.files[rel]) {
			inc.docs.scan = nil
			break
		}
	}
	return inc
}

// done is the state the next rebuild starts from. Its digests are the
// previous ones with this rebuild's changes: a name this rebuild did not
// make keeps a stale digest, which is harmless, as keep takes bytes only
// from the snapshot just before (where that name is missing).
func (inc *incremental) done() *sessionState {
	digests := inc.st.digests
	if len(inc.digests) > 0 {
		digests = maps.Clone(digests)
		if digests == nil {
			digests = make(map[string]uint64, len(inc.digests))
		}
		maps.Copy(digests, inc.digests)
	}
	sets := inc.st.sets
	if len(inc.sets) > 0 {
		sets = maps.Clone(sets)
		if sets == nil {
			sets = map[string]outSet{}
		}
		maps.Copy(sets, inc.sets)
	}
	return &sessionState{seed: inc.st.seed, docs: inc.docs.now, scan: inc.docs.scanned,
		digests: digests, pages: inc.dg.pages, static: inc.static, sets: sets}
}

// prevSearch is the previous snapshot's lazy search index of folder dir.
func (inc *incremental) prevSearch(dir string) *lazySearch {
	if inc.prev == nil {
		return nil
	}
	for _, z := range inc.prev.search {
		if z.dir == dir {
			return z
		}
	}
	return nil
}

// keepSet keeps the previous snapshot's outputs of set key when d is the
// digest they were made from.
func (inc *incremental) keepSet(w *output.Writer, key string, d uint64) bool {
	set, ok := inc.st.sets[key]
	if !ok || set.digest != d || inc.full || inc.dg.unsure.Load() || inc.dg.pages != inc.st.pages {
		return false
	}
	for _, name := range set.names {
		if _, ok := inc.prev.Files[name]; !ok {
			return false
		}
	}
	for _, name := range set.names {
		if w.Reuse(name, inc.prev.Files[name]) != nil {
			return false
		}
	}
	return true
}

// madeSet records the outputs of set key made from digest d.
func (inc *incremental) madeSet(key string, d uint64, names []string) {
	inc.mu.Lock()
	if inc.sets == nil {
		inc.sets = map[string]outSet{}
	}
	inc.sets[key] = outSet{digest: d, names: names}
	inc.mu.Unlock()
	inc.made.Add(int64(len(names)))
}

// keep writes the previous snapshot's file name into w when d, the digest
// of what makes it, is the one its bytes were made from, and reports
// whether it did. It records d for the next rebuild when it is new.
func (inc *incremental) keep(w *output.Writer, name string, d uint64) (kept bool) {
	defer func() {
		if !kept {
			inc.made.Add(1)
		}
	}()
	old, ok := inc.st.digests[name]
	if !ok || old != d || inc.st.stale[name] {
		inc.mu.Lock()
		inc.digests[name] = d
		inc.mu.Unlock()
		return false
	}
	if inc.full || inc.dg.unsure.Load() || inc.dg.pages != inc.st.pages {
		return false
	}
	data, ok := inc.prev.Files[name]
	if !ok {
		return false
	}
	return w.Reuse(name, data) == nil
}

// keepMedia keeps a content file (rel) of the previous snapshot when it
// has not changed.
func (inc *incremental) keepMedia(w *output.Writer, rel string) bool {
	if inc == nil || inc.full || inc.changed[rel] {
		return false
	}
	data, ok := inc.prev.Files["media/"+rel]
	return ok && w.Reuse("media/"+rel, data) == nil
}

// keepStatic keeps the previous snapshot's static files and returns their
// assets map, or nil when they must be made again.
func (inc *incremental) keepStatic(w *output.Writer) map[string]string {
	if inc == nil || inc.full || inc.st.static == nil {
		return nil
	}
	for _, name := range inc.st.static.names {
		data, ok := inc.prev.Files[name]
		if !ok || w.Reuse(name, data) != nil {
			return nil
		}
	}
	inc.static = inc.st.static
	return inc.static.assets
}

// docCache gives load the documents' results kept from the last rebuild
// and collects this rebuild's.
type docCache struct {
	seed    maphash.Seed
	old     map[string]*docEntry
	changed map[string]bool
	// scan is the previous listing when it stands.
	scan *scanResult
	// Filled by load: the listing and the documents now.
	scanned *scanResult
	now     map[string]*docEntry
	mu      sync.Mutex
}

// list returns the content tree's listing, the previous one when it stands.
func (c *docCache) list(fsys fs.FS, opts content.Options) ([]string, map[string]bool, diag.List) {
	if c == nil {
		return content.Scan(fsys, opts)
	}
	if c.scan == nil {
		md, files, d := content.Scan(fsys, opts)
		c.scan = &scanResult{mdPaths: md, files: files, diags: d}
	}
	c.scanned = c.scan
	c.now = make(map[string]*docEntry, len(c.scan.mdPaths))
	return c.scan.mdPaths, c.scan.files, c.scan.diags
}

// lookup returns the kept result of document rel, reading the file only
// when it changed (to compare its hash). fsys is what load must read the
// file from when there is no kept result: the bytes already read, or nil
// for the content tree.
func (c *docCache) lookup(contentFS fs.FS, rel string) (e *docEntry, sum uint64, src []byte) {
	old := c.old[rel]
	if old != nil && !c.changed[rel] {
		return old, old.sum, nil
	}
	src, err := fs.ReadFile(contentFS, rel)
	if err != nil {
		// LoadFile reads it again and says what is wrong.
		return nil, 0, nil
	}
	sum = maphash.Bytes(c.seed, src)
	if old != nil && old.sum == sum {
		return old, sum, nil
	}
	return nil, sum, src
}

// store records document rel's result.
func (c *docCache) store(rel string, e *docEntry) {
	c.mu.Lock()
	c.now[rel] = e
	c.mu.Unlock()
}

// frontSum hashes the part of src before body (the front matter) and the
// file's path: what the document's Meta is made from.
func (c *docCache) frontSum(rel string, src, body []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	h.WriteString(rel)
	h.WriteByte(0)
	if n := len(src) - len(body); n >= 0 && n <= len(src) {
		h.Write(src[:n])
	} else {
		h.Write(src)
	}
	return h.Sum64()
}

// fileBytes is a file system of one file already read, for LoadFile.
type fileBytes struct {
	name string
	data []byte
}

func (f fileBytes) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (f fileBytes) ReadFile(name string) ([]byte, error) {
	if name != f.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.data, nil
}

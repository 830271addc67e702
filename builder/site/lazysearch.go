package site

import (
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/search"
)

// lazySearch is a language's search index in serve with Options.LazySearch:
// made when one of its files is first asked for, once per snapshot, and
// handed to the next snapshot while its documents' digest stands.
type lazySearch struct {
	// dir is the index's folder ("hu/search/"); digest what it is made from.
	dir    string
	digest uint64

	// mu is held while the index is made: a second request waits for it.
	mu    sync.Mutex
	lang  search.Lang // dropped once made
	done  bool
	files map[string][]byte
	err   error
}

// planSearch plans each language's index, taking the previous snapshot's
// files when its digest is the same and they were made.
func planSearch(l *loaded, inc *incremental) []*lazySearch {
	var out []*lazySearch
	for _, code := range l.cfg.Codes() {
		lang := searchLang(l, code)
		z := &lazySearch{dir: code + "/search/", digest: inc.dg.search(lang.Docs), lang: lang}
		if old := inc.prevSearch(z.dir); old != nil && old.digest == z.digest && !inc.full && !inc.dg.unsure.Load() {
			if files, ok := old.made(); ok {
				z.files, z.done, z.lang = files, true, search.Lang{}
			}
		}
		out = append(out, z)
	}
	return out
}

// made returns the files if they have been made.
func (z *lazySearch) made() (map[string][]byte, bool) {
	if !z.mu.TryLock() {
		return nil, false // being made: the next snapshot makes its own
	}
	defer z.mu.Unlock()
	return z.files, z.done && z.err == nil
}

// file returns the index's file name when name is in its folder, making
// the index first if it is not made yet.
func (z *lazySearch) file(name string) (data []byte, ok bool, err error) {
	if !strings.HasPrefix(name, z.dir) {
		return nil, false, nil
	}
	files, err := z.all()
	if err != nil {
		return nil, false, err
	}
	data, ok = files[name]
	return data, ok, nil
}

// all makes the index (once) and returns its files.
func (z *lazySearch) all() (map[string][]byte, error) {
	z.mu.Lock()
	defer z.mu.Unlock()
	if !z.done {
		z.files, z.err = search.Build([]search.Lang{z.lang})
		z.done, z.lang = true, search.Lang{}
	}
	return z.files, z.err
}

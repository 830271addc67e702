package site

import (
	"cmp"
	"encoding/binary"
	"encoding/hex"
	"path"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/status"
)

// sourceInfo is what hashSources needs of a document, taken by the load
// while it holds the document (loadDoc): its translation key's xxHash64,
// whether it records translated_from, and, when it does not and has a
// body, the body's cache key. Reading them later cost more than the
// hashing saved: at N = 10,000 each front matter and body lies in another
// corner of a gigabyte of heap.
type sourceInfo struct {
	key             uint64
	marked, hasBody bool
	body            sourceKey
}

// sourceInfoOf is doc's sourceInfo; keep says whether the load keeps its
// body for hashSources (a body it drops is not keyed).
func sourceInfoOf(doc *content.Doc, meta *schema.Meta, keep bool) sourceInfo {
	si := sourceInfo{marked: meta.TranslatedFrom != ""}
	if !si.marked && keep && doc.Body != nil {
		si.hasBody = true
		si.body = sourceKey{xxhash.Sum64(doc.Body), uint32(len(doc.Body))}
	}
	if si.marked || si.hasBody {
		// A version that is neither is no source hashSources can use.
		si.key = keySum(doc, meta)
	}
	return si
}

// keySum is the xxHash64 of status.Key(doc, meta), made without the key
// (a string a document, 30,000 at N = 10,000, for the collector). Two keys
// with one sum only cost a body hashed that need not be.
func keySum(doc *content.Doc, meta *schema.Meta) uint64 {
	switch {
	case meta.TranslationKey != "":
		return xxhash.Sum64String(meta.TranslationKey)
	case doc.Dir == "" || doc.Dir == "." || path.Clean(doc.Dir) != doc.Dir || doc.Base == "" || doc.Base == "." ||
		doc.Base == ".." || strings.Contains(doc.Base, "/"):
		// path.Join would not just put a slash between them.
		return xxhash.Sum64String(status.Key(doc, meta))
	}
	var d xxhash.Digest
	d.Reset()
	d.WriteString(doc.Dir)
	d.WriteString("/")
	d.WriteString(doc.Base)
	return d.Sum64()
}

// hashSources is status.Hash of the body of every document the register
// may take as the source of a translation that records translated_from:
// each unmarked version of a document with a marked one, hashed once, in
// parallel, while the load still holds its body (with briefs off it drops
// the bodies right after). infos are all's sourceInfo, in its order. nil when no
// translation is marked: the register then asks for no hash.
//
// A body hashed by an earlier build is not hashed again: cacheDir keeps
// each hash under its body's xxHash64 and length, which cost a tenth of
// SHA-256's time. At N = 10,000 SHA-256 of the 65 MB of English bodies
// took about 45 ms, most of the register's share of a rebuild.
func hashSources(all []*content.Doc, infos []sourceInfo, cacheDir string) map[*content.Doc]string {
	n := 0
	for i := range infos {
		if infos[i].marked {
			n++
		}
	}
	marked := make(map[uint64]bool, n)
	for i := range infos {
		if infos[i].marked {
			marked[infos[i].key] = true
		}
	}
	if len(marked) == 0 {
		return nil
	}
	var docs []*content.Doc
	var keys []sourceKey
	for i := range infos {
		if si := &infos[i]; si.hasBody && marked[si.key] && all[i].Body != nil {
			docs = append(docs, all[i])
			keys = append(keys, si.body)
		}
	}
	cache := registerCache(cacheDir)
	known := readSourceHashes(cache)
	sums := make([]string, len(docs))
	var hashed atomic.Int32
	parallel(len(docs), func(i int) {
		if h, ok := known[keys[i]]; ok {
			sums[i] = h
			return
		}
		sums[i] = status.Hash(docs[i].Body)
		hashed.Add(1)
	})
	out := make(map[*content.Doc]string, len(docs))
	for i, d := range docs {
		out[d] = sums[i]
	}
	if hashed.Load() > 0 || len(known) != len(docs) {
		writeSourceHashes(cache, keys, sums)
	}
	return out
}

// sourceKey names a body in the cache of source hashes: its xxHash64 and
// length. Two bodies with the same are told apart only by chance (one in
// 2^64): a translation would then show as current until the source
// changes again (or the cache folder is deleted).
type sourceKey struct {
	sum  uint64
	size uint32
}

// sourceHashesName is the cache file: 12-byte keys (xxHash64, length)
// and 6-byte hashes, sorted by key, so the same site gives the same bytes.
const sourceHashesName = "sources.bin"

// entrySize is the size of an entry of sourceHashesName.
const entrySize = 8 + 4 + 6

// readSourceHashes reads the cache; a missing or damaged file is empty.
func readSourceHashes(c *filecache.Dir) map[sourceKey]string {
	data, err := c.Read(sourceHashesName)
	if err != nil || len(data)%entrySize != 0 {
		return nil
	}
	m := make(map[sourceKey]string, len(data)/entrySize)
	for b := data; len(b) > 0; b = b[entrySize:] {
		k := sourceKey{binary.BigEndian.Uint64(b), binary.BigEndian.Uint32(b[8:])}
		m[k] = hex.EncodeToString(b[12:entrySize])
	}
	return m
}

// writeSourceHashes keeps this build's hashes for the next; a cache that
// cannot be written only costs time.
func writeSourceHashes(c *filecache.Dir, keys []sourceKey, sums []string) {
	type entry struct {
		k   sourceKey
		sum [6]byte
	}
	entries := make([]entry, 0, len(keys))
	for i, k := range keys {
		var e entry
		if n, err := hex.Decode(e.sum[:], []byte(sums[i])); err != nil || n != 6 {
			continue
		}
		e.k = k
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.k.sum, b.k.sum); c != 0 {
			return c
		}
		return cmp.Compare(a.k.size, b.k.size)
	})
	entries = slices.CompactFunc(entries, func(a, b entry) bool { return a.k == b.k })
	data := make([]byte, 0, entrySize*len(entries))
	for _, e := range entries {
		data = binary.BigEndian.AppendUint64(data, e.k.sum)
		data = binary.BigEndian.AppendUint32(data, e.k.size)
		data = append(data, e.sum[:]...)
	}
	_ = c.Write(sourceHashesName, data)
}

// keepsBody reports whether the load keeps a document's body until
// hashSources has run, with briefs off (which drop it): an unmarked
// version in the default language, the register's usual source. Any other
// source is read again if the register asks for it (see sourceHash).
func keepsBody(doc *content.Doc, translatedFrom, def string) bool {
	return translatedFrom == "" && doc.Lang == def
}

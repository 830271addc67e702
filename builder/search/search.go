// Package search builds the search index of each language: terms from the
// title, headings, taxonomy terms, summary and whole body of every document,
// folded (case and diacritics) and stemmed, scored with BM25F at build time,
// and written as shards keyed by the term's first three letters, so that a
// query fetches only the shards of its words.
//
// Files of a language (under LANG/search/):
//
//	meta.json      the manifest: document count, shard count, display chunk
//	               size, and the filters (type, topic, city, year) with the
//	               documents of each value
//	s/N.json       shard N: terms with postings (documents and impacts),
//	               the spellings that lead to them, title phrases, and the
//	               display data and snippets of each term's best documents
//	d/N.json       display data (title, URL, type, date, summary) of
//	               documents N×Chunk … N×Chunk+Chunk-1, for results that
//	               are not among a term's best
//
// Query (the page's static/js/search.js, and Engine in Go for tests) is
// described in query.go; both implement the same rules.
package search

import (
	"encoding/hex"
	"time"

	"github.com/4im-project/dissem/builder/resolve"
)

// Version is the format of the index files; the page refuses others.
const Version = 1

// Chunk is how many documents' display data a d/N.json holds.
const Chunk = 20

// Champions is how many best documents of each term carry their display
// data and a snippet in the term's shard: a one-word query shows its first
// page from the shard alone.
const Champions = 10

// PrefixLen is the number of letters of a folded term that name its shard,
// unless the shard was split (see SplitSize).
const PrefixLen = 3

// SplitSize is the size (bytes of JSON) above which a shard is split by
// one more letter of its terms.
const SplitSize = 96 << 10

// Prefix returns the first n letters of a folded word.
func Prefix(folded string, n int) string {
	k := 0
	for i := range folded {
		if k == n {
			return folded[:i]
		}
		k++
	}
	return folded
}

// ShardName is the file name (without .json) of the shard of a term prefix:
// the prefix itself when it is made of a–z and 0–9 and is not a name
// Windows keeps for a device (con.json cannot be created there, so a site
// could not be built, copied or checked out on an editor's Windows
// machine), else "_" and the hex of its UTF-8 bytes. static/js/search.js
// names shards the same way.
func ShardName(prefix string) string {
	for i := 0; i < len(prefix); i++ {
		if c := prefix[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return "_" + hex.EncodeToString([]byte(prefix))
		}
	}
	if windowsDevice(prefix) {
		return "_" + hex.EncodeToString([]byte(prefix))
	}
	return prefix
}

// windowsDevice reports whether name (lower case) is one of the names
// Windows keeps for devices, whatever the extension: con, prn, aux, nul,
// com0–com9 and lpt0–lpt9.
func windowsDevice(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(name) == 4 && (name[:3] == "com" || name[:3] == "lpt") && '0' <= name[3] && name[3] <= '9'
}

// Lang is one language's documents and the words to show with them.
type Lang struct {
	Code string
	// Docs are the documents to index, in the order results tie in
	// (newest first); Body gives each one's rendered text.
	Docs []*resolve.Page
	// TypeLabel names a content type; FormatDate formats a date; both in
	// the language.
	TypeLabel  func(string) string
	FormatDate func(time.Time) string
	// Body returns a document's rendered body; nil means its Page.HTML.
	// (A builder keeps bodies apart from the resolved pages.)
	Body func(*resolve.Page) []byte
}

// body returns the rendered body of document p.
func (l Lang) body(p *resolve.Page) []byte {
	if l.Body != nil {
		return l.Body(p)
	}
	return p.HTML
}

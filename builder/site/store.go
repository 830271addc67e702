package site

import (
	"bytes"
	"fmt"

	"github.com/4im-project/dissem/builder/internal/packed"
)

// A session holds the whole site in memory for as long as serve runs: at
// 10,000 documents its pages alone are about 750 MB. So a snapshot keeps
// its text files (HTML, CSS, JS, JSON, XML, SVG, CSV) gzip-compressed, as
// package packed makes them, three to seven times smaller; serve sends
// them as they are to browsers that accept gzip. A file is compressed as
// it is written, on the build's workers, so the raw page lives only until
// then. Everything that keeps, compares or swaps a snapshot's files does so
// on the stored bytes: the same contents always pack to the same bytes.

// A session keeps the documents' rendered bodies (the load stage's, for
// the pages made again and the search index) packed too: a body is read
// back only when its page is made again or an index is asked for.

// keptBody is the form in which a rendered body is kept: packed in a
// session's cache (session), else an exact copy. It never keeps html.
func keptBody(session bool, html []byte) []byte {
	if !session {
		return bytes.Clone(html)
	}
	return packed.Pack(bodyName, html)
}

// bodyName is the name bodies are packed under: HTML.
const bodyName = "body.html"

// unpackBody reads back the packed body of document path.
func unpackBody(path string, kept []byte) []byte {
	if kept == nil {
		return nil
	}
	html, err := packed.Unpack(bodyName, kept)
	if err != nil {
		// Only packed.Pack made these bytes: memory went bad, or a bug.
		panic(fmt.Sprintf("the rendered body of %s: %v", path, err))
	}
	return html
}

// File returns the contents of the snapshot's file name (as a build writes
// it), unpacked; ok is false when the snapshot has no such file.
func (s *Snapshot) File(name string) (data []byte, ok bool, err error) {
	stored, ok := s.Files[name]
	if !ok {
		return nil, false, nil
	}
	data, err = packed.Unpack(name, stored)
	return data, err == nil, err
}

// storedEqual reports whether the snapshot file name, kept as stored,
// holds data.
func storedEqual(name string, stored, data []byte) bool { return packed.Equal(name, stored, data) }

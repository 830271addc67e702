package site

import (
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/resolve"
)

// bodies are the documents' bodies rendered by the load stage, kept apart
// from the resolved pages so that the pages never change: the page stage
// and the search index read them from here, and a build hands each body
// back (drop) once nothing after it needs it, letting the heap shrink as
// the pages are written.
type bodies struct {
	index map[*content.Doc]int32
	html  [][]byte
	// packed: the bodies are kept compressed (serve, store.go); of
	// unpacks them.
	packed bool
}

// newBodies pairs docs with their bodies (html[i] is docs[i]'s).
func newBodies(docs []*content.Doc, html [][]byte) *bodies {
	b := &bodies{index: make(map[*content.Doc]int32, len(docs)), html: html}
	for i, d := range docs {
		b.index[d] = int32(i)
	}
	return b
}

// of returns the body of page p, nil for a page without a document.
func (b *bodies) of(p *resolve.Page) []byte {
	if p.Doc == nil {
		return nil
	}
	if i, ok := b.index[p.Doc]; ok {
		if b.packed {
			return unpackBody(p.Doc.Path, b.html[i])
		}
		return b.html[i]
	}
	return nil
}

// drop forgets page p's body. Pages of different documents may be
// dropped at once; each document has one page.
func (b *bodies) drop(p *resolve.Page) {
	if p.Doc == nil {
		return
	}
	if i, ok := b.index[p.Doc]; ok {
		b.html[i] = nil
	}
}

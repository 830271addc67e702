package search

import (
	"fmt"
	"unsafe"
)

// Builder makes the indexes of a site's languages one after another, each
// language's tables reusing the memory the one before left: the log of
// postings, the array they are merged into and the tables of title phrases
// are the biggest of an index, and a build makes its indexes while the
// collector's pace is off (TightGC), so without reuse every language's
// tables would stay on the heap until the next collection. The zero
// Builder is ready; it is not for use by several goroutines at once.
type Builder struct {
	sc scratch
}

// scratch is memory one language's index leaves for the next: it is
// dead once buildLang returns, and overwritten before it is read.
type scratch struct {
	recs  spare[rec]
	links spare[pairRec]
	posts []posting
	byB   []pairRec
	pairs []pairRec
	text  textArena
}

// grow returns b with length n, reusing its array when it is big enough;
// the caller writes every element.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// BuildTo makes the search files of one language, the same as Build's, and
// hands each to emit as soon as it is made, so that a build holds one
// shard's bytes at a time instead of the whole index. The data is emit's
// only until emit returns (the buffer is used again): a caller that keeps
// a file keeps a copy. An error of emit is returned as it is.
func (b *Builder) BuildTo(l Lang, emit func(name string, data []byte) error) error {
	var emitErr error
	err := buildLang(l, func(name string, data []byte) bool {
		emitErr = emit(name, data)
		return emitErr == nil
	}, &b.sc)
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		return fmt.Errorf("search index (%s): %w", l.Code, err)
	}
	return nil
}

// textChunk is the size of a chunk of a textArena.
const textChunk = 256 << 10

// textArena keeps many short strings (a term's packed documents and
// impacts, a phrase's documents) side by side in chunks, instead of an
// allocation each; the next language writes over the chunks (reset), when
// nothing reads the strings any more.
type textArena struct {
	chunks [][]byte
	cur    int // the chunk being filled
}

// str returns a string with b's bytes, kept in the arena.
func (a *textArena) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > textChunk/4 {
		return string(b)
	}
	if len(a.chunks) == 0 || len(a.chunks[a.cur])+len(b) > textChunk {
		if len(a.chunks) > 0 {
			a.cur++
		}
		if a.cur == len(a.chunks) {
			a.chunks = append(a.chunks, make([]byte, 0, textChunk))
		}
		a.chunks[a.cur] = a.chunks[a.cur][:0]
	}
	c := a.chunks[a.cur]
	at := len(c)
	c = append(c, b...)
	a.chunks[a.cur] = c
	return unsafe.String(&c[at], len(b))
}

// reset makes the chunks free for new strings: the strings made before
// must be dead.
func (a *textArena) reset() {
	a.cur = 0
	if len(a.chunks) > 0 {
		a.chunks[0] = a.chunks[0][:0]
	}
}

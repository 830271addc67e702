package site

import "github.com/4im-project/dissem/builder/output"

// sessionState is what a good build leaves for the next one of a Session.
type sessionState struct {
}

// incremental is one Rebuild's cache: what the previous snapshot has right.
// A nil *incremental (a build) keeps nothing.
type incremental struct {
	prev *Snapshot
	docs *docCache
}

// next prepares a rebuild after changed.
func (st *sessionState) next(prev *Snapshot, changed []string, all bool) *incremental {
	return &incremental{prev: prev}
}

// done is the state the next rebuild starts from.
func (inc *incremental) done() *sessionState { return &sessionState{} }

// keep writes the previous snapshot's file name into w when what makes it
// has not changed, and reports whether it did.
func (inc *incremental) keep(w *output.Writer, name string) bool {
	return false
}

// keepMedia keeps a content file (rel) of the previous snapshot when it
// has not changed.
func (inc *incremental) keepMedia(w *output.Writer, rel string) bool {
	return false
}

// docCache keeps each document's load results between rebuilds.
type docCache struct{}

package register

import "github.com/4im-project/dissem/builder/resolve"

// docInfo is what a document's rows share: its languages, its source
// version (the one the others are translated from: the default language's
// when published, else the first in site order, as dissem status decides)
// and, once a marked translation asks, the source's hash.
type docInfo struct {
	langs  []string
	src    *resolve.Page
	hash   string
	hashed bool
}

// state is the translation state of p, a version of d that records
// translated_from as from.
func (d *docInfo) state(p *resolve.Page, from string, sourceHash func(*resolve.Page) string) string {
	switch {
	case p == d.src:
		return Source
	case from == "":
		return Unmarked
	}
	if !d.hashed {
		d.hash, d.hashed = sourceHash(d.src), true
	}
	if d.hash != "" && d.hash != from {
		return Stale
	}
	return Current
}

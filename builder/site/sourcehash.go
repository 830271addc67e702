package site

import (
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/status"
)

// hashSources is status.Hash of the body of every document the register
// may take as the source of a translation that records translated_from:
// each unmarked version of a document with a marked one, hashed once, in
// parallel, while the load still holds its body (with briefs off it drops
// the bodies right after). nil when no translation is marked: the register
// then asks for no hash.
//
// Before, the register hashed a source once per marked translation, and
// with briefs off read and parsed its file again for it: at N = 10,000 that
// was seconds of the register stage.
func hashSources(inputs []resolve.Input) map[*content.Doc]string {
	marked := map[string]bool{}
	for _, in := range inputs {
		if in.Doc != nil && in.Meta != nil && in.Meta.TranslatedFrom != "" {
			marked[status.Key(in.Doc, in.Meta)] = true
		}
	}
	if len(marked) == 0 {
		return nil
	}
	var docs []*content.Doc
	for _, in := range inputs {
		if in.Doc != nil && in.Meta != nil && in.Doc.Body != nil && in.Meta.TranslatedFrom == "" && marked[status.Key(in.Doc, in.Meta)] {
			docs = append(docs, in.Doc)
		}
	}
	sums := make([]string, len(docs))
	parallel(len(docs), func(i int) { sums[i] = status.Hash(docs[i].Body) })
	out := make(map[*content.Doc]string, len(docs))
	for i, d := range docs {
		out[d] = sums[i]
	}
	return out
}

// keepsBody reports whether the load keeps a document's body until
// hashSources has run, with briefs off (which drop it): an unmarked
// version in the default language, the register's usual source. Any other
// source is read again if the register asks for it (see sourceHash).
func keepsBody(doc *content.Doc, translatedFrom, def string) bool {
	return translatedFrom == "" && doc.Lang == def
}

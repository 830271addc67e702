package site

import (
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// writeCitations writes the BibTeX, RIS and CSL-JSON files beside each
// document page with a brief (render.CiteFiles), in parallel. serve keeps a
// file while its page's digest stands: the files are made from the page's
// front matter, its translations and site.yaml, all of which the digest
// covers.
func writeCitations(w *output.Writer, r *render.Renderer, docs []*resolve.Page, inc *incremental) error {
	errs := make([]error, len(docs))
	parallel(len(docs), func(i int) {
		p := docs[i]
		var d uint64
		if inc != nil {
			d = inc.dg.page(p)
		}
		for _, f := range r.CiteFiles(p) {
			name := p.Path + f.Name
			if inc != nil && inc.keep(w, name, d) {
				continue
			}
			if err := w.Write(name, f.Data); err != nil {
				errs[i] = err
				return
			}
		}
	})
	return firstError(errs)
}

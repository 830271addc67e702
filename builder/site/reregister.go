package site

import (
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/status"
)

// marked reports whether a translation of document page p says what it
// was made from (translated_from): p's body then decides, in the
// register, whether that translation is stale.
func marked(p *resolve.Page) bool {
	for _, t := range p.Translations {
		if t.Meta.TranslatedFrom != "" {
			return true
		}
	}
	return false
}

// statesKept reports whether every translation of document page p that
// says what it was made from is stale with p's new body exactly when it
// was with its old one (the register's states, register.Build: stale when
// translated_from is not status.Hash of the source's body), whichever
// version the register takes for the source. false when a body is not
// known (briefs off: the load drops it).
func statesKept(p *resolve.Page, oldBody, newBody []byte) bool {
	if oldBody == nil || newBody == nil {
		return false
	}
	was, is := status.Hash(oldBody), status.Hash(newBody)
	for _, t := range p.Translations {
		if from := t.Meta.TranslatedFrom; from != "" && (from == was) != (from == is) {
			return false
		}
	}
	return true
}

// remakeRegister is rebody's register stage, for a save of a marked
// source that changes whether a translation is stale: the register made again from l's site (with the new body), the
// renderer that shows it, and the register's pages to render. The exports
// are written into w only when the CSV, which holds every cell of the
// JSON and the workbook, differs from prev's. The outputs it makes are
// marked stale with rebody's (rebodied), so the next whole rebuild makes
// them again.
func remakeRegister(w *output.Writer, l *loaded, r *render.Renderer, downloads resolve.Downloads, prev *Snapshot, cacheDir string) (*render.Renderer, []*resolve.Page, error) {
	reg := register.Build(register.Input{Site: l.site, Downloads: downloads, SourceHash: l.sourceHash})
	pages := langPages(l.site, func(lang *resolve.Lang) []*resolve.Page { return []*resolve.Page{lang.Register} })
	if old, ok := prev.Files["register.csv"]; !ok || !storedEqual("register.csv", old, reg.CSV()) {
		if err := writeExports(w, reg, cacheDir, prepareExports(reg, cacheDir, nil), nil); err != nil {
			return nil, nil, err
		}
	}
	return r.WithRegister(reg), pages, nil
}

package site

import (
	"hash/maphash"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/status"
)

// writeRegister is the register stage: it makes the register of outputs
// from the resolved site and the briefs' downloads and writes its exports
// (register.csv, .json, .xlsx at the site's root); the pages show it.
// serve keeps the previous snapshot's exports while the rows are the same.
func writeRegister(w *output.Writer, l *loaded, downloads resolve.Downloads, inc *incremental) (*register.Register, error) {
	reg := register.Build(register.Input{Site: l.site, Downloads: downloads, SourceHash: l.sourceHash})
	csv := reg.CSV()
	var d uint64
	if inc != nil {
		// The CSV holds every cell of the other two.
		d = maphash.Bytes(inc.st.seed, csv)
	}
	files := []struct {
		name string
		make func() ([]byte, error)
	}{
		{"register.csv", func() ([]byte, error) { return csv, nil }},
		{"register.json", func() ([]byte, error) { return reg.JSON(), nil }},
		{"register.xlsx", reg.XLSX},
	}
	for _, f := range files {
		if inc != nil && inc.keep(w, f.name, d) {
			continue
		}
		data, err := f.make()
		if err != nil {
			return nil, err
		}
		if err := w.WriteRaw(f.name, data); err != nil {
			return nil, err
		}
	}
	return reg, nil
}

// sourceHash is status.Hash of a source document's body, read again from
// its file when the load dropped it (briefs off): only documents whose
// translations say what they were made from are asked for.
func (l *loaded) sourceHash(p *resolve.Page) string {
	body := p.Doc.Body
	if body == nil {
		doc, diags := content.LoadFile(l.contentFS, p.Doc.Rel, content.Options{Languages: l.cfg.Codes(), Default: l.cfg.DefaultLanguage})
		if diags.HasErrors() || doc.Body == nil {
			return ""
		}
		body = doc.Body
	}
	return status.Hash(body)
}

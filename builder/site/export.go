package site

import (
	"strings"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/cite"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
)

// Record is one exported file: its name relative to the export folder and
// its bytes.
type Record struct {
	Name string
	Data []byte
}

// ExportDataCite loads the site as a build does (the same checks, the same
// diagnostics) and returns the DataCite record of every document with a
// brief (cite.Work.DataCite), named after the brief
// ("en/case-studies/tetemvar/tetemvar-en.datacite.json"), in the order of
// the site's documents. Nothing is rendered or written.
func ExportDataCite(opts Options) (recs []Record, diags diag.List, err error) {
	defer pool.Recover(&err, "")
	opts.defaults()
	l, diags := load(&opts, nil, nil)
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags, nil
	}
	// DataCite requires a publisher, and a repository refuses a record with
	// an empty one when its DOI is made: say so now, at site.yaml, rather
	// than write records that only fail there.
	if cfg := l.site.Config; cfg.Publisher.IsZero() {
		diags.Errorf(cfg.Pos("publisher"), `field "publisher" is missing: DataCite records must name who publishes the documents; add it to site.yaml, like publisher: "Miskolc Municipality"`)
		diags.Sort()
		return nil, diags, nil
	}
	// A record describes the brief whether or not this build makes PDFs
	// (site.yaml "briefs: false" only stops making them here).
	downloads := brief.Downloads(brief.Plan(l.site.Docs), l.site.BasePath, nil)
	// A DOI names one record: two documents (or two language versions)
	// with the same one would overwrite each other's record when deposited.
	doiAt := map[string]diag.Pos{}
	for _, p := range l.site.Docs {
		url := cite.BriefURL(downloads[p])
		if url == "" {
			continue
		}
		if d := strings.ToLower(p.Meta.DOI); d != "" { // DOIs ignore case
			pos, ok := p.Meta.Pos["doi"]
			if !ok {
				pos = diag.Pos{File: p.Doc.Path}
			}
			if first, ok := doiAt[d]; ok {
				diags.Errorf(pos, `field "doi": %s is also the DOI of %s; a DOI names one document in one language, so give each version its own, or leave it out and let the repository mint one`, p.Meta.DOI, first)
			} else {
				doiAt[d] = pos
			}
		}
		w := cite.Of(l.site, p, url)
		recs = append(recs, Record{
			Name: cite.DataCiteName(p.Path + cite.FileBase(url) + ".pdf"),
			Data: w.DataCite(l.cat.T(p.Lang, "type."+p.Meta.Type)),
		})
	}
	if diags.HasErrors() {
		diags.Sort()
		return nil, diags, nil
	}
	return recs, diags, nil
}

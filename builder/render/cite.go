package render

import (
	"html/template"

	"github.com/4im-project/dissem/builder/cite"
	"github.com/4im-project/dissem/builder/resolve"
)

// citeWork describes the page's document for citation, or nil for a page
// that is not a document. It is made once a page: the head's tags, the
// JSON-LD and the "Cite this" box all read it.
func (v *View) citeWork() *cite.Work {
	if v.Kind != resolve.KindDocument || v.Meta == nil {
		return nil
	}
	if v.work == nil {
		v.work = cite.Of(v.r.site, v.Page, cite.BriefURL(v.Downloads()))
	}
	return v.work
}

// CitationTags are the Highwire Press citation_* meta tags of a document
// page (Google Scholar, Zotero), or nothing on other pages.
func (v *View) CitationTags() template.HTML {
	if w := v.citeWork(); w != nil {
		return w.MetaTags()
	}
	return ""
}

// CiteBox is what the "Cite this" box shows: the citation typeset for the
// page's language, and the citation files beside the page.
type CiteBox struct {
	cite.Text
	// Files are the BibTeX, RIS and CSL-JSON files, in that order.
	Files []CiteFile
}

// CiteFile is a link to a citation file.
type CiteFile struct{ Label, URL, Type string }

// citeFormats name the files' formats and media types, by extension.
var citeFormats = map[string][2]string{
	".bib":  {"BibTeX", "application/x-bibtex"},
	".ris":  {"RIS", "application/x-research-info-systems"},
	".json": {"CSL-JSON", "application/vnd.citationstyles.csl+json"},
}

// Citation is the "Cite this" box of a document with a brief, or nil: a
// document without a brief is not a publication one cites.
func (v *View) Citation() *CiteBox {
	w := v.citeWork()
	if w == nil || w.PDF == "" {
		return nil
	}
	t := w.Text(v.T("cite_and"), v.T("cite_report_no"))
	for _, s := range []*string{&t.Authors, &t.Title, &t.Report, &t.Publisher} {
		*s = v.lang.Typeset(*s)
	}
	box := &CiteBox{Text: t}
	base := cite.FileBase(cite.BriefURL(v.Downloads()))
	for _, ext := range cite.Extensions {
		f := citeFormats[ext]
		box.Files = append(box.Files, CiteFile{Label: f[0], URL: v.URL + base + ext, Type: f[1]})
	}
	return box
}

// CiteFiles are the citation files of document page p, written beside it
// (names relative to p.Path), or nil when it has no brief.
func (r *Renderer) CiteFiles(p *resolve.Page) []cite.File {
	brief := cite.BriefURL(r.downloads[p])
	if p.Kind != resolve.KindDocument || brief == "" {
		return nil
	}
	w := cite.Of(r.site, p, brief)
	return w.Files(cite.FileBase(brief), r.cat.T(p.Lang, "type."+p.Meta.Type))
}

package cite

import (
	"html/template"
	"strings"
)

// Tag is one Highwire Press meta tag.
type Tag struct{ Name, Content string }

// Tags are the Highwire Press citation_* tags of the work, in the order
// Google Scholar's inclusion guidelines list them: title, one
// citation_author per author (the publisher when the document names none,
// since Scholar ignores a record without an author), the publication date
// as YYYY/MM/DD, the PDF, language, publisher, and for reports the
// institution and number; the DOI when there is one.
func (w *Work) Tags() []Tag {
	tags := []Tag{{"citation_title", w.Title}}
	for _, a := range w.Authors {
		tags = append(tags, Tag{"citation_author", a})
	}
	tags = append(tags, Tag{"citation_publication_date", w.Published.Format("2006/01/02")})
	if !w.Modified.IsZero() {
		tags = append(tags, Tag{"citation_online_date", w.Modified.Format("2006/01/02")})
	}
	if w.PDF != "" {
		tags = append(tags, Tag{"citation_pdf_url", w.PDF})
	}
	tags = append(tags, Tag{"citation_language", w.Lang})
	if w.Publisher != "" {
		tags = append(tags, Tag{"citation_publisher", w.Publisher})
		if w.IsReport() {
			tags = append(tags, Tag{"citation_technical_report_institution", w.Publisher})
		}
	}
	if w.ReportNumber != "" {
		tags = append(tags, Tag{"citation_technical_report_number", w.ReportNumber})
	}
	if w.DOI != "" {
		tags = append(tags, Tag{"citation_doi", w.DOI})
	}
	for _, k := range w.Keywords {
		tags = append(tags, Tag{"citation_keywords", k})
	}
	tags = append(tags, Tag{"citation_abstract_html_url", w.URL})
	return tags
}

// MetaTags are Tags as HTML, one <meta> a line, for the page's head: one
// value instead of a template loop (every document page has a dozen).
func (w *Work) MetaTags() template.HTML {
	var b strings.Builder
	for _, t := range w.Tags() {
		b.WriteString("\n<meta name=\"")
		b.WriteString(t.Name)
		b.WriteString("\" content=\"")
		b.WriteString(template.HTMLEscapeString(t.Content))
		b.WriteString("\">")
	}
	return template.HTML(b.String())
}

// Package brief lays out print-quality PDF briefs from the goldmark AST of a
// document: a cover with the document's metadata, justified and hyphenated
// text, tables, images, footnotes and bookmarks. It computes every box, line
// and page itself; fpdf only draws the result.
//
// An [Engine] holds what is expensive to prepare (font metrics, hyphenation
// patterns) and is shared by all briefs of a build.
package brief

import (
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/markdown"
)

// LabelKeys lists the keys of [Meta.Labels]; every language should define
// each of them. English fallbacks are used for missing ones.
var LabelKeys = []string{
	"authors", "partners", "date", "language", "web", "page", "contents",
	"indicator", "value", "target", "notes", "funding", "licence",
}

var fallbackLabels = map[string]string{
	"authors": "Authors", "partners": "Partners", "date": "Date", "language": "Language",
	"web": "Web", "page": "Page", "contents": "Contents", "indicator": "Indicator",
	"value": "Value", "target": "Target", "notes": "Notes", "funding": "Funding",
	"licence": "Licence",
}

// Indicator is one row of a case study's indicator table.
type Indicator struct{ Name, Value, Target string }

// Meta is what the cover page and the PDF metadata show.
type Meta struct {
	Lang, LanguageName        string // "hu", "Magyar"
	SiteTitle                 string
	Title, TypeLabel, Summary string
	Authors, Partners         []string
	Keywords                  []string
	Date                      time.Time // also the fixed creation/modification date of the PDF
	DateText                  string    // formatted for the language
	URL                       string    // absolute web address of the document
	Funding, Licence          string    // in the language
	// DOI ("10.5281/zenodo.1", bare), ReportNumber, the licence's name and
	// address ("CC BY 4.0", its https address; empty: the site's) and the
	// publisher go into the PDF's XMP metadata for citation (xmp.go).
	DOI, ReportNumber       string
	LicenceName, LicenceURL string
	Publisher               string
	// FundedBy is the EU funding statement printed beside the emblem on
	// the cover ("Funded by the European Union"); empty: no emblem.
	FundedBy   string
	Indicators []Indicator
	// Boxes are the document's structured content (a policy paper's key
	// recommendations, a case study's key facts …), set in boxes at the
	// start of the body.
	Boxes []Box
	// Image is the lead picture (a destination Document.ReadFile reads)
	// and ImageAlt its description; shown on the cover.
	Image, ImageAlt string
	Labels          map[string]string // keys in LabelKeys
	// NoBreakAfter are the words Document.NoBreak keeps with the next
	// (the language's no_break_after): part of the cache key, as editing
	// them changes where lines break.
	NoBreakAfter []string
}

// Box is structured content set apart in a tinted box: label–value facts,
// lists (recommendations, outcomes, steps) and a table (indicators), each
// part optional, in that order.
type Box struct {
	Title string
	Facts []Fact
	Lists []BoxList
	// Table is a table of plain text, its first row the header.
	Table [][]string
}

// Fact is one label and value of a box ("Period", "2021 – 2024").
type Fact struct{ Label, Value string }

// BoxList is a list inside a box, with an optional title.
type BoxList struct {
	Title   string
	Items   []string
	Ordered bool
}

// label returns a localized label, or its English fallback.
func (m *Meta) label(key string) string {
	if s := m.Labels[key]; s != "" {
		return s
	}
	return fallbackLabels[key]
}

// Document is one brief: its metadata and parsed body.
type Document struct {
	Meta
	// Body is the parsed body, with link destinations already rewritten to
	// site paths ("/en/guides/x/#frag") or external URLs.
	Body *markdown.Doc
	// BaseURL ("https://example.eu/") turns site paths into absolute URLs.
	BaseURL string
	// ReadFile reads an image the body refers to, by its destination.
	ReadFile func(name string) ([]byte, error)
	// NoBreak reports whether the space after a text must not break: the
	// text ends with a Slovak one-letter preposition or a Hungarian
	// article (i18n.Lang.NoBreakBefore). Nil: every space may break.
	NoBreak func(text string) bool
	// Logo is the site's logo (PNG or JPEG) for the cover; nil: the
	// site's mark is drawn.
	Logo []byte
	// Video and Gallery are the document's media, set after the body
	// (media.go); nil: none.
	Video   *Video
	Gallery *Gallery
}

// Bundle is a toolkit's replication guide: the toolkit's introduction and its
// guides, in order, in one PDF.
type Bundle struct {
	Meta             // the toolkit's
	Intro  *Document // the toolkit page's body; may be nil
	Guides []*Document
}

// Result is a rendered PDF.
type Result struct {
	PDF   []byte
	Pages int
}

// authorList joins names for one line or field: with commas, or with
// semicolons when a name has a comma of its own ("Kovács, Péter"), which
// commas between the names would make two people of.
func authorList(names []string) string {
	sep := ", "
	for _, n := range names {
		if strings.Contains(n, ",") {
			sep = "; "
			break
		}
	}
	return strings.Join(names, sep)
}

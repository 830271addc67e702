// Package schema knows dissem's content types and their fields. It turns a
// loaded document's front matter into a typed Meta, appending a diagnostic
// with the field's position for every problem.
package schema

import (
	"time"

	"github.com/4im-project/dissem/builder/diag"
)

// The content types.
const (
	CaseStudy    = "case-study"
	Guide        = "guide"
	PolicyPaper  = "policy-paper"
	EventReport  = "event-report"
	News         = "news"
	PressRelease = "press-release"
	Toolkit      = "toolkit"
	Page         = "page"
)

// Types lists every content type, in the order menus show them.
var Types = []string{CaseStudy, Guide, PolicyPaper, EventReport, News, PressRelease, Toolkit, Page}

// SectionTypes maps the default content folders to their types.
var SectionTypes = map[string]string{
	"case-studies":  CaseStudy,
	"guides":        Guide,
	"policy-papers": PolicyPaper,
	"events":        EventReport,
	"news":          News,
	"press":         PressRelease,
	"toolkits":      Toolkit,
	"":              Page,
}

// Period is a span of time, such as a pilot's duration.
type Period struct{ Start, End time.Time }

// Indicator is a measured result against its target.
type Indicator struct{ Name, Value, Target string }

// Meta is a document's validated front matter.
type Meta struct {
	Type string

	Title, Summary                         string
	Date, Lastmod, PublishDate, ExpiryDate time.Time
	Authors, Partners, Cities, Topics      []string
	WPTask, Slug, TranslationKey           string
	Draft                                  bool
	// Incomplete marks a draft whose fields have problems (reported as
	// warnings); it is left out of every build, even with drafts shown.
	Incomplete bool
	// TranslatedFrom is the short hash of the source-language body this
	// translation was made from (see dissem status).
	TranslatedFrom  string
	Image, ImageAlt string
	ImageCredit     string // who made the image ("Photo: Anna Kovács"); optional
	Brief           bool
	Attachments     []string
	// DOI (bare, "10.5281/zenodo.1"), ReportNumber and Licence (zero
	// when the site's applies, see LicenceOf) are for citations (cite.go).
	DOI, ReportNumber string
	Licence           Licence
	// Gallery and Video are the document's photos and video (av.go).
	Gallery []GalleryPhoto
	Video   *Video

	// case-study
	City, Country string
	Period        Period
	Outcomes      []string
	Indicators    []Indicator
	// guide
	Audience string
	Toolkit  string
	Order    int
	Steps    []string
	// policy-paper
	Recommendations []string
	// event-report
	EventDate    time.Time
	Location     string
	Participants int
	Organisers   []string
	// EventEnd is the last day of an event of several days (zero: one day).
	EventEnd time.Time

	// Pos is where each field was written, for later stages' messages.
	Pos map[string]diag.Pos
}

// Terms returns the document's terms of a taxonomy field.
func (m *Meta) Terms(taxonomy string) []string {
	switch taxonomy {
	case "topics":
		return m.Topics
	case "partners":
		return m.Partners
	case "cities":
		return m.Cities
	case "authors":
		return m.Authors
	}
	return nil
}

// BriefByDefault reports whether a type gets a PDF brief unless it says otherwise.
func BriefByDefault(typ string) bool {
	return typ == Guide || typ == CaseStudy || typ == PolicyPaper
}

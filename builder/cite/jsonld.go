package cite

import (
	"strings"

	"github.com/4im-project/dissem/builder/schema"
)

// jsonType is the schema.org type of a content type: Report for the
// project's reports (case studies, guides, policy papers), Event for event
// reports, NewsArticle for news and press releases.
func jsonType(typ string) string {
	switch typ {
	case schema.News, schema.PressRelease:
		return "NewsArticle"
	case schema.EventReport:
		return "Event"
	case schema.Guide, schema.CaseStudy, schema.PolicyPaper:
		return "Report"
	case schema.Toolkit:
		return "HowTo"
	case schema.Page:
		return "WebPage"
	}
	return "Article"
}

// JSON-LD is written from structs, not maps: encoding/json encodes a
// struct without sorting its keys or boxing its values, and JSON-LD is on
// every page (a map of twenty keys cost a document page 40 µs).

// LD is a document's JSON-LD: a creative work, or an event with the
// report about it as SubjectOf. The renderer may set Image.
type LD struct {
	Context             string   `json:"@context,omitempty"`
	Type                string   `json:"@type"`
	ID                  string   `json:"@id"`
	Name                string   `json:"name"`
	Headline            string   `json:"headline,omitempty"`
	Description         string   `json:"description"`
	InLanguage          string   `json:"inLanguage"`
	URL                 string   `json:"url"`
	StartDate           string   `json:"startDate,omitempty"`
	EndDate             string   `json:"endDate,omitempty"`
	EventAttendanceMode string   `json:"eventAttendanceMode,omitempty"`
	EventStatus         string   `json:"eventStatus,omitempty"`
	Location            *ldPlace `json:"location,omitempty"`
	Organizer           []ldOrg  `json:"organizer,omitempty"`
	DatePublished       string   `json:"datePublished,omitempty"`
	DateModified        string   `json:"dateModified,omitempty"`
	IsAccessibleForFree bool     `json:"isAccessibleForFree,omitempty"`
	Author              []ldOrg  `json:"author,omitempty"`
	Publisher           *ldOrg   `json:"publisher,omitempty"`
	Keywords            string   `json:"keywords,omitempty"`
	License             string   `json:"license,omitempty"`
	Funder              *ldOrg   `json:"funder,omitempty"`
	Funding             *ldGrant `json:"funding,omitempty"`
	ReportNumber        string   `json:"reportNumber,omitempty"`
	Identifier          *ldDOI   `json:"identifier,omitempty"`
	SameAs              string   `json:"sameAs,omitempty"`
	Encoding            *ldMedia `json:"encoding,omitempty"`
	WorkTranslation     []ldRef  `json:"workTranslation,omitempty"`
	TranslationOfWork   *ldRef   `json:"translationOfWork,omitempty"`
	SubjectOf           *LD      `json:"subjectOf,omitempty"`
	Image               any      `json:"image,omitempty"`
}

// ldOrg is a schema.org Organization.
type ldOrg struct {
	Type       string `json:"@type"`
	ID         string `json:"@id,omitempty"`
	Name       string `json:"name"`
	Identifier string `json:"identifier,omitempty"`
}

// ldRef is another language version of the work.
type ldRef struct {
	Type       string `json:"@type"`
	ID         string `json:"@id"`
	Name       string `json:"name,omitempty"`
	InLanguage string `json:"inLanguage"`
	URL        string `json:"url"`
}

// ldGrant is the grant the work was funded by; its funder is the
// programme (a FundingScheme, "EaSI") when site.yaml names one, else the
// funding organisation.
type ldGrant struct {
	Type       string `json:"@type"`
	Funder     any    `json:"funder"`
	Identifier string `json:"identifier"`
	Name       string `json:"name,omitempty"`
}

// ldScheme is a funding programme of an organisation.
type ldScheme struct {
	Type   string `json:"@type"`
	Name   string `json:"name"`
	Parent *ldOrg `json:"parentOrganization"`
}

// ldDOI is the work's DOI as a PropertyValue.
type ldDOI struct {
	Type       string `json:"@type"`
	PropertyID string `json:"propertyID"`
	URL        string `json:"url"`
	Value      string `json:"value"`
}

// ldMedia is the brief.
type ldMedia struct {
	Type           string `json:"@type"`
	ContentURL     string `json:"contentUrl"`
	EncodingFormat string `json:"encodingFormat"`
	InLanguage     string `json:"inLanguage"`
}

// ldPlace is where an event took place: a Place with its address, or a
// VirtualLocation (with the meeting's address when the location gives one).
type ldPlace struct {
	Type    string     `json:"@type"`
	Name    string     `json:"name"`
	URL     string     `json:"url,omitempty"`
	Address *ldAddress `json:"address,omitempty"`
}

// ldAddress is a PostalAddress as editors write one ("Town Hall, Miskolc, Hungary").
type ldAddress struct {
	Type     string `json:"@type"`
	Street   string `json:"streetAddress,omitempty"`
	Locality string `json:"addressLocality"`
	Country  string `json:"addressCountry,omitempty"`
}

func org(name string) ldOrg { return ldOrg{Type: "Organization", Name: name} }

// funder is the funding organisation, with its identifier when known.
func (w *Work) funder() *ldOrg {
	if w.Funder.Name == "" {
		return nil
	}
	f := org(w.Funder.Name)
	f.ID, f.Identifier = w.Funder.Identifier, w.Funder.Identifier
	return &f
}

// JSONLD describes the work in schema.org terms. An event report is the
// Event itself (what search engines show as an event), with the report
// about it as its subjectOf; every other document is the creative work.
func (w *Work) JSONLD() *LD {
	typ := jsonType(w.Type)
	if typ != "Event" {
		ld := w.creativeWork(typ)
		ld.Context = "https://schema.org"
		return ld
	}
	ev := &LD{
		Context: "https://schema.org", Type: "Event", ID: w.URL + "#event",
		Name: w.Title, Description: w.Summary, URL: w.URL, InLanguage: w.Lang,
		StartDate: w.EventStart.Format("2006-01-02"), EndDate: w.EventEnd.Format("2006-01-02"),
		EventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
		EventStatus:         "https://schema.org/EventScheduled",
		Funder:              w.funder(),
		SubjectOf:           w.creativeWork("Report"),
	}
	if url, ok := online(w.Location); ok {
		// A webinar is not a place with an address in a town called "Online".
		ev.EventAttendanceMode = "https://schema.org/OnlineEventAttendanceMode"
		ev.Location = &ldPlace{Type: "VirtualLocation", Name: w.Location, URL: url}
	} else if w.Location != "" {
		street, locality, country := place(w.Location)
		ev.Location = &ldPlace{Type: "Place", Name: w.Location,
			Address: &ldAddress{Type: "PostalAddress", Street: street, Locality: locality, Country: country}}
	}
	organisers := w.Organisers
	if len(organisers) == 0 && w.Publisher != "" {
		organisers = []string{w.Publisher}
	}
	for _, o := range organisers {
		ev.Organizer = append(ev.Organizer, org(o))
	}
	return ev
}

// creativeWork is the work as a schema.org CreativeWork of type typ.
func (w *Work) creativeWork(typ string) *LD {
	ld := &LD{
		Type: typ, ID: w.URL, Name: w.Title, Headline: w.Title, Description: w.Summary,
		InLanguage: w.Lang, URL: w.URL, DatePublished: w.Published.Format("2006-01-02"),
		IsAccessibleForFree: true, License: w.Licence.URL, Funder: w.funder(),
	}
	if typ == "HowTo" || typ == "WebPage" {
		ld.Headline = ""
	}
	if w.Publisher != "" {
		p := org(w.Publisher)
		ld.Publisher = &p
	}
	if !w.Modified.IsZero() {
		ld.DateModified = w.Modified.Format("2006-01-02")
	}
	if typ != "WebPage" && len(w.Authors) > 0 {
		ld.Author = make([]ldOrg, len(w.Authors))
		for i, a := range w.Authors {
			ld.Author[i] = org(a)
		}
	}
	if len(w.Keywords) > 0 {
		ld.Keywords = strings.Join(w.Keywords, ", ")
	}
	if ld.Funder != nil && w.GrantNumber != "" {
		ld.Funding = &ldGrant{Type: "MonetaryGrant", Identifier: w.GrantNumber, Name: w.GrantTitle, Funder: ld.Funder}
		if w.Funder.Programme != "" {
			ld.Funding.Funder = ldScheme{Type: "FundingScheme", Name: w.Funder.Programme, Parent: ld.Funder}
		}
	}
	if typ == "Report" {
		ld.ReportNumber = w.ReportNumber
	}
	if w.DOI != "" {
		ld.Identifier = &ldDOI{Type: "PropertyValue", PropertyID: "DOI", Value: w.DOI, URL: w.DOIURL()}
		ld.SameAs = w.DOIURL()
	}
	if w.PDF != "" {
		ld.Encoding = &ldMedia{Type: "MediaObject", ContentURL: w.PDF, EncodingFormat: "application/pdf", InLanguage: w.Lang}
	}
	if len(w.Versions) > 1 {
		for _, v := range w.Versions {
			switch {
			case w.Lang == w.Original && v.Lang != w.Lang:
				ld.WorkTranslation = append(ld.WorkTranslation, version(typ, v))
			case w.Lang != w.Original && v.Lang == w.Original:
				r := version(typ, v)
				ld.TranslationOfWork = &r
			}
		}
	}
	return ld
}

// version is a language version of the work, as JSON-LD names it.
func version(typ string, v Version) ldRef {
	return ldRef{Type: typ, ID: v.URL, URL: v.URL, Name: v.Title, InLanguage: v.Lang}
}

// online reports whether an event's location says it was held online, as
// editors write it in any of the site's languages ("Online", "online (Zoom)",
// "Online, MS Teams", "Webinar") or as the meeting's address, which is
// then url.
func online(loc string) (url string, ok bool) {
	s := strings.ToLower(strings.TrimSpace(loc))
	if strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://") {
		return strings.TrimSpace(loc), true
	}
	for _, w := range []string{"online", "webinar"} {
		if rest, ok := strings.CutPrefix(s, w); ok && (rest == "" || strings.ContainsRune(" ,;:(–-", []rune(rest)[0])) {
			return "", true
		}
	}
	return "", false
}

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

// The parts of the JSON-LD below the top are structs, not maps: they
// encode without sorting keys or boxing values (JSON-LD is on every page).
// The top stays a map, so the renderer can add to it (a lead image).

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

// ldPlace is where an event took place.
type ldPlace struct {
	Type    string    `json:"@type"`
	Name    string    `json:"name"`
	Address ldAddress `json:"address"`
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
func (w *Work) JSONLD() map[string]any {
	typ := jsonType(w.Type)
	if typ == "Event" {
		report := w.creativeWork("Report")
		delete(report, "@context")
		ev := map[string]any{
			"@context": "https://schema.org", "@type": "Event", "@id": w.URL + "#event",
			"name": w.Title, "description": w.Summary, "url": w.URL, "inLanguage": w.Lang,
			"startDate": w.EventStart.Format("2006-01-02"), "endDate": w.EventEnd.Format("2006-01-02"),
			"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
			"eventStatus":         "https://schema.org/EventScheduled",
			"subjectOf":           report,
		}
		if w.Location != "" {
			street, locality, country := place(w.Location)
			ev["location"] = ldPlace{Type: "Place", Name: w.Location,
				Address: ldAddress{Type: "PostalAddress", Street: street, Locality: locality, Country: country}}
		}
		organisers := w.Organisers
		if len(organisers) == 0 && w.Publisher != "" {
			organisers = []string{w.Publisher}
		}
		var orgs []ldOrg
		for _, o := range organisers {
			orgs = append(orgs, org(o))
		}
		if orgs != nil {
			ev["organizer"] = orgs
		}
		if f := w.funder(); f != nil {
			ev["funder"] = f
		}
		return ev
	}
	return w.creativeWork(typ)
}

// creativeWork is the work as a schema.org CreativeWork of type typ.
func (w *Work) creativeWork(typ string) map[string]any {
	data := map[string]any{
		"@context": "https://schema.org", "@type": typ, "@id": w.URL,
		"headline": w.Title, "name": w.Title, "description": w.Summary,
		"inLanguage": w.Lang, "url": w.URL, "datePublished": w.Published.Format("2006-01-02"),
		"isAccessibleForFree": true,
	}
	if typ == "HowTo" || typ == "WebPage" {
		delete(data, "headline")
	}
	if w.Publisher != "" {
		data["publisher"] = org(w.Publisher)
	}
	if !w.Modified.IsZero() {
		data["dateModified"] = w.Modified.Format("2006-01-02")
	}
	if typ != "WebPage" && len(w.Authors) > 0 {
		authors := make([]ldOrg, len(w.Authors))
		for i, a := range w.Authors {
			authors[i] = org(a)
		}
		data["author"] = authors
	}
	if len(w.Keywords) > 0 {
		data["keywords"] = strings.Join(w.Keywords, ", ")
	}
	if w.Licence.URL != "" {
		data["license"] = w.Licence.URL
	}
	if f := w.funder(); f != nil {
		data["funder"] = f
		if w.GrantNumber != "" {
			grant := ldGrant{Type: "MonetaryGrant", Identifier: w.GrantNumber, Name: w.GrantTitle, Funder: f}
			if w.Funder.Programme != "" {
				grant.Funder = ldScheme{Type: "FundingScheme", Name: w.Funder.Programme, Parent: f}
			}
			data["funding"] = grant
		}
	}
	if typ == "Report" && w.ReportNumber != "" {
		data["reportNumber"] = w.ReportNumber
	}
	if w.DOI != "" {
		data["identifier"] = ldDOI{Type: "PropertyValue", PropertyID: "DOI", Value: w.DOI, URL: w.DOIURL()}
		data["sameAs"] = w.DOIURL()
	}
	if w.PDF != "" {
		data["encoding"] = ldMedia{Type: "MediaObject", ContentURL: w.PDF, EncodingFormat: "application/pdf", InLanguage: w.Lang}
	}
	if len(w.Versions) > 1 {
		if w.Lang == w.Original {
			tr := make([]ldRef, 0, len(w.Versions)-1)
			for _, v := range w.Versions {
				if v.Lang != w.Lang {
					tr = append(tr, version(typ, v))
				}
			}
			data["workTranslation"] = tr
		} else {
			for _, v := range w.Versions {
				if v.Lang == w.Original {
					data["translationOfWork"] = version(typ, v)
				}
			}
		}
	}
	return data
}

// version is a language version of the work, as JSON-LD names it.
func version(typ string, v Version) ldRef {
	return ldRef{Type: typ, ID: v.URL, URL: v.URL, Name: v.Title, InLanguage: v.Lang}
}

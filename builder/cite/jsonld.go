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

func org(name string) map[string]any { return map[string]any{"@type": "Organization", "name": name} }

// funder is the funding organisation, with its identifier when known.
func (w *Work) funder() map[string]any {
	if w.Funder.Name == "" {
		return nil
	}
	f := org(w.Funder.Name)
	if w.Funder.Identifier != "" {
		f["@id"] = w.Funder.Identifier
		f["identifier"] = w.Funder.Identifier
	}
	return f
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
			addr := map[string]any{"@type": "PostalAddress", "addressLocality": locality}
			if street != "" {
				addr["streetAddress"] = street
			}
			if country != "" {
				addr["addressCountry"] = country
			}
			ev["location"] = map[string]any{"@type": "Place", "name": w.Location, "address": addr}
		}
		organisers := w.Organisers
		if len(organisers) == 0 && w.Publisher != "" {
			organisers = []string{w.Publisher}
		}
		var orgs []map[string]any
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
	if typ != "WebPage" {
		var authors []map[string]any
		for _, a := range w.Authors {
			authors = append(authors, org(a))
		}
		if authors != nil {
			data["author"] = authors
		}
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
			grant := map[string]any{"@type": "MonetaryGrant", "identifier": w.GrantNumber, "funder": f}
			if w.GrantTitle != "" {
				grant["name"] = w.GrantTitle
			}
			data["funding"] = grant
		}
	}
	if typ == "Report" && w.ReportNumber != "" {
		data["reportNumber"] = w.ReportNumber
	}
	if w.DOI != "" {
		data["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "DOI", "value": w.DOI, "url": w.DOIURL()}
		data["sameAs"] = w.DOIURL()
	}
	if w.PDF != "" {
		data["encoding"] = map[string]any{"@type": "MediaObject", "contentUrl": w.PDF, "encodingFormat": "application/pdf", "inLanguage": w.Lang}
	}
	if len(w.Versions) > 1 {
		if w.Lang == w.Original {
			var tr []map[string]any
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
func version(typ string, v Version) map[string]any {
	m := map[string]any{"@type": typ, "@id": v.URL, "url": v.URL, "inLanguage": v.Lang}
	if v.Title != "" {
		m["name"] = v.Title
	}
	return m
}

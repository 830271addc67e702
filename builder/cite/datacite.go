package cite

import (
	"encoding/json"
	"strings"

	"github.com/4im-project/dissem/builder/schema"
)

// DataCite records follow the DataCite Metadata Schema 4.6, in the JSON of
// DataCite's REST API ({"data": {"type": "dois", "attributes": …}}), so a
// record can be sent as it is to create a draft DOI (or be read by a
// repository such as Zenodo that mints them). Kernel 4.6 is the first with
// the relation types HasTranslation and IsTranslationOf, which link the
// language versions of a document; 4.5 had none for translations.

// resourceTypeGeneral is DataCite's general type of a content type.
func resourceTypeGeneral(typ string) string {
	switch typ {
	case schema.CaseStudy, schema.Guide, schema.PolicyPaper:
		return "Report"
	case schema.EventReport:
		return "Event"
	}
	return "Text"
}

// funderIdentifierType names the scheme of a funder's identifier by its address.
func funderIdentifierType(id string) string {
	switch {
	case strings.HasPrefix(id, "https://doi.org/10.13039/"):
		return "Crossref Funder ID"
	case strings.HasPrefix(id, "https://ror.org/"):
		return "ROR"
	case strings.HasPrefix(id, "https://isni.org/"):
		return "ISNI"
	case strings.HasPrefix(id, "https://www.grid.ac/"):
		return "GRID"
	}
	return "Other"
}

// DataCite is the work's DataCite record, indented JSON. typeLabel is the
// document type in the document's language ("Case study").
func (w *Work) DataCite(typeLabel string) []byte {
	a := map[string]any{
		"schemaVersion":   "http://datacite.org/schema/kernel-4",
		"url":             w.URL,
		"titles":          []map[string]any{{"title": w.Title, "lang": w.Lang}},
		"publisher":       map[string]any{"name": w.Publisher},
		"publicationYear": w.Published.Year(),
		"language":        w.Lang,
		"types": map[string]any{
			"resourceTypeGeneral": resourceTypeGeneral(w.Type), "resourceType": typeLabel,
			"schemaOrg": jsonType(w.Type), "bibtex": map[bool]string{true: "techreport", false: "misc"}[w.IsReport()],
			"citeproc": w.cslType(), "ris": w.risType(),
		},
	}
	if w.PDF != "" {
		a["formats"] = []string{"application/pdf"}
		a["contentUrl"] = []string{w.PDF} // the file to deposit
	}
	var ids []map[string]any
	if w.DOI != "" {
		a["doi"] = w.DOI
		ids = append(ids, map[string]any{"identifier": w.DOIURL(), "identifierType": "DOI"})
	}
	if w.ReportNumber != "" {
		ids = append(ids, map[string]any{"identifier": w.ReportNumber, "identifierType": "Report number"})
	}
	if ids != nil {
		a["identifiers"] = ids
	}
	var creators []map[string]any
	for _, name := range w.Authors {
		c := map[string]any{"name": name}
		if w.Corporate || w.IsOrg(name) {
			c["nameType"] = "Organizational"
		}
		creators = append(creators, c)
	}
	a["creators"] = creators
	dates := []map[string]any{{"date": w.Published.Format("2006-01-02"), "dateType": "Issued"}}
	if !w.Modified.IsZero() {
		dates = append(dates, map[string]any{"date": w.Modified.Format("2006-01-02"), "dateType": "Updated"})
	}
	if !w.EventStart.IsZero() {
		d := w.EventStart.Format("2006-01-02")
		if !w.EventEnd.Equal(w.EventStart) {
			d += "/" + w.EventEnd.Format("2006-01-02")
		}
		dates = append(dates, map[string]any{"date": d, "dateType": "Other", "dateInformation": "Event"})
	}
	a["dates"] = dates
	if w.Summary != "" {
		a["descriptions"] = []map[string]any{{"description": w.Summary, "descriptionType": "Abstract", "lang": w.Lang}}
	}
	if len(w.Keywords) > 0 {
		var subjects []map[string]any
		for _, k := range w.Keywords {
			subjects = append(subjects, map[string]any{"subject": k, "lang": w.Lang})
		}
		a["subjects"] = subjects
	}
	if w.Licence.URL != "" {
		r := map[string]any{"rights": w.Licence.Name, "rightsUri": w.Licence.URL}
		if w.Licence.ID != "" {
			r["rightsIdentifier"] = strings.ToLower(w.Licence.ID)
			r["rightsIdentifierScheme"] = "SPDX"
			r["schemeUri"] = "https://spdx.org/licenses/"
		}
		a["rightsList"] = []map[string]any{r}
	}
	if w.Funder.Name != "" {
		f := map[string]any{"funderName": w.Funder.Name}
		if w.Funder.Identifier != "" {
			f["funderIdentifier"] = w.Funder.Identifier
			f["funderIdentifierType"] = funderIdentifierType(w.Funder.Identifier)
		}
		if w.GrantNumber != "" {
			f["awardNumber"] = w.GrantNumber
		}
		if w.GrantTitle != "" {
			f["awardTitle"] = w.GrantTitle
		}
		a["fundingReferences"] = []map[string]any{f}
	}
	var related []map[string]any
	for _, v := range w.Versions {
		if v.Lang == w.Lang || (w.Lang != w.Original && v.Lang != w.Original) {
			continue // the original lists its translations; a translation its original
		}
		rel := "HasTranslation"
		if w.Lang != w.Original {
			rel = "IsTranslationOf"
		}
		id, typ := v.URL, "URL"
		if v.DOI != "" {
			id, typ = v.DOI, "DOI"
		}
		related = append(related, map[string]any{"relatedIdentifier": id, "relatedIdentifierType": typ, "relationType": rel, "resourceTypeGeneral": resourceTypeGeneral(w.Type)})
	}
	if related != nil {
		a["relatedIdentifiers"] = related
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(map[string]any{"data": map[string]any{"type": "dois", "attributes": a}})
	return []byte(b.String())
}

// DataCiteName is the record's file name: the brief's, with
// ".datacite.json" for ".pdf".
func DataCiteName(briefPath string) string {
	return strings.TrimSuffix(briefPath, ".pdf") + ".datacite.json"
}

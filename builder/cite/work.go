// Package cite describes a document as a citable work: the Highwire Press
// citation_* tags Google Scholar reads, schema.org JSON-LD, the "Cite this"
// text, BibTeX, RIS and CSL-JSON files, and DataCite records for a
// repository that mints DOIs. Everything is derived from the resolved page
// and site.yaml; nothing is typed twice.
//
// Authors. Scholar drops a record without citation_author, and so do
// reference managers, so a document without authors is credited to the
// publisher as a corporate author (Work.Corporate). Names are kept as
// written: they cannot be split into given and family names reliably
// (Hungarian writes the family name first), so BibTeX gets each name in
// braces, CSL-JSON a "literal" name and DataCite the whole name.
package cite

import (
	"slices"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// Work is one language version of a document, described for citation.
type Work struct {
	Type    string // the content type (schema.CaseStudy …)
	Title   string
	Summary string
	Lang    string
	// Authors are the document's authors, or the publisher when it names
	// none (Corporate is then true).
	Authors   []string
	Corporate bool
	// Orgs are the names known to be organisations besides the publisher:
	// the partners and the organisers (DataCite's nameType, see IsOrg).
	Orgs      [][]string
	Publisher string
	Published time.Time
	Modified  time.Time // zero when never updated
	URL       string    // absolute address of the page
	PDF       string    // absolute address of the brief, or ""
	// Key names the work in BibTeX and CSL-JSON ("tetemvar-en").
	Key          string
	DOI          string // bare, "10.5281/zenodo.1"
	ReportNumber string
	Licence      schema.Licence
	Keywords     []string
	Funder       config.Funder
	GrantNumber  string
	GrantTitle   string
	// Versions are the document in every language it exists in (itself
	// included), in site order; Original is the language it was written in.
	Versions []Version
	Original string
	// Event reports.
	EventStart, EventEnd time.Time
	Location             string
	Organisers           []string
}

// Version is a language version of a document.
type Version struct {
	Lang, URL, Title, DOI string
}

// Of describes document page p of site s; pdf is the site URL of its
// brief, or "".
func Of(s *resolve.Site, p *resolve.Page, pdf string) *Work {
	cfg := s.Config
	m := p.Meta
	w := &Work{
		Type: m.Type, Title: p.Title, Summary: p.Summary, Lang: p.Lang,
		Authors: m.Authors, Publisher: cfg.PublisherIn(p.Lang),
		Published: p.Date, Modified: m.Lastmod, URL: s.AbsURL(p.URL),
		Key: p.Slug + "-" + p.Lang, DOI: m.DOI, ReportNumber: m.ReportNumber,
		Licence: schema.LicenceOf(cfg, m), Keywords: m.Topics,
		Funder: cfg.Funder, GrantNumber: cfg.GrantNumber, GrantTitle: cfg.GrantTitle,
		Orgs: [][]string{m.Partners, m.Organisers},
	}
	if pdf != "" {
		w.PDF = s.AbsURL(pdf)
	}
	if len(w.Authors) == 0 && w.Publisher != "" {
		w.Authors, w.Corporate = []string{w.Publisher}, true
	}
	for _, code := range cfg.Codes() {
		v := p
		if code != p.Lang {
			v = p.Translations[code]
		}
		if v != nil {
			w.Versions = append(w.Versions, Version{Lang: code, URL: s.AbsURL(v.URL), Title: v.Title, DOI: v.Meta.DOI})
		}
	}
	// The original is the default language's version (the one translations
	// are made from, see dissem status), else the first there is.
	for _, v := range w.Versions {
		if v.Lang == cfg.DefaultLanguage {
			w.Original = v.Lang
		}
	}
	if w.Original == "" && len(w.Versions) > 0 {
		w.Original = w.Versions[0].Lang
	}
	if m.Type == schema.EventReport {
		w.EventStart, w.EventEnd, w.Location, w.Organisers = m.EventDate, m.EventEnd, m.Location, m.Organisers
		if w.EventEnd.IsZero() {
			w.EventEnd = w.EventStart
		}
	}
	return w
}

// IsOrg reports whether name is known to be an organisation: the
// publisher, a partner or an organiser.
func (w *Work) IsOrg(name string) bool {
	if name == w.Publisher {
		return true
	}
	for _, list := range w.Orgs {
		if slices.Contains(list, name) {
			return true
		}
	}
	return false
}

// IsReport reports whether the work is a report in the bibliographic sense
// (a technical report with an institution and a number).
func (w *Work) IsReport() bool {
	switch w.Type {
	case schema.CaseStudy, schema.Guide, schema.PolicyPaper, schema.EventReport, schema.Toolkit:
		return true
	}
	return false
}

// Year is the year of publication.
func (w *Work) Year() string { return w.Published.Format("2006") }

// DOIURL is the DOI as an address, or "".
func (w *Work) DOIURL() string {
	return schema.DOIAddress(w.DOI)
}

// Link is where a reader should go: the DOI when there is one, else the page.
func (w *Work) Link() string {
	if w.DOI != "" {
		return w.DOIURL()
	}
	return w.URL
}

// place splits a location as editors write it ("Town Hall, Miskolc,
// Hungary") into street, locality and country: the last part is the
// country when there are two or more, the one before it the locality.
func place(loc string) (street, locality, country string) {
	parts := strings.Split(loc, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	switch n := len(parts); {
	case n == 1:
		return "", parts[0], ""
	case n == 2:
		return "", parts[0], parts[1]
	default:
		return strings.Join(parts[:n-2], ", "), parts[n-2], parts[n-1]
	}
}

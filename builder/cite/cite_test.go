package cite

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/cite/citetest"
	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/schema"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// works are the cases every format is checked on: hostile titles, accents,
// several authors, none, a DOI and report number, an event, a translation.
func works() map[string]*Work {
	base := func() *Work {
		return &Work{
			Type: schema.CaseStudy, Title: "Tetemvár", Summary: "A pilot.", Lang: "en",
			Publisher: "Miskolc Municipality", Published: day("2023-01-31"),
			URL: "https://4im.example.eu/en/case-studies/tetemvar/", PDF: "https://4im.example.eu/en/case-studies/tetemvar/tetemvar-en.pdf",
			Key:     "tetemvar-en",
			Licence: schema.Licence{ID: "CC-BY-4.0", Name: "CC BY 4.0", URL: "https://creativecommons.org/licenses/by/4.0/"},
			Funder:  config.Funder{Name: "European Commission", Identifier: "https://doi.org/10.13039/501100000780", Programme: "EaSI"}, GrantNumber: "VS/2021/0249",
			GrantTitle: "Initiative for innovative integrated interventions in Miskolc (4IM)",
			Authors:    []string{"4IM project team"}, Orgs: [][]string{{"AEIDL"}},
			Versions: []Version{{Lang: "en", URL: "https://4im.example.eu/en/case-studies/tetemvar/"},
				{Lang: "hu", URL: "https://4im.example.eu/hu/case-studies/tetemvar/", DOI: "10.5281/zenodo.42"}},
			Original: "en", Keywords: []string{"housing", "R&D"},
		}
	}
	ws := map[string]*Work{}
	ws["plain"] = base()
	w := base()
	w.Title = `Costs & benefits: 50% {more} for $5 #1 of_all ~x^2 C:\path`
	w.Summary = "Line one\nline two"
	ws["special characters"] = w
	w = base()
	w.Lang, w.Title, w.Authors = "hu", "Összehangolt támogatás – „Tetemvár” és Bábonyibérc", []string{"Márczis Márta", "Krank Andrea", "Miskolc Municipality"}
	w.Key, w.URL, w.DOI = "tetemvar-hu", "https://4im.example.eu/hu/case-studies/tetemvar/", "10.5281/zenodo.42"
	ws["hungarian translation, three authors, DOI"] = w
	w = base()
	w.Lang, w.Title, w.Type, w.ReportNumber = "sk", "Integrovaný model podpory: čo sa ukázalo v Košiciach", schema.PolicyPaper, "4IM-D5.5-03"
	w.Authors, w.Corporate = []string{"Miskolc Municipality"}, true
	w.Original, w.Modified = "sk", day("2024-02-29")
	w.Versions = append(w.Versions, Version{Lang: "sk", URL: "https://4im.example.eu/sk/policy-papers/model/"})
	ws["slovak policy paper, no authors, report number"] = w
	w = base()
	w.Type, w.Title, w.EventStart, w.EventEnd, w.Location = schema.EventReport, "Kick-off", day("2022-06-09"), day("2022-06-10"), "Town Hall, Miskolc, Hungary"
	w.Organisers = []string{"AEIDL"}
	ws["event over two days"] = w
	w = base()
	w.Type, w.Title, w.PDF, w.Licence, w.Funder, w.GrantNumber = schema.News, "News", "", schema.Licence{}, config.Funder{}, ""
	w.Versions, w.Keywords = w.Versions[:1], nil
	ws["news without brief, licence or funder"] = w
	return ws
}

var bibUnescaper = strings.NewReplacer(`\textbackslash{}`, `\`, `\textbraceleft{}`, `{`, `\textbraceright{}`, `}`, `\$`, `$`, `\&`, `&`, `\%`, `%`, `\#`, `#`,
	`\_`, `_`, `\textasciicircum{}`, `^`, `\textasciitilde{}`, `~`)

func TestBibTeX(t *testing.T) {
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			src := string(w.BibTeX("Case study"))
			e, err := citetest.ParseBibTeX(src)
			if err != nil {
				t.Fatalf("%v\n%s", err, src)
			}
			wantType := map[bool]string{true: "techreport", false: "misc"}[w.IsReport()]
			if e.Type != wantType || e.Key != w.Key {
				t.Errorf("@%s{%s, want @%s{%s", e.Type, e.Key, wantType, w.Key)
			}
			title := strings.TrimSuffix(strings.TrimPrefix(e.Fields["title"], "{"), "}")
			if got := bibUnescaper.Replace(title); got != strings.ReplaceAll(w.Title, "\n", " ") {
				t.Errorf("title reads back as %q, want %q", got, w.Title)
			}
			authors := strings.Split(e.Fields["author"], " and ")
			if len(authors) != len(w.Authors) {
				t.Fatalf("%d authors, want %d: %q", len(authors), len(w.Authors), e.Fields["author"])
			}
			for i, a := range authors {
				if a != "{"+w.Authors[i]+"}" {
					t.Errorf("author %d = %s, want {%s} (braced, as written, accents in UTF-8)", i, a, w.Authors[i])
				}
			}
			if e.Fields["year"] != w.Year() || e.Fields["url"] != w.URL || e.Fields["doi"] != w.DOI {
				t.Errorf("year %q url %q doi %q", e.Fields["year"], e.Fields["url"], e.Fields["doi"])
			}
			if w.IsReport() && (e.Fields["institution"] != w.Publisher || e.Fields["number"] != w.ReportNumber) {
				t.Errorf("institution %q number %q", e.Fields["institution"], e.Fields["number"])
			}
		})
	}
}

func TestRIS(t *testing.T) {
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			src := string(w.RIS())
			rec, err := citetest.ParseRIS(src)
			if err != nil {
				t.Fatalf("%v\n%q", err, src)
			}
			if ty := rec["TY"][0]; ty != w.risType() || (w.IsReport() && ty != "RPRT") {
				t.Errorf("TY %s", ty)
			}
			if strings.Join(rec["AU"], "|") != strings.Join(w.Authors, "|") {
				t.Errorf("AU %q, want %q", rec["AU"], w.Authors)
			}
			if rec["TI"][0] != w.Title || rec["PY"][0] != w.Year() || rec["DA"][0] != w.Published.Format("2006/01/02") || rec["UR"][0] != w.URL {
				t.Errorf("TI %q PY %q DA %q UR %q", rec["TI"], rec["PY"], rec["DA"], rec["UR"])
			}
			if (w.DOI != "") != (len(rec["DO"]) == 1) || (w.ReportNumber != "") != (len(rec["SN"]) == 1) || (w.PDF != "") != (len(rec["L1"]) == 1) {
				t.Errorf("DO %q SN %q L1 %q", rec["DO"], rec["SN"], rec["L1"])
			}
		})
	}
}

// TestRISOneLine: a value holding any character that ends a line stays on
// its own line, so it cannot begin a tag (or end the record) of its own.
func TestRISOneLine(t *testing.T) {
	w := works()["plain"]
	w.Title = "A\u2028ER  - \u2029TY  - JOUR\u0085AU  - X\r\nKW  - y\rz\nq"
	rec, err := citetest.ParseRIS(string(w.RIS()))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rec["TI"][0], "A ER  -  TY  - JOUR AU  - X KW  - y z q"; got != want {
		t.Errorf("TI %q, want %q", got, want)
	}
}

func TestCSL(t *testing.T) {
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			it, err := citetest.ParseCSL(w.CSL("Case study"))
			if err != nil {
				t.Fatal(err)
			}
			p := w.Published
			if it.Title != w.Title || it.URL != w.URL || it.DOI != w.DOI || it.Number != w.ReportNumber || it.Language != w.Lang ||
				it.Issued.DateParts[0][0] != p.Year() || it.Issued.DateParts[0][1] != int(p.Month()) || it.Issued.DateParts[0][2] != p.Day() {
				t.Errorf("item %+v", it)
			}
			if len(it.Author) != len(w.Authors) {
				t.Errorf("%d authors, want %d", len(it.Author), len(w.Authors))
			}
			if (w.EventStart.IsZero()) != (it.EventDate == nil) {
				t.Errorf("event-date %v for an event starting %v", it.EventDate, w.EventStart)
			}
		})
	}
}

func TestTags(t *testing.T) {
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			got := map[string][]string{}
			for _, tag := range w.Tags() {
				got[tag.Name] = append(got[tag.Name], tag.Content)
			}
			if len(got["citation_title"]) != 1 || got["citation_title"][0] != w.Title {
				t.Errorf("citation_title %q", got["citation_title"])
			}
			if strings.Join(got["citation_author"], "|") != strings.Join(w.Authors, "|") || len(got["citation_author"]) == 0 {
				t.Errorf("citation_author %q, want one per author %q", got["citation_author"], w.Authors)
			}
			if d := got["citation_publication_date"]; len(d) != 1 || d[0] != w.Published.Format("2006/01/02") {
				t.Errorf("citation_publication_date %q, want YYYY/MM/DD", d)
			}
			for tag, want := range map[string]string{"citation_pdf_url": w.PDF, "citation_doi": w.DOI, "citation_technical_report_number": w.ReportNumber, "citation_language": w.Lang} {
				if (want == "" && got[tag] != nil) || (want != "" && (len(got[tag]) != 1 || got[tag][0] != want)) {
					t.Errorf("%s = %q, want %q", tag, got[tag], want)
				}
			}
			if w.IsReport() != (got["citation_technical_report_institution"] != nil) {
				t.Errorf("citation_technical_report_institution %q for a %s", got["citation_technical_report_institution"], w.Type)
			}
			html := string(w.MetaTags())
			if strings.Count(html, "<meta ") != len(w.Tags()) || strings.Contains(html, "& ") {
				t.Errorf("meta tags not one per tag or not escaped:\n%s", html)
			}
		})
	}
}

func TestJSONLD(t *testing.T) {
	for name, w := range works() {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(w.JSONLD())
			if err != nil {
				t.Fatal(err)
			}
			var d map[string]any
			if err := json.Unmarshal(b, &d); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{schema.CaseStudy: "Report", schema.PolicyPaper: "Report", schema.EventReport: "Event", schema.News: "NewsArticle"}[w.Type]
			if d["@type"] != want || d["@context"] != "https://schema.org" {
				t.Fatalf("@type %v, want %s", d["@type"], want)
			}
			cw := d
			if want == "Event" {
				loc, _ := d["location"].(map[string]any)
				addr, _ := loc["address"].(map[string]any)
				if d["startDate"] != "2022-06-09" || d["endDate"] != "2022-06-10" || loc["@type"] != "Place" ||
					addr["addressLocality"] != "Miskolc" || addr["addressCountry"] != "Hungary" || addr["streetAddress"] != "Town Hall" || d["organizer"] == nil {
					t.Errorf("event %s", b)
				}
				cw, _ = d["subjectOf"].(map[string]any)
			}
			if cw["inLanguage"] != w.Lang || cw["datePublished"] != w.Published.Format("2006-01-02") || cw["publisher"] == nil {
				t.Errorf("work %s", b)
			}
			if (w.Licence.URL != "") != (cw["license"] == w.Licence.URL && w.Licence.URL != "") || (w.Funder.Name != "") != (cw["funder"] != nil) {
				t.Errorf("license %v funder %v", cw["license"], cw["funder"])
			}
			if grant, _ := cw["funding"].(map[string]any); w.GrantNumber != "" {
				scheme, _ := grant["funder"].(map[string]any)
				parent, _ := scheme["parentOrganization"].(map[string]any)
				if grant["identifier"] != w.GrantNumber || scheme["@type"] != "FundingScheme" || scheme["name"] != "EaSI" || parent["name"] != w.Funder.Name {
					t.Errorf("funding %v: want the grant from the EaSI scheme of the European Commission", grant)
				}
			}
			if (w.ReportNumber != "") != (cw["reportNumber"] == w.ReportNumber) {
				t.Errorf("reportNumber %v", cw["reportNumber"])
			}
			tr, orig := cw["workTranslation"], cw["translationOfWork"]
			switch {
			case len(w.Versions) < 2:
				if tr != nil || orig != nil {
					t.Errorf("translations of a single version: %v %v", tr, orig)
				}
			case w.Lang == w.Original:
				if list, _ := tr.([]any); len(list) != len(w.Versions)-1 || orig != nil {
					t.Errorf("original: workTranslation %v, translationOfWork %v", tr, orig)
				}
			default:
				if o, _ := orig.(map[string]any); o["inLanguage"] != w.Original || tr != nil {
					t.Errorf("translation: workTranslation %v, translationOfWork %v", tr, orig)
				}
			}
		})
	}
}

func TestText(t *testing.T) {
	w := works()["hungarian translation, three authors, DOI"]
	got := w.Text("és", "Jelentésszám: {n}")
	want := Text{Authors: "Márczis Márta, Krank Andrea és Miskolc Municipality", Year: "2023", Title: w.Title,
		Publisher: "Miskolc Municipality", Link: "https://doi.org/10.5281/zenodo.42"}
	if got != want {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	w = works()["slovak policy paper, no authors, report number"]
	got = w.Text("a", "Správa č. {n}")
	if got.Authors != "Miskolc Municipality" || got.Publisher != "" || got.Report != "Správa č. 4IM-D5.5-03" || got.Link != w.URL {
		t.Errorf("corporate author: %+v (the publisher is the author and is not said twice)", got)
	}
}

// TestDOILinkEncoded: a DOI holding "#" or "?" (the DOI Handbook allows
// both) is linked percent-encoded in the Cite box, JSON-LD and DataCite;
// raw, the address would stop at a fragment or a query and name another
// DOI.
func TestDOILinkEncoded(t *testing.T) {
	w := &Work{DOI: "10.5281/zenodo.12#34?x", URL: "https://4im.example.eu/en/guides/x/"}
	want := "https://doi.org/10.5281/zenodo.12%2334%3Fx"
	ld := w.creativeWork("Report")
	if w.Link() != want || ld.SameAs != want || ld.Identifier.URL != want {
		t.Errorf("Link %q, sameAs %q, identifier %q; want %q", w.Link(), ld.SameAs, ld.Identifier.URL, want)
	}
	if ld.Identifier.Value != w.DOI {
		t.Errorf("the identifier's value is %q, want the DOI as it is", ld.Identifier.Value)
	}
}

// TestTextEnd: a part of the citation that ends with its own punctuation
// gets no full stop after it ("Who cares?." read as a typo).
func TestTextEnd(t *testing.T) {
	for s, want := range map[string]string{
		"Tetemvár": ".", "Who cares?": "", "Miskolc legyen mindenkié!": "", "Smith & Co.": "",
		"To be continued…": "", "„Kinek a városa?”": "", "Report (RP1)": ".", "": ".",
	} {
		if got := (Text{}).End(s); got != want {
			t.Errorf("End(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestBibTeXBracesCountedAsBibTeXDoes: BibTeX and biber balance braces
// without regard to backslashes, so a lone brace in a title, author or
// summary must not reach the file as "\{": counting every brace, each
// field's value closes exactly at its end.
func TestBibTeXBracesCountedAsBibTeXDoes(t *testing.T) {
	w := works()["plain"]
	w.Title, w.Summary, w.Authors = "Set {1, 2", "Smile :-} then {", []string{"A {lone", "B}"}
	for _, line := range strings.Split(string(w.BibTeX("Case study")), "\n") {
		_, value, ok := strings.Cut(line, " = {")
		if !ok {
			continue
		}
		value = "{" + strings.TrimSuffix(value, ",")
		depth := 0
		for i, r := range value {
			switch r {
			case '{':
				depth++
			case '}':
				depth--
			}
			if depth == 0 && i != len(value)-1 {
				t.Errorf("the field closes early, at %q, in %q", value[:i+1], line)
				break
			}
		}
		if depth != 0 {
			t.Errorf("braces do not balance in %q", line)
		}
	}
}

// TestOnlineEvent: an event report whose location says it was held online
// is an online Event at a VirtualLocation (it was an offline event at a
// Place in a town called "Online"); a town stays a Place.
func TestOnlineEvent(t *testing.T) {
	for loc, want := range map[string]string{
		"Online":                      "Online VirtualLocation ",
		"online (Zoom)":               "Online VirtualLocation ",
		"Webinar, MS Teams":           "Online VirtualLocation ",
		"https://meet.example.eu/4im": "Online VirtualLocation https://meet.example.eu/4im",
		"Onlinebridge Hall, Miskolc":  "Offline Place ",
		"Town Hall, Miskolc, Hungary": "Offline Place ",
		"Miskolc and online":          "Offline Place ",
	} {
		w := works()["event over two days"]
		w.Location = loc
		ld := w.JSONLD()
		mode := strings.TrimSuffix(strings.TrimPrefix(ld.EventAttendanceMode, "https://schema.org/"), "EventAttendanceMode")
		if got := mode + " " + ld.Location.Type + " " + ld.Location.URL; got != want {
			t.Errorf("%q: %q, want %q", loc, got, want)
		}
		if (ld.Location.Address == nil) != (ld.Location.Type == "VirtualLocation") {
			t.Errorf("%q: a %s with address %v", loc, ld.Location.Type, ld.Location.Address)
		}
	}
}

package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/cite/citetest"
	"golang.org/x/net/html"
)

// pageHead is what a document page says about itself for citation: its
// meta tags by name, its JSON-LD, and the links of its "Cite this" box.
type pageHead struct {
	lang   string
	meta   map[string][]string
	jsonld []byte
	cite   []string // hrefs in <section class="cite">
}

func readHead(t *testing.T, file string) pageHead {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	h := pageHead{meta: map[string][]string{}}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	var walk func(n *html.Node, inCite bool)
	walk = func(n *html.Node, inCite bool) {
		if n.Type == html.ElementNode {
			switch {
			case n.Data == "html":
				h.lang = attr(n, "lang")
			case n.Data == "meta" && attr(n, "name") != "":
				h.meta[attr(n, "name")] = append(h.meta[attr(n, "name")], attr(n, "content"))
			case n.Data == "script" && attr(n, "type") == "application/ld+json" && n.FirstChild != nil:
				h.jsonld = []byte(n.FirstChild.Data)
			case n.Data == "section" && attr(n, "class") == "cite":
				inCite = true
			case n.Data == "a" && inCite:
				h.cite = append(h.cite, attr(n, "href"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inCite)
		}
	}
	walk(doc, false)
	return h
}

// sampleDocs lists the document pages of a built sample site: every
// index.html three folders deep (/{lang}/{section}/{slug}/) and the
// top-level pages (/{lang}/about/), by the content they came from.
func sampleDocPages(t *testing.T, dest string) map[string]string {
	t.Helper()
	pages := map[string]string{} // page file → type folder
	root := "../../content"
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		base := strings.TrimSuffix(filepath.Base(rel), ".md")
		slug, lang, _ := strings.Cut(base, ".")
		section := filepath.Dir(rel)
		page := filepath.Join(dest, lang, section, slug, "index.html")
		if section == "." {
			page = filepath.Join(dest, lang, slug, "index.html")
		}
		pages[page] = section
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

var ymd = regexp.MustCompile(`^\d{4}/\d{2}/\d{2}$`)

// TestSampleSiteCitations builds the sample site and checks every
// document page: Highwire tags, JSON-LD of the right type (an Event for
// every event report), and on every page with a brief a "Cite this" box
// whose BibTeX, RIS and CSL-JSON files are beside the page and parse.
func TestSampleSiteCitations(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site with its briefs")
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, err := Build(Options{Source: "../..", Dest: dest, Now: fixedNow, NoSearch: true, NoMinify: true, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("sample site:\n%s", res.Diags)
	}
	wantType := map[string]string{"case-studies": "Report", "guides": "Report", "policy-papers": "Report",
		"events": "Event", "news": "NewsArticle", "press": "NewsArticle", "toolkits": "HowTo", ".": "WebPage"}
	var events, boxes int
	for page, section := range sampleDocPages(t, dest) {
		if _, err := os.Stat(page); err != nil {
			continue // a draft or a document not published yet
		}
		name, _ := filepath.Rel(dest, page)
		h := readHead(t, page)
		one := func(tag string) string {
			if len(h.meta[tag]) != 1 {
				t.Errorf("%s: %d %s tags, want 1", name, len(h.meta[tag]), tag)
				return ""
			}
			return h.meta[tag][0]
		}
		one("citation_title")
		if len(h.meta["citation_author"]) == 0 {
			t.Errorf("%s: no citation_author", name)
		}
		if d := one("citation_publication_date"); !ymd.MatchString(d) {
			t.Errorf("%s: citation_publication_date %q, want YYYY/MM/DD", name, d)
		}
		if l := one("citation_language"); l != h.lang {
			t.Errorf("%s: citation_language %q on a page in %q", name, l, h.lang)
		}
		// site.yaml names the publisher in each language, as the
		// partners' names are written in that language's documents.
		wantPub := map[string]string{"en": "Miskolc Municipality", "hu": "Miskolc Megyei Jogú Város Önkormányzata", "sk": "Mesto Miskolc"}[h.lang]
		if pub := one("citation_publisher"); pub != wantPub {
			t.Errorf("%s: citation_publisher %q, want %q", name, pub, wantPub)
		}
		var ld map[string]any
		if err := json.Unmarshal(h.jsonld, &ld); err != nil {
			t.Errorf("%s: JSON-LD does not parse: %v", name, err)
			continue
		}
		if ld["@type"] != wantType[section] || ld["@context"] != "https://schema.org" || ld["inLanguage"] != h.lang {
			t.Errorf("%s: JSON-LD @type %v inLanguage %v, want %s %s", name, ld["@type"], ld["inLanguage"], wantType[section], h.lang)
		}
		if section == "events" {
			events++
			loc, _ := ld["location"].(map[string]any)
			addr, _ := loc["address"].(map[string]any)
			if ld["startDate"] == nil || ld["endDate"] == nil || loc["@type"] != "Place" || addr["@type"] != "PostalAddress" || ld["organizer"] == nil {
				t.Errorf("%s: Event without startDate, endDate, location Place with address or organizer: %s", name, h.jsonld)
			}
			// Two of the sample's events lasted two days, as their texts say
			// in each language; endDate is the second day.
			if want := map[string]string{"staff-training": "2022-04-29", "transnational-exchange": "2022-10-21"}[filepath.Base(filepath.Dir(page))]; want != "" && ld["endDate"] != want {
				t.Errorf("%s: Event endDate %v, want %s", name, ld["endDate"], want)
			}
		}
		pdf := h.meta["citation_pdf_url"]
		if (len(pdf) == 1) != (len(h.cite) > 0) {
			t.Errorf("%s: citation_pdf_url %q but cite box links %q: the box goes with the brief", name, pdf, h.cite)
		}
		if len(pdf) == 0 {
			continue
		}
		boxes++
		checkCiteFiles(t, dest, name, h.cite)
	}
	if events == 0 || boxes < 10 {
		t.Errorf("%d event reports and %d cite boxes checked: the sample site has more", events, boxes)
	}
}

// checkCiteFiles reads the files a cite box links to (after the DOI or
// page link) and parses each strictly.
func checkCiteFiles(t *testing.T, dest, page string, hrefs []string) {
	t.Helper()
	var kinds []string
	for _, href := range hrefs {
		if strings.HasPrefix(href, "https://") {
			continue // the citation's own link
		}
		data, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(strings.TrimPrefix(href, "/"))))
		if err != nil {
			t.Errorf("%s: cite box links to %s: %v", page, href, err)
			continue
		}
		ext := filepath.Ext(href)
		kinds = append(kinds, ext)
		switch ext {
		case ".bib":
			if e, err := citetest.ParseBibTeX(string(data)); err != nil || e.Fields["title"] == "" {
				t.Errorf("%s: BibTeX: %v\n%s", href, err, data)
			}
		case ".ris":
			if _, err := citetest.ParseRIS(string(data)); err != nil {
				t.Errorf("%s: RIS: %v", href, err)
			}
		case ".json":
			if _, err := citetest.ParseCSL(data); err != nil {
				t.Errorf("%s: CSL-JSON: %v", href, err)
			}
		}
	}
	if strings.Join(kinds, " ") != ".bib .ris .json" {
		t.Errorf("%s: cite box offers %v, want BibTeX, RIS and CSL-JSON", page, kinds)
	}
}

// TestSampleSiteDataCite exports the sample site's DataCite records, checks
// each against the DataCite 4.6 schema, one record per brief, and that a
// second export gives the same bytes.
func TestSampleSiteDataCite(t *testing.T) {
	sch, err := citetest.CompileDataCite()
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: "../..", Now: fixedNow, NoSearch: true}
	recs, diags, err := ExportDataCite(opts)
	if err != nil || diags.HasErrors() {
		t.Fatalf("%v\n%s", err, diags)
	}
	again, _, _ := ExportDataCite(opts)
	if len(recs) < 20 || len(again) != len(recs) {
		t.Fatalf("%d records, then %d; the sample site has more than 20 briefs", len(recs), len(again))
	}
	events := 0
	for i, r := range recs {
		if err := citetest.Validate(sch, r.Data); err != nil {
			t.Errorf("%s: %v", r.Name, err)
		}
		if again[i].Name != r.Name || !bytes.Equal(again[i].Data, r.Data) {
			t.Errorf("%s: a second export differs", r.Name)
		}
		if !strings.HasSuffix(r.Name, ".datacite.json") {
			t.Errorf("record named %s", r.Name)
		}
		if strings.Contains(string(r.Data), `"resourceTypeGeneral": "Event"`) {
			events++
		}
	}
	if events == 0 {
		t.Errorf("no Event record among %d: the sample site's event reports have briefs", len(recs))
	}
}

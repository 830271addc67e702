package cite

import (
	"encoding/json"
	"path"
	"strings"

	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// File is a citation file written beside a document's page.
type File struct {
	Name string // "tetemvar-en.bib"
	Data []byte
}

// BriefURL is the site URL of the brief among a document's downloads, or "".
func BriefURL(downloads []*resolve.Download) string {
	for _, d := range downloads {
		if d.Kind == "brief" {
			return d.URL
		}
	}
	return ""
}

// Extensions of the citation files, in the order the page offers them.
var Extensions = []string{".bib", ".ris", ".json"}

// FileBase is the name the citation files of a document share: its
// brief's, without ".pdf" ("tetemvar-en"), so that a reader's downloads
// folder keeps them together.
func FileBase(briefURL string) string { return strings.TrimSuffix(path.Base(briefURL), ".pdf") }

// Files are the work's BibTeX, RIS and CSL-JSON files, named after base.
// typeLabel is the document type in the document's language ("Case study").
func (w *Work) Files(base, typeLabel string) []File {
	return []File{
		{base + ".bib", w.BibTeX(typeLabel)},
		{base + ".ris", w.RIS()},
		{base + ".json", w.CSL(typeLabel)},
	}
}

// bibEscaper escapes the characters BibTeX and LaTeX treat as special;
// letters with accents stay as they are (UTF-8, read by biber and by
// BibTeX with inputenc). Braces become \textbraceleft{} and
// \textbraceright{}: BibTeX and biber count every brace, "\{" too, so a
// title with one lone "{" left its field open and swallowed the entry.
var bibEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `$`, `\$`, `&`, `\&`, `%`, `\%`, `#`, `\#`,
	`_`, `\_`, `^`, `\textasciicircum{}`, `~`, `\textasciitilde{}`, "\n", " ", "\r", " ", "\t", " ")

// bibURL keeps an address as it is (the url and doi fields are read
// verbatim) but for braces, which would unbalance the field.
var bibURL = strings.NewReplacer("{", "%7B", "}", "%7D", " ", "%20", "\n", "", "\r", "")

// bibLanguages are the language names biblatex's langid knows.
var bibLanguages = map[string]string{"en": "english", "hu": "hungarian", "sk": "slovak", "de": "german", "fr": "french", "cs": "czech", "pl": "polish", "ro": "romanian"}

var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibKey makes a BibTeX key of letters, digits and hyphens.
func bibKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' || r == '.' || r == ':' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// BibTeX is the work as a BibTeX entry: @techreport for reports, @misc
// otherwise. Each author is braced so BibTeX takes the name as written.
func (w *Work) BibTeX(typeLabel string) []byte {
	kind := "misc"
	if w.IsReport() {
		kind = "techreport"
	}
	var b strings.Builder
	b.WriteString("@" + kind + "{" + bibKey(w.Key) + ",\n")
	field := func(name, value string) {
		if value != "" {
			b.WriteString("  " + name + " = {" + value + "},\n")
		}
	}
	authors := make([]string, len(w.Authors))
	for i, a := range w.Authors {
		authors[i] = "{" + bibEscaper.Replace(a) + "}"
	}
	field("author", strings.Join(authors, " and "))
	field("title", "{"+bibEscaper.Replace(w.Title)+"}")
	if kind == "techreport" {
		field("institution", bibEscaper.Replace(w.Publisher))
		field("type", bibEscaper.Replace(typeLabel))
		field("number", bibEscaper.Replace(w.ReportNumber))
	} else {
		field("publisher", bibEscaper.Replace(w.Publisher))
		field("howpublished", bibEscaper.Replace(w.Publisher))
	}
	field("year", w.Year())
	b.WriteString("  month = " + months[w.Published.Month()-1] + ",\n")
	field("date", w.Published.Format("2006-01-02"))
	if lang, ok := bibLanguages[w.Lang]; ok {
		field("language", lang)
		field("langid", lang)
	}
	field("doi", bibURL.Replace(w.DOI))
	field("url", bibURL.Replace(w.URL))
	field("abstract", bibEscaper.Replace(w.Summary))
	if len(w.Keywords) > 0 {
		field("keywords", bibEscaper.Replace(strings.Join(w.Keywords, ", ")))
	}
	if w.Licence.Name != "" {
		field("copyright", bibEscaper.Replace(w.Licence.Name))
	}
	b.WriteString("}\n")
	return []byte(b.String())
}

// risType is the RIS reference type of a content type.
func (w *Work) risType() string {
	switch {
	case w.Type == schema.News || w.Type == schema.PressRelease:
		return "NEWS"
	case w.IsReport():
		return "RPRT"
	}
	return "ELEC"
}

// oneLine keeps a RIS value on its line. Besides CR and LF, the Unicode
// line and paragraph separators and NEL end a line for readers that split
// with Unicode's rules (JavaScript's "^" and "$"); a summary holding one
// followed by "ER  - " could end the record early.
var oneLine = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ", "\v", " ", "\f", " ")

// RIS is the work in the RIS format (Research Information Systems), with
// CRLF line ends as the format asks: each line "TAG  - value", TY first
// and ER last.
func (w *Work) RIS() []byte {
	var b strings.Builder
	line := func(tag, value string) {
		if value != "" || tag == "ER" {
			b.WriteString(tag + "  - " + oneLine.Replace(value) + "\r\n")
		}
	}
	line("TY", w.risType())
	for _, a := range w.Authors {
		line("AU", a)
	}
	line("TI", w.Title)
	line("PY", w.Year())
	line("DA", w.Published.Format("2006/01/02"))
	line("PB", w.Publisher)
	line("SN", w.ReportNumber)
	line("LA", w.Lang)
	line("AB", w.Summary)
	for _, k := range w.Keywords {
		line("KW", k)
	}
	line("DO", w.DOI)
	line("UR", w.URL)
	line("L1", w.PDF)
	if w.Licence.Name != "" {
		line("C1", w.Licence.Name) // custom 1: the licence, which RIS has no tag for
	}
	line("ER", "")
	return []byte(b.String())
}

// cslType is the CSL item type of the work.
func (w *Work) cslType() string {
	switch {
	case w.Type == schema.News || w.Type == schema.PressRelease:
		return "article-newspaper"
	case w.IsReport():
		return "report"
	}
	return "webpage"
}

// CSL is the work as CSL-JSON (a list of one item), read by Zotero,
// Mendeley and pandoc's citeproc.
func (w *Work) CSL(typeLabel string) []byte {
	item := map[string]any{
		"id": bibKey(w.Key), "type": w.cslType(), "title": w.Title, "language": w.Lang,
		"issued": map[string]any{"date-parts": [][]int{{w.Published.Year(), int(w.Published.Month()), w.Published.Day()}}},
		"URL":    w.URL,
	}
	var authors []map[string]string
	for _, a := range w.Authors {
		authors = append(authors, map[string]string{"literal": a})
	}
	item["author"] = authors
	set := func(k, v string) {
		if v != "" {
			item[k] = v
		}
	}
	set("publisher", w.Publisher)
	set("number", w.ReportNumber)
	set("DOI", w.DOI)
	set("abstract", w.Summary)
	set("genre", typeLabel)
	if len(w.Keywords) > 0 {
		set("keyword", strings.Join(w.Keywords, ", "))
	}
	set("license", w.Licence.URL)
	if !w.EventStart.IsZero() {
		set("event-place", w.Location)
		item["event-date"] = map[string]any{"date-parts": [][]int{{w.EventStart.Year(), int(w.EventStart.Month()), w.EventStart.Day()}}}
	}
	b, _ := json.MarshalIndent([]any{item}, "", "  ")
	return append(b, '\n')
}

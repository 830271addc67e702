package cite

import "strings"

// Text is a formatted citation in parts, for the "Cite this" box: authors
// (year). title. report number. publisher. link. Each part is as written;
// the template typesets and marks it up.
type Text struct {
	Authors, Year, Title, Report, Publisher, Link string
}

// Text formats the citation with the words of the page's language: and
// joins the last two authors ("and", "és", "a"), reportNo is the label of
// the report number with {n} for it ("Report no. {n}"). The publisher is
// left out when it already stands as the author.
func (w *Work) Text(and, reportNo string) Text {
	t := Text{Year: w.Year(), Title: w.Title, Link: w.Link()}
	switch n := len(w.Authors); {
	case n == 1:
		t.Authors = w.Authors[0]
	case n > 1:
		t.Authors = strings.Join(w.Authors[:n-1], ", ") + " " + and + " " + w.Authors[n-1]
	}
	if w.ReportNumber != "" {
		t.Report = strings.ReplaceAll(reportNo, "{n}", w.ReportNumber)
	}
	if !w.Corporate && !(len(w.Authors) == 1 && w.Authors[0] == w.Publisher) {
		t.Publisher = w.Publisher
	}
	return t
}

// End is the full stop that closes part s of the citation, or "" when s
// already ends with one, a question or exclamation mark or an ellipsis
// (inside closing quotes too): "Who cares?" is not followed by ".", and
// neither is a publisher named "Smith & Co.".
func (Text) End(s string) string {
	s = strings.TrimRight(s, `"'”’»›`)
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…") {
		return ""
	}
	return "."
}

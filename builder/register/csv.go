package register

import (
	"bytes"
	"strconv"
	"strings"
)

// Columns are the register's columns, in the exports' order: CSV and XLSX
// headers and JSON keys.
var Columns = []string{"document", "language", "type", "title", "date", "period", "languages",
	"partners", "cities", "topics", "wp_task", "url", "brief_url", "brief_pages", "brief_bytes",
	"translation", "complete"}

// listSep joins a list in one cell: "; " reads well and no name has it.
const listSep = "; "

// cells are the row's values as text, in Columns order; numeric reports
// which are numbers (never neutralised, empty when zero).
func (row *Row) cells(out []string) []string {
	out = append(out[:0], row.Key, row.Lang, row.Type, row.Title, row.Date.Format("2006-01-02"), row.Period,
		strings.Join(row.Languages, listSep), strings.Join(row.Partners, listSep), strings.Join(row.Cities, listSep),
		strings.Join(row.Topics, listSep), row.WPTask, row.URL, row.BriefURL, "", "", row.State, strconv.FormatBool(row.Complete))
	if row.BriefURL != "" {
		out[13], out[14] = strconv.Itoa(row.Pages), strconv.FormatInt(row.Size, 10)
	}
	return out
}

// numeric reports whether column i holds numbers.
func numeric(i int) bool { return i == 13 || i == 14 }

// Neutralise keeps a text cell from being read as a formula by a
// spreadsheet, as OWASP's advice on CSV injection says: a cell beginning
// with =, +, -, @, a tab or a carriage return (or a line feed, which some
// programs trim first) gets a leading apostrophe, which Excel and
// LibreOffice show as text. Other cells are returned as they are.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return "'" + s
	}
	// The full-width forms, which some spreadsheets fold to the ASCII ones.
	for _, p := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}

// CSV is the register as CSV for spreadsheets: UTF-8 with a byte-order
// mark (so Excel reads Hungarian and Slovak letters right), CRLF line ends,
// every field in double quotes with its quotes doubled (RFC 4180), and
// every text cell neutralised (see Neutralise).
func (r *Register) CSV() []byte {
	var b bytes.Buffer
	b.Grow(64 + len(r.Rows)*400)
	b.WriteString("\uFEFF")
	for i, c := range Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		csvField(&b, c)
	}
	b.WriteString("\r\n")
	var cells []string
	for i := range r.Rows {
		cells = r.Rows[i].cells(cells)
		for j, c := range cells {
			if j > 0 {
				b.WriteByte(',')
			}
			if !numeric(j) {
				c = Neutralise(c)
			}
			csvField(&b, c)
		}
		b.WriteString("\r\n")
	}
	return b.Bytes()
}

// csvField writes s quoted, its quotes doubled.
func csvField(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		b.WriteString(s[:i+1])
		b.WriteByte('"')
		s = s[i+1:]
	}
	b.WriteString(s)
	b.WriteByte('"')
}

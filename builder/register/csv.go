package register

import (
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

// cells are the row's values as text, in Columns order (lists joined);
// the brief's pages and bytes are empty without a brief, or while it is
// not made (serve makes a brief when it is asked for).
func (row *Row) cells(out []string) []string {
	out = append(out[:0], row.Key, row.Lang, row.Type, row.Title, row.Date.Format("2006-01-02"), row.Period,
		strings.Join(row.Languages, listSep), strings.Join(row.Partners, listSep), strings.Join(row.Cities, listSep),
		strings.Join(row.Topics, listSep), row.WPTask, row.URL, row.BriefURL, "", "", row.State, strconv.FormatBool(row.Complete))
	if row.Size > 0 {
		out[13], out[14] = strconv.Itoa(row.Pages), strconv.FormatInt(row.Size, 10)
	}
	return out
}

// Neutralise keeps a text cell from being read as a formula by a
// spreadsheet, as OWASP's advice on CSV injection says: a cell beginning
// with =, +, -, @, a tab or a carriage return (or a line feed, which some
// programs trim first) gets a leading apostrophe, which Excel and
// LibreOffice show as text. Other cells are returned as they are.
func Neutralise(s string) string {
	if formulaLead(s) {
		return "'" + s
	}
	return s
}

// CSV is the register as CSV for spreadsheets: UTF-8 with a byte-order
// mark (so Excel reads Hungarian and Slovak letters right), CRLF line ends,
// every field in double quotes with its quotes doubled (RFC 4180), and
// every text cell neutralised (see Neutralise). Appended field by field to
// one slice sized beforehand, the lists joined as they are written.
func (r *Register) CSV() []byte {
	n := 256
	for i := range r.Rows {
		// Quotes and commas of a row are under 100 bytes.
		n += 100 + r.Rows[i].textLen()
	}
	b := make([]byte, 0, n)
	b = append(b, "\uFEFF"...)
	for i, c := range Columns {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSV(b, c)
	}
	b = append(b, "\r\n"...)
	for i := range r.Rows {
		row := &r.Rows[i]
		b = appendCSV(b, row.Key)
		b = append(b, ',')
		b = appendCSV(b, row.Lang)
		b = append(b, ',')
		b = appendCSV(b, row.Type)
		b = append(b, ',')
		b = appendCSV(b, row.Title)
		b = append(b, `,"`...)
		b = appendDate(b, row.Date)
		b = append(b, `",`...)
		b = appendCSV(b, row.Period)
		for _, list := range [...][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
			b = append(b, ',')
			b = appendCSVList(b, list)
		}
		for _, s := range [...]string{row.WPTask, row.URL, row.BriefURL} {
			b = append(b, ',')
			b = appendCSV(b, s)
		}
		if row.Size > 0 {
			b = append(b, `,"`...)
			b = strconv.AppendInt(b, int64(row.Pages), 10)
			b = append(b, `","`...)
			b = strconv.AppendInt(b, row.Size, 10)
			b = append(b, `",`...)
		} else {
			b = append(b, `,"","",`...)
		}
		b = appendCSV(b, row.State)
		if row.Complete {
			b = append(b, ",\"true\"\r\n"...)
		} else {
			b = append(b, ",\"false\"\r\n"...)
		}
	}
	return b
}

// formulaLead reports whether s begins as a formula would (see
// Neutralise).
func formulaLead(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	case 0xEF: // the full-width forms are EF BC 8B, 8D, 9D, A0
		return len(s) >= 3 && s[1] == 0xBC && (s[2] == 0x8B || s[2] == 0x8D || s[2] == 0x9D || s[2] == 0xA0)
	}
	return false
}

// appendCSVList appends a list as one field, joined by listSep,
// neutralised by its first item.
func appendCSVList(b []byte, list []string) []byte {
	b = append(b, '"')
	for i, s := range list {
		if i > 0 {
			b = append(b, listSep...)
		} else if formulaLead(s) {
			b = append(b, '\'')
		}
		b = appendCSVEscaped(b, s)
	}
	return append(b, '"')
}

// appendCSV appends s as a field: neutralised, quoted, its quotes doubled.
func appendCSV(b []byte, s string) []byte {
	b = append(b, '"')
	if formulaLead(s) {
		b = append(b, '\'')
	}
	b = appendCSVEscaped(b, s)
	return append(b, '"')
}

// appendCSVEscaped appends s with its quotes doubled.
func appendCSVEscaped(b []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			return append(b, s...)
		}
		b = append(b, s[:i+1]...)
		b = append(b, '"')
		s = s[i+1:]
	}
}

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
	for i := range r.Rows {
		row := &r.Rows[i]
		// Written field by field, not through cells: at 30,000 rows the
		// joined lists' strings were a third of the time.
		for j, s := range []string{row.Key, row.Lang, row.Type, row.Title} {
			if j > 0 {
				b.WriteByte(',')
			}
			csvField(&b, Neutralise(s))
		}
		b.WriteString(`,"`)
		b.Write(row.Date.AppendFormat(b.AvailableBuffer(), "2006-01-02"))
		b.WriteString(`",`)
		csvField(&b, Neutralise(row.Period))
		for _, list := range [][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
			b.WriteByte(',')
			csvList(&b, list)
		}
		for _, s := range []string{row.WPTask, row.URL, row.BriefURL} {
			b.WriteByte(',')
			csvField(&b, Neutralise(s))
		}
		if row.Size > 0 {
			b.WriteString(`,"`)
			b.Write(strconv.AppendInt(b.AvailableBuffer(), int64(row.Pages), 10))
			b.WriteString(`","`)
			b.Write(strconv.AppendInt(b.AvailableBuffer(), row.Size, 10))
			b.WriteString(`",`)
		} else {
			b.WriteString(`,"","",`)
		}
		csvField(&b, row.State)
		b.WriteString(`,"` + strconv.FormatBool(row.Complete) + "\"\r\n")
	}
	return b.Bytes()
}

// csvList writes a list as one field, joined by listSep, neutralised by
// its first item.
func csvList(b *bytes.Buffer, list []string) {
	if len(list) == 0 {
		b.WriteString(`""`)
		return
	}
	b.WriteByte('"')
	for i, s := range list {
		if i > 0 {
			b.WriteString(listSep)
		} else if n := Neutralise(s); len(n) != len(s) {
			b.WriteByte('\'')
		}
		csvEscape(b, s)
	}
	b.WriteByte('"')
}

// csvField writes s quoted, its quotes doubled.
func csvField(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	csvEscape(b, s)
	b.WriteByte('"')
}

// csvEscape writes s with its quotes doubled.
func csvEscape(b *bytes.Buffer, s string) {
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
}

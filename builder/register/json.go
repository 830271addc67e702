package register

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// JSON is the register for programs: the languages and periods, every row
// (texts as written, lists as arrays, numbers as numbers, a missing brief
// as null) and the counts, one row a line. It carries no date of its own
// making: the same content gives the same bytes.
func (r *Register) JSON() []byte {
	var b bytes.Buffer
	b.Grow(256 + len(r.Rows)*500)
	b.WriteString("{\n\"languages\": ")
	jsonList(&b, r.Langs)
	b.WriteString(",\n\"periods\": ")
	jsonList(&b, r.Periods)
	b.WriteString(",\n\"rows\": [")
	// The rows are most of the file: appended to one slice, not written
	// through the buffer's methods a value at a time.
	rows := b.AvailableBuffer()
	for i := range r.Rows {
		row := &r.Rows[i]
		if i > 0 {
			rows = append(rows, ',')
		}
		rows = append(rows, "\n{\"document\": "...)
		rows = appendJSON(rows, row.Key)
		rows = append(rows, `, "language": `...)
		rows = appendJSON(rows, row.Lang)
		rows = append(rows, `, "type": `...)
		rows = appendJSON(rows, row.Type)
		rows = append(rows, `, "title": `...)
		rows = appendJSON(rows, row.Title)
		rows = append(rows, `, "date": "`...)
		rows = row.Date.AppendFormat(rows, "2006-01-02")
		rows = append(rows, `", "period": `...)
		rows = appendJSON(rows, row.Period)
		rows = append(rows, `, "languages": `...)
		rows = appendJSONList(rows, row.Languages)
		rows = append(rows, `, "partners": `...)
		rows = appendJSONList(rows, row.Partners)
		rows = append(rows, `, "cities": `...)
		rows = appendJSONList(rows, row.Cities)
		rows = append(rows, `, "topics": `...)
		rows = appendJSONList(rows, row.Topics)
		rows = append(rows, `, "wp_task": `...)
		rows = appendJSON(rows, row.WPTask)
		rows = append(rows, `, "url": `...)
		rows = appendJSON(rows, row.URL)
		if row.BriefURL == "" {
			rows = append(rows, `, "brief": null`...)
		} else {
			rows = append(rows, `, "brief": {"url": `...)
			rows = appendJSON(rows, row.BriefURL)
			if row.Size > 0 {
				rows = append(rows, `, "pages": `...)
				rows = strconv.AppendInt(rows, int64(row.Pages), 10)
				rows = append(rows, `, "bytes": `...)
				rows = strconv.AppendInt(rows, row.Size, 10)
			} else {
				// Not made yet (serve): not known.
				rows = append(rows, `, "pages": null, "bytes": null`...)
			}
			rows = append(rows, '}')
		}
		rows = append(rows, `, "translation": `...)
		rows = appendJSON(rows, row.State)
		rows = append(rows, `, "complete": `...)
		rows = strconv.AppendBool(rows, row.Complete)
		rows = append(rows, '}')
	}
	b.Write(rows)
	b.WriteString("\n],\n\"counts\": {\n\"by_type_and_language\": {")
	for i, tc := range r.ByTypeLang() {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		jsonString(&b, tc.Type)
		b.WriteString(": {\"documents\": " + strconv.Itoa(tc.Docs))
		for j, l := range r.Langs {
			b.WriteString(", ")
			jsonString(&b, l)
			b.WriteString(": " + strconv.Itoa(tc.ByLang[j]))
		}
		b.WriteByte('}')
	}
	b.WriteString("},\n\"by_partner\": {")
	for i, l := range r.Langs {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n")
		jsonString(&b, l)
		b.WriteString(": ")
		jsonCounts(&b, r.ByPartner(l))
	}
	counts, outside := r.ByPeriod()
	b.WriteString("},\n\"by_period\": ")
	jsonCounts(&b, counts)
	b.WriteString(",\n\"outside_periods\": " + strconv.Itoa(outside) + "\n}\n}\n")
	return b.Bytes()
}

// jsonCounts writes counts as an object in their order.
func jsonCounts(b *bytes.Buffer, counts []Count) {
	b.WriteByte('{')
	for i, c := range counts {
		if i > 0 {
			b.WriteString(", ")
		}
		jsonString(b, c.Label)
		b.WriteString(": " + strconv.Itoa(c.N))
	}
	b.WriteByte('}')
}

func jsonList(b *bytes.Buffer, list []string) {
	b.WriteByte('[')
	for i, s := range list {
		if i > 0 {
			b.WriteString(", ")
		}
		jsonString(b, s)
	}
	b.WriteByte(']')
}

// jsonString writes s as a JSON string (see appendJSON).
func jsonString(b *bytes.Buffer, s string) { b.Write(appendJSON(b.AvailableBuffer(), s)) }

func appendJSONList(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSON(b, s)
	}
	return append(b, ']')
}

// appendJSON appends s as a JSON string: quotes, backslashes and control
// characters escaped, U+2028 and U+2029 too (for scripts that embed the
// file), invalid UTF-8 as U+FFFD, everything else as it is.
func appendJSON(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, `\n`...)
			case '\r':
				b = append(b, `\r`...)
			case '\t':
				b = append(b, `\t`...)
			default:
				b = append(b, `\u00`...)
				b = append(b, hex[c>>4], hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			switch r {
			case '\u2028':
				b = append(b, `\u2028`...)
			case '\u2029':
				b = append(b, `\u2029`...)
			default:
				b = append(b, `\ufffd`...)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

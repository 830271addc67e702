package register

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// JSON is the register for programs: the languages and periods, every row
// (texts as written, lists as arrays, numbers as numbers, a missing brief
// as null) and the counts, one row a line. It carries no date of its own
// making: the same content gives the same bytes.
//
// It is appended to one slice sized from the rows' texts beforehand: at
// 30,000 rows a growing buffer spent half the time clearing and copying.
func (r *Register) JSON() []byte {
	n := 512
	for i := range r.Rows {
		// The keys and punctuation of a row are under 320 bytes (an
		// estimate short of the rows' size made append copy the whole
		// slice once more).
		n += 320 + r.Rows[i].textLen()
	}
	b := make([]byte, 0, n)
	b = append(b, "{\n\"languages\": "...)
	b = appendJSONList(b, r.Langs)
	b = append(b, ",\n\"periods\": "...)
	b = appendJSONList(b, r.Periods)
	b = append(b, ",\n\"rows\": ["...)
	for i := range r.Rows {
		row := &r.Rows[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n{\"document\": "...)
		b = appendJSON(b, row.Key)
		b = append(b, `, "language": `...)
		b = appendJSON(b, row.Lang)
		b = append(b, `, "type": `...)
		b = appendJSON(b, row.Type)
		b = append(b, `, "title": `...)
		b = appendJSON(b, row.Title)
		b = append(b, `, "date": "`...)
		b = appendDate(b, row.Date)
		b = append(b, `", "period": `...)
		b = appendJSON(b, row.Period)
		b = append(b, `, "languages": `...)
		b = appendJSONList(b, row.Languages)
		b = append(b, `, "partners": `...)
		b = appendJSONList(b, row.Partners)
		b = append(b, `, "cities": `...)
		b = appendJSONList(b, row.Cities)
		b = append(b, `, "topics": `...)
		b = appendJSONList(b, row.Topics)
		b = append(b, `, "wp_task": `...)
		b = appendJSON(b, row.WPTask)
		b = append(b, `, "url": `...)
		b = appendJSON(b, row.URL)
		if row.BriefURL == "" {
			b = append(b, `, "brief": null`...)
		} else {
			b = append(b, `, "brief": {"url": `...)
			b = appendJSON(b, row.BriefURL)
			if row.Size > 0 {
				b = append(b, `, "pages": `...)
				b = strconv.AppendInt(b, int64(row.Pages), 10)
				b = append(b, `, "bytes": `...)
				b = strconv.AppendInt(b, row.Size, 10)
			} else {
				// Not made yet (serve): not known.
				b = append(b, `, "pages": null, "bytes": null`...)
			}
			b = append(b, '}')
		}
		b = append(b, `, "translation": `...)
		b = appendJSON(b, row.State)
		b = append(b, `, "complete": `...)
		b = strconv.AppendBool(b, row.Complete)
		b = append(b, '}')
	}
	b = append(b, "\n],\n\"counts\": {\n\"by_type_and_language\": {"...)
	for i, tc := range r.ByTypeLang() {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = appendJSON(b, tc.Type)
		b = append(b, `: {"documents": `...)
		b = strconv.AppendInt(b, int64(tc.Docs), 10)
		for j, l := range r.Langs {
			b = append(b, ", "...)
			b = appendJSON(b, l)
			b = append(b, ": "...)
			b = strconv.AppendInt(b, int64(tc.ByLang[j]), 10)
		}
		b = append(b, '}')
	}
	b = append(b, "},\n\"by_partner\": {"...)
	for i, l := range r.Langs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = appendJSON(b, l)
		b = append(b, ": "...)
		b = appendJSONCounts(b, r.ByPartner(l))
	}
	counts, outside := r.ByPeriod()
	b = append(b, "},\n\"by_period\": "...)
	b = appendJSONCounts(b, counts)
	b = append(b, ",\n\"outside_periods\": "...)
	b = strconv.AppendInt(b, int64(outside), 10)
	return append(b, "\n}\n}\n"...)
}

// textLen is the length of the row's texts, lists and all: what sizes an
// export's buffer.
func (row *Row) textLen() int {
	n := len(row.Key) + len(row.Lang) + len(row.Type) + len(row.Title) + len(row.Period) +
		len(row.WPTask) + len(row.URL) + len(row.BriefURL) + len(row.State)
	for _, list := range [...][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
		for _, s := range list {
			n += len(s) + 4
		}
	}
	return n
}

// appendDate appends t as 2006-01-02 (what time.AppendFormat does, a
// tenth of the time: it is on every row of every export).
func appendDate(b []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.AppendFormat(b, "2006-01-02")
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// appendJSONCounts appends counts as an object in their order.
func appendJSONCounts(b []byte, counts []Count) []byte {
	b = append(b, '{')
	for i, c := range counts {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = appendJSON(b, c.Label)
		b = append(b, ": "...)
		b = strconv.AppendInt(b, int64(c.N), 10)
	}
	return append(b, '}')
}

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
	if utf8.ValidString(s) {
		// Valid UTF-8 (nearly every text): only the bytes jsonSpecial
		// marks need a look.
		b = append(b, '"')
		start := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !jsonSpecial[c] {
				continue
			}
			if c == 0xE2 {
				if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
					b = append(b, s[start:i]...)
					b = append(b, `\u202`...)
					b = append(b, '8'+s[i+2]-0xA8)
					i += 2
					start = i + 1
				}
				continue
			}
			b = append(b, s[start:i]...)
			b = appendJSONByte(b, c)
			start = i + 1
		}
		b = append(b, s[start:]...)
		return append(b, '"')
	}
	return appendJSONSlow(b, s)
}

// jsonSpecial marks the bytes appendJSON escapes (controls, quote,
// backslash) and 0xE2, which begins U+2028 and U+2029.
var jsonSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'], t[0xE2] = true, true, true
	return t
}()

// appendJSONByte appends an ASCII byte that needs escaping.
func appendJSONByte(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\n':
		return append(b, `\n`...)
	case '\r':
		return append(b, `\r`...)
	case '\t':
		return append(b, `\t`...)
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
}

// appendJSONSlow is appendJSON for a text that is not valid UTF-8.
func appendJSONSlow(b []byte, s string) []byte {
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

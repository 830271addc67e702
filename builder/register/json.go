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
	for i := range r.Rows {
		row := &r.Rows[i]
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n{\"document\": ")
		jsonString(&b, row.Key)
		for _, f := range []struct{ k, v string }{{"language", row.Lang}, {"type", row.Type}, {"title", row.Title},
			{"date", row.Date.Format("2006-01-02")}, {"period", row.Period}} {
			b.WriteString(", \"" + f.k + "\": ")
			jsonString(&b, f.v)
		}
		for _, f := range []struct {
			k string
			v []string
		}{{"languages", row.Languages}, {"partners", row.Partners}, {"cities", row.Cities}, {"topics", row.Topics}} {
			b.WriteString(", \"" + f.k + "\": ")
			jsonList(&b, f.v)
		}
		b.WriteString(", \"wp_task\": ")
		jsonString(&b, row.WPTask)
		b.WriteString(", \"url\": ")
		jsonString(&b, row.URL)
		if row.BriefURL == "" {
			b.WriteString(", \"brief\": null")
		} else {
			b.WriteString(", \"brief\": {\"url\": ")
			jsonString(&b, row.BriefURL)
			b.WriteString(", \"pages\": " + strconv.Itoa(row.Pages) + ", \"bytes\": " + strconv.FormatInt(row.Size, 10) + "}")
		}
		b.WriteString(", \"translation\": ")
		jsonString(&b, row.State)
		b.WriteString(", \"complete\": " + strconv.FormatBool(row.Complete) + "}")
	}
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

// jsonString writes s as a JSON string: quotes, backslashes and control
// characters escaped, U+2028 and U+2029 too (for scripts that embed the
// file), invalid UTF-8 as U+FFFD, everything else as it is.
func jsonString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			switch r {
			case '\u2028':
				b.WriteString(`\u2028`)
			case '\u2029':
				b.WriteString(`\u2029`)
			default:
				b.WriteString(`\ufffd`)
			}
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

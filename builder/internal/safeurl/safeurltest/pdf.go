package safeurltest

import (
	"bytes"
	"slices"
	"unicode/utf16"
)

// PDFURIs lists the distinct /URI strings of pdf (its link annotations), sorted. fpdf writes
// objects uncompressed and link strings as PDF literal strings, in UTF-16
// with a byte-order mark when the font is Unicode.
func PDFURIs(pdf []byte) []string {
	var out []string
	key := []byte("/URI (")
	for {
		i := bytes.Index(pdf, key)
		if i < 0 {
			break
		}
		pdf = pdf[i+len(key):]
		var s []byte
		depth := 0
		j := 0
	str:
		for ; j < len(pdf); j++ {
			c := pdf[j]
			switch {
			case c == '\\' && j+1 < len(pdf):
				j++
				switch e := pdf[j]; e {
				case 'n':
					s = append(s, '\n')
				case 'r':
					s = append(s, '\r')
				case 't':
					s = append(s, '\t')
				case 'b':
					s = append(s, '\b')
				case 'f':
					s = append(s, '\f')
				default:
					if '0' <= e && e <= '7' {
						v := 0
						for k := 0; k < 3 && j < len(pdf) && '0' <= pdf[j] && pdf[j] <= '7'; k++ {
							v = v*8 + int(pdf[j]-'0')
							j++
						}
						j--
						s = append(s, byte(v))
					} else {
						s = append(s, e)
					}
				}
			case c == '(':
				depth++
				s = append(s, c)
			case c == ')':
				if depth == 0 {
					break str
				}
				depth--
				s = append(s, c)
			default:
				s = append(s, c)
			}
		}
		pdf = pdf[j:]
		if len(s) >= 2 && s[0] == 0xFE && s[1] == 0xFF {
			u := make([]uint16, 0, len(s)/2)
			for k := 2; k+1 < len(s); k += 2 {
				u = append(u, uint16(s[k])<<8|uint16(s[k+1]))
			}
			s = []byte(string(utf16.Decode(u)))
		}
		out = append(out, string(s))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

package search

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
)

// The index files are written by appending to a buffer, without
// reflection: the same bytes as encoding/json's Marshal (TestJSONWriter
// compares them), at a fraction of its time and allocations.

const hexDigits = "0123456789abcdef"

// jsonSafe marks the ASCII bytes a JSON string holds as they are.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for b := range t {
		t[b] = b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string the way encoding/json does:
// '"' and '\' escaped, control characters as \b \f \n \r \t or \u00XX,
// and <, >, & as \u003c, \u003e, \u0026 (Marshal's HTML escaping), each
// invalid UTF-8 byte as \ufffd, and U+2028 and U+2029 as \u2028, \u2029.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if jsonSafe[b] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendJSONFloat appends f as encoding/json writes a float64 (as
// ECMAScript prints numbers: no exponent from 1e-6 to 1e21). f must be
// finite.
func appendJSONFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

// minifyNumber rewrites the number at the end of b, from at on, as the
// site's JSON minifier writes numbers (3000 as 3e3, 0.000341 as 341e-6):
// the index's files are published as they are made, with no minifier
// parsing them again (TestFilesMinified), and are the bytes a build
// published when it did.
func minifyNumber(b []byte, at int) []byte {
	var tmp [32]byte // n is a part of b, which the zero may overwrite
	n := append(tmp[:0], minify.Number(b[at:], 0)...)
	// JSON needs the zero before the point, which Number drops (the
	// minifier writes it back).
	neg := len(n) > 1 && n[0] == '-' && n[1] == '.'
	if neg {
		n = n[1:]
	}
	switch {
	case neg:
		b = append(b[:at], "-0"...)
	case n[0] == '.':
		b = append(b[:at], '0')
	default:
		b = b[:at]
	}
	return append(b, n...)
}

// appendJSONStrings appends a JSON array of strings.
func appendJSONStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, s)
	}
	return append(dst, ']')
}

// decimalLess orders non-negative numbers as their decimal strings sort
// ("10" < "9"), the order of encoding/json's keys of a map with integer
// keys.
func decimalLess(a, b int32) bool {
	var x, y [12]byte
	return string(strconv.AppendInt(x[:0], int64(a), 10)) < string(strconv.AppendInt(y[:0], int64(b), 10))
}

package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character a terminal would act on instead of
// show written as an escape: C0 and C1 controls (ESC starts the sequences
// that recolour or clear a terminal, BEL rings, CR overwrites the line),
// bidirectional controls (U+202E shows "fdp.exe" as "exe.pdf") and bytes
// that are not UTF-8, as \x1B, \u202E or \xFF. With lines, newlines and tabs
// are kept (a message may span lines); without, they are escaped too (a
// path is one line). Text with nothing to escape is returned as it is.
func Visible(s string, lines bool) string {
	i := 0
	for i < len(s) && (s[i] >= 0x20 && s[i] < 0x7f || lines && (s[i] == '\n' || s[i] == '\t')) {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02X`, s[i])
		case lines && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02X`, r)
		case 0x80 <= r && r < 0xa0, 0x202a <= r && r <= 0x202e, 0x2066 <= r && r <= 0x2069:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

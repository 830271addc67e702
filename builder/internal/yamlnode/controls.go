package yamlnode

import (
	"fmt"
	"strings"
)

// Controls returns s without the invisible control characters no published
// text may hold, the first one it found and whether it found one (when not,
// s is returned as it is). YAML and TOML let them in through escapes ("\v",
// "\e", "\x01", "\0"), and a copy from Word or a PDF brings "\v" (Word's
// line break) or "\f": passed on, they made every page fail the HTML
// checker, put raw escapes into the register's CSV, the BibTeX and RIS
// files, and broke XML readers. Tabs and line ends are kept. A vertical
// tab, a form feed and U+0085 break a line, so they become a space; the
// rest are dropped. U+FFFE and U+FFFF, which XML forbids, count too.
func Controls(s string) (string, rune, bool) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c == 0xc2 || c == 0xef {
			break
		}
		i++
	}
	if i == len(s) {
		return s, 0, false
	}
	var b strings.Builder
	var first rune
	found := false
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !control(r) {
			b.WriteRune(r)
			continue
		}
		if !found {
			first, found = r, true
		}
		if r == '\v' || r == '\f' || r == 0x85 {
			b.WriteByte(' ')
		}
	}
	if !found {
		return s, 0, false // only letters that begin with 0xC2 or 0xEF (é, ﬁ)
	}
	return b.String(), first, true
}

// control reports whether r is one of the characters Controls removes.
func control(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r < 0xa0 || r == 0xfffe || r == 0xffff
}

// ControlMessage is the warning for a value Controls changed: which
// character, and what the editor should do.
func ControlMessage(r rune) string {
	return fmt.Sprintf("this value holds the invisible control character U+%04X (copied from Word or a PDF, or written as an escape like \"\\v\"), which is left out of the site; delete it", r)
}

// Override returns the first direction override or isolate in s (U+202A to
// U+202E, U+2066 to U+2069) and true. They are kept (a title may mix
// Hungarian with Arabic or Hebrew), but "\u202Eevil" shows as "live":
// a title, a name or a link text reads otherwise than it is written.
func Override(s string) (rune, bool) {
	if !strings.Contains(s, "\xe2\x80") && !strings.Contains(s, "\xe2\x81") {
		return 0, false
	}
	for _, r := range s {
		if 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 {
			return r, true
		}
	}
	return 0, false
}

// OverrideMessage is the warning for a value Override found a mark in.
func OverrideMessage(r rune) string {
	return fmt.Sprintf("this value holds an invisible direction mark (U+%04X) that makes it read otherwise than it is written; delete it unless the text mixes in a right-to-left script", r)
}

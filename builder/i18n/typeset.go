package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// nbsp is the no-break space.
const nbsp = "\u00a0"

// Typeset returns s as the language prints text: straight quotes become
// the language's quotation marks (outer "…", inner '…'), a straight
// apostrophe becomes ’, and the space after a word the language does not
// leave at a line's end (Slovak v, k, s, z, o, u, a, i; Hungarian a, az)
// becomes a no-break space. It is for text shown to readers (titles,
// summaries, front-matter lists, site.yaml texts); data such as JSON-LD
// keeps the text as written. A string with nothing to change is returned
// as it is, without allocating.
func (l *Lang) Typeset(s string) string {
	if l == nil || !l.needsTypesetting(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	singles := 0 // inner quotes open
	prev := rune(-1)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := rune(-1)
		if i+size < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		switch {
		case r == '"':
			if l.opens(prev) {
				b.WriteString(l.Quotes[0])
			} else {
				b.WriteString(l.Quotes[1])
			}
		case r == '\'':
			switch {
			case isWord(prev) && isWord(next):
				b.WriteString("’") // Union's, l'Europe
			case l.opens(prev) && unicode.IsDigit(next):
				b.WriteString("’") // the '90s
			case l.opens(prev) && next != -1 && !unicode.IsSpace(next):
				singles++
				b.WriteString(l.Quotes[2])
			case singles > 0:
				singles--
				b.WriteString(l.Quotes[3])
			default:
				b.WriteString("’") // the partners' meeting
			}
		case r == ' ' && l.noBreakBefore(s[:i], prev):
			b.WriteString(nbsp)
		default:
			b.WriteString(s[i : i+size])
		}
		prev = r
		i += size
	}
	return b.String()
}

// needsTypesetting reports whether s has a straight quote, or a space the
// language may want to keep from breaking.
func (l *Lang) needsTypesetting(s string) bool {
	if strings.ContainsAny(s, `"'`) {
		return true
	}
	if len(l.NoBreakAfter) == 0 {
		return false
	}
	for i := strings.IndexByte(s, ' '); i >= 0; {
		if l.noBreakBefore(s[:i], -2) {
			return true
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// noBreakBefore reports whether the space that follows head must not
// break: head ends with a whole word listed in NoBreakAfter. prev is the
// last rune of head when known (-2: not known).
func (l *Lang) noBreakBefore(head string, prev rune) bool {
	if len(l.NoBreakAfter) == 0 || prev != -2 && !isWord(prev) {
		return false
	}
	start := len(head)
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(head[:start])
		if !isWord(r) {
			break
		}
		start -= size
		if len(head)-start > l.longestNoBreak {
			return false
		}
	}
	word := head[start:]
	if word == "" {
		return false
	}
	for _, w := range l.NoBreakAfter {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

// NoBreakBefore reports whether the space after head must not break:
// head ends with a word of NoBreakAfter ("… v", "… az"). The Markdown
// renderer asks it for each space of a body.
func (l *Lang) NoBreakBefore(head string) bool { return l.noBreakBefore(head, -2) }

// opens reports whether a quote after prev opens a quotation: at the start,
// after a space, an opening bracket or dash, or another opening quote.
func (l *Lang) opens(prev rune) bool {
	if prev == -1 || unicode.IsSpace(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '-', '–', '—', '/':
		return true
	}
	p := string(prev)
	return p == l.Quotes[0] || p == l.Quotes[2]
}

func isWord(r rune) bool { return r >= 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

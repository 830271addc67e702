package brief

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
)

// Characters the fonts cannot show. fpdf panics on a character outside the
// Basic Multilingual Plane (an emoji) and prints an empty box for one the
// font lacks, so every string that reaches fpdf goes through
// [metrics.printable] first: the layout calls it on the text it measures,
// and the pen calls it again on everything it draws, as the last guard.
// [Engine.Unprintable] reports what was replaced, once per character and
// document, so an editor learns why a brief shows "?".

// replacement is printed for a visible character the font has no glyph for.
const replacement = '?'

// fallback returns what the brief prints for r, which the face lacks: a
// near equivalent the face has, -1 to leave it out (invisible characters),
// or [replacement]. warn says whether an editor should hear about it.
func (m *metrics) fallback(r rune) (out rune, warn bool) {
	switch {
	case r >= 0x2000 && r <= 0x200A, r == 0x202F, r == 0x205F, r == 0x3000:
		// Typographic spaces (the mono face lacks most of them).
		if r == 0x202F {
			return 0xA0, false // narrow no-break space: still no break
		}
		return ' ', false
	case r == 0x2010 || r == 0x2011:
		return '-', false
	case r == 0x2012:
		return '–', false
	case r == 0x2015:
		return '—', false
	case r == '\t' || r == '\n' || r == '\r':
		return ' ', false // in metadata (a summary written over several lines)
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, unicode.Is(unicode.Cf, r):
		// Variation selectors, joiners, byte-order marks, soft hyphens the
		// face lacks: invisible by design, so nothing is lost.
		return -1, false
	case r < 0x20 || r >= 0x7F && r < 0xA0:
		return -1, true // a control character: invisible, but not on purpose
	}
	return replacement, true
}

// printable returns s with every character the face cannot draw replaced
// by its fallback, and invalid UTF-8 by [replacement]. It returns s itself,
// without allocating, when the face has every character.
func (m *metrics) printable(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7F {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !m.has(r) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		if !m.has(r) {
			r, _ = m.fallback(r)
			if r < 0 {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Unprintable warns about the characters of a document that its brief
// cannot show: one warning per character, at its first place (path is the
// file as editors know it, bodyLine the file line the body starts on). The
// body's source is scanned as written, so a character inside a link's
// address is reported too, though it is not printed. It checks the body
// face; the others lack only a few symbols the body face has.
func (e *Engine) Unprintable(d *Document, path string, bodyLine int) diag.List {
	m := e.met[serif]
	var diags diag.List
	seen := map[rune]bool{}
	report := func(pos diag.Pos, where string, r rune) {
		if seen[r] {
			return
		}
		seen[r] = true
		diags.Warnf(pos, "%s", unprintableMsg(m, r, where))
	}
	fields := []struct {
		name string
		text []string
	}{
		{"the title", []string{d.Title}}, {"the summary", []string{d.Summary}},
		{"the authors", d.Authors}, {"the partners", d.Partners}, {"the topics", d.Keywords},
	}
	for _, in := range d.Indicators {
		fields = append(fields, struct {
			name string
			text []string
		}{"the indicators", []string{in.Name, in.Value, in.Target}})
	}
	var boxed []string
	for _, b := range d.Boxes {
		boxed = append(boxed, b.Title)
		for _, f := range b.Facts {
			boxed = append(boxed, f.Value)
		}
		for _, l := range b.Lists {
			boxed = append(boxed, l.Items...)
		}
	}
	if len(boxed) > 0 {
		fields = append(fields, struct {
			name string
			text []string
		}{"the key facts or recommendations", boxed})
	}
	for _, f := range fields {
		for _, s := range f.text {
			for _, r := range s {
				if !m.has(r) && !seen[r] {
					if _, warn := m.fallback(r); warn {
						report(diag.Pos{File: path}, " in "+f.name, r)
					}
				}
			}
		}
	}
	if d.Body == nil {
		return diags
	}
	src := d.Body.Source
	line, lineStart := bodyLine, 0
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c == '\n' {
				line, lineStart = line+1, i+1
			} else if c < 0x20 && c != '\t' && c != '\r' || c == 0x7F {
				report(diag.Pos{File: path, Line: line, Col: utf8.RuneCount(src[lineStart:i]) + 1}, "", rune(c))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if !m.has(r) && !seen[r] {
			if _, warn := m.fallback(r); warn {
				// Columns count characters, as editors do.
				report(diag.Pos{File: path, Line: line, Col: utf8.RuneCount(src[lineStart:i]) + 1}, "", r)
			}
		}
		i += n
	}
	return diags
}

// unprintableMsg says which character cannot be printed and what the brief
// shows instead.
func unprintableMsg(m *metrics, r rune, where string) string {
	name := fmt.Sprintf("%U", r)
	if unicode.IsGraphic(r) && r != utf8.RuneError {
		name = fmt.Sprintf("%c (%U)", r, r)
	}
	if out, _ := m.fallback(r); out < 0 {
		return fmt.Sprintf("the invisible control character %s%s is left out of the PDF brief; delete it", name, where)
	}
	if r == utf8.RuneError {
		return fmt.Sprintf("a character that is not valid text%s (%s) is shown as %c in the PDF brief; save the file as UTF-8", where, name, replacement)
	}
	return fmt.Sprintf("the PDF brief's font has no glyph for %s%s; the brief prints %c instead", name, where, replacement)
}

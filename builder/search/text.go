package search

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldTable maps a lower-case Latin letter with diacritics to its base
// letter (á → a, ő → o, ľ → l, č → c). It is made once from Unicode's
// canonical decompositions, so it agrees with the page's script, which folds
// with String.prototype.normalize("NFD") and drops the combining marks.
var foldTable = func() map[rune]rune {
	m := map[rune]rune{}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			d := []rune(norm.NFD.String(string(unicode.ToLower(r))))
			if len(d) > 1 && d[0] < 0x80 {
				m[unicode.ToLower(r)] = d[0]
			}
		}
	}
	add(0xC0, 0x24F)    // Latin-1 Supplement, Extended-A and -B
	add(0x1E00, 0x1EFF) // Latin Extended Additional
	return m
}()

// foldRune returns r in lower case without diacritics.
func foldRune(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	r = unicode.ToLower(r)
	if b, ok := foldTable[r]; ok {
		return b
	}
	return r
}

// Fold returns s in lower case with the diacritics of Latin letters removed:
// "Közösségi" → "kozossegi", "Košice" → "kosice". Index terms and queries
// are compared folded; the exact spelling only adds a small bonus.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// isWordRune reports whether r belongs to a word: letters, digits and the
// combining marks of decomposed text, but not the variation selectors that
// ask for a glyph's emoji or text form (the footnotes' "↩︎" ends with one).
// The page's script splits words with the same rule (search.js words).
func isWordRune(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if 0xFE00 <= r && r <= 0xFE0F || 0xE0100 <= r && r <= 0xE01EF {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.N, r)
}

// maxWordBytes is the longest word the index keeps: longer runs of letters
// (a pasted hash, an address or a table without spaces) are nobody's
// query, and one of 200,000 letters made a shard of 600 KB. Hungarian's
// longest words have some 45 letters.
const maxWordBytes = 128

// compat returns w in Unicode's compatibility form (NFKC) when that form
// differs: ligatures (ﬁ → fi), full-width letters (Ｍｉｓｋｏｌｃ), superscripts.
// Text pasted from PDFs and East Asian keyboards has them; the page's script
// normalises queries the same way.
func compat(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			if !norm.NFKC.IsNormalString(w) {
				return norm.NFKC.String(w)
			}
			break
		}
	}
	return w
}

// eachWord calls f with each word of s and the byte offset where it starts.
// It does not allocate.
func eachWord(s string, f func(word string, at int)) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var word bool
		size := 1
		if c < 0x80 {
			word = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			word = isWordRune(r)
		}
		if word {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(s[start:i], start)
			start = -1
		}
		i += size
	}
	if start >= 0 {
		f(s[start:], start)
	}
}

// Words returns the words of s in order.
func Words(s string) []string {
	var out []string
	eachWord(s, func(w string, _ int) { out = append(out, w) })
	return out
}

// lower returns w in lower case, keeping its diacritics.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			b := make([]byte, 0, len(w))
			for _, r := range w {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return string(b)
		}
	}
	return w
}

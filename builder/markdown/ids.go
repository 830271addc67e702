package markdown

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/text/unicode/norm"
)

// Slugify folds accents and keeps letters and digits, joining words with
// hyphens: "Közösségi coaching" becomes "kozossegi-coaching". It is the one
// function that turns text into URL and ID segments.
func Slugify(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	// Decomposing is only needed for letters outside ASCII.
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			// norm leaves letters after an invalid byte composed ("ğ"),
			// which made a slug change when made again: invalid bytes
			// separate words, like any other character that is no letter.
			if !utf8.ValidString(s) {
				s = strings.ToValidUTF8(s, " ")
			}
			s = norm.NFD.String(s)
			break
		}
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		// Letters NFD does not split are spelled out after lowering, so
		// that a capital (ẞ, Ł) gives what its small letter gives and a
		// slug made again stays the same.
		switch r = unicode.ToLower(r); r {
		case 'ß':
			b.WriteString("ss")
		case 'ł':
			b.WriteByte('l')
		case 'đ':
			b.WriteByte('d')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ids gives headings stable, accent-folded, unique IDs within one document.
type ids struct {
	used map[string]bool
	// next is, for a base ID given before, the first number to try after
	// it. The set of used IDs only grows, so the smallest free number never
	// goes down, and starting from here gives what counting from 1 gives:
	// 20,000 headings "## Same" took a minute counting from 1 each time.
	next map[string]int
}

func newIDs() *ids { return &ids{used: map[string]bool{}, next: map[string]int{}} }

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	if s.used[id] {
		n := max(s.next[base], 1)
		for id = base + "-" + strconv.Itoa(n); s.used[id]; n++ {
			id = base + "-" + strconv.Itoa(n+1)
		}
		s.next[base] = n + 1
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }

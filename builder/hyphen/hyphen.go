// Package hyphen finds hyphenation points with Liang's algorithm (the one TeX
// uses) and the embedded pattern sets for Hungarian, Slovak and English.
//
// The patterns come in the libhyphen (.dic) form Debian ships, which adds
// non-standard breaks to Liang's patterns: Hungarian "asszony" breaks as
// "asz-szony", so a [Break] may replace letters around the break point.
package hyphen

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed patterns/*.dic.gz
var patternFS embed.FS

// Break is a point where a word may be hyphenated. The letters Start..End
// (rune indexes into the word) are dropped when the word breaks here; Pre ends
// the first line (before the hyphen) and Post starts the next. For an ordinary
// break Start == End and Pre and Post are empty.
type Break struct {
	Start, End int
	Pre, Post  string
}

// Hyphenator hyphenates the words of one language. It is immutable and safe
// for concurrent use.
type Hyphenator struct {
	patterns          map[string]*pattern
	maxLen            int // longest pattern, in runes
	leftMin, rightMin int // fewest letters kept before and after a break
}

type pattern struct {
	vals []byte // vals[i] is the value before the i-th letter
	repl *replacement
}

type replacement struct {
	pre, post  string
	index, cut int // 0-based first replaced letter of the pattern; letters replaced
}

// files maps a language to its pattern file and minimum fragment lengths,
// which follow the usual typesetting conventions of each language.
var files = map[string]struct {
	file        string
	left, right int
}{
	"hu": {"hu.dic.gz", 2, 2},
	"sk": {"sk.dic.gz", 2, 2},
	"en": {"en.dic.gz", 2, 3},
}

var cache sync.Map // base language → func() (*Hyphenator, error)

// For returns the hyphenator of lang ("hu", "sk", "en", or a tag such as
// "en-GB" whose base is one of those). Patterns are parsed on first use and
// shared by the whole process afterwards.
func For(lang string) (*Hyphenator, error) {
	base := strings.ToLower(lang)
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	f, ok := files[base]
	if !ok {
		return nil, fmt.Errorf("hyphen: no patterns for language %q", lang)
	}
	load, _ := cache.LoadOrStore(base, sync.OnceValues(func() (*Hyphenator, error) {
		data, err := patternFS.ReadFile("patterns/" + f.file)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		h, err := Parse(zr)
		if err != nil {
			return nil, fmt.Errorf("hyphen: %s: %w", f.file, err)
		}
		h.leftMin, h.rightMin = f.left, f.right
		return h, nil
	}))
	return load.(func() (*Hyphenator, error))()
}

// Parse reads patterns in libhyphen's UTF-8 .dic format: a charset line,
// optional keyword lines, then one pattern a line, "%" starting comments.
func Parse(r interface{ Read([]byte) (int, error) }) (*Hyphenator, error) {
	h := &Hyphenator{patterns: make(map[string]*pattern, 1<<14), leftMin: 2, rightMin: 2}
	sc := bufio.NewScanner(r)
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			if line != "UTF-8" {
				return nil, fmt.Errorf("charset %q, want UTF-8", line)
			}
			continue
		}
		if line == "" || line[0] == '%' || isKeyword(line) {
			continue
		}
		letters, p, err := parsePattern(line)
		if err != nil {
			// Upstream has a stray malformed line; one lost pattern only
			// loses a hyphenation point, so skip it rather than fail.
			continue
		}
		if _, dup := h.patterns[letters]; !dup {
			h.patterns[letters] = p
			h.maxLen = max(h.maxLen, utf8.RuneCountInString(letters))
		}
	}
	return h, sc.Err()
}

// isKeyword reports lines such as "LEFTHYPHENMIN 2": the minimums are fixed
// per language in files instead.
func isKeyword(line string) bool {
	for _, r := range line {
		if r == ' ' {
			return true
		}
		if !unicode.IsUpper(r) && r != '_' {
			return false
		}
	}
	return false
}

// parsePattern splits "as5szon2y/sz=,2,1" into its letters, the values
// between them and the optional non-standard replacement.
func parsePattern(line string) (string, *pattern, error) {
	spec, rest, nonstd := strings.Cut(line, "/")
	var letters strings.Builder
	p := &pattern{vals: []byte{0}}
	for _, r := range spec {
		if r >= '0' && r <= '9' {
			p.vals[len(p.vals)-1] = byte(r - '0')
			continue
		}
		letters.WriteRune(r)
		p.vals = append(p.vals, 0)
	}
	if nonstd {
		parts := strings.Split(rest, ",")
		if len(parts) != 3 {
			return "", nil, fmt.Errorf("bad non-standard pattern %q", line)
		}
		idx, err1 := strconv.Atoi(parts[1])
		cut, err2 := strconv.Atoi(parts[2])
		if err1 != nil || err2 != nil || idx < 1 {
			return "", nil, fmt.Errorf("bad non-standard pattern %q", line)
		}
		pre, post, _ := strings.Cut(parts[0], "=")
		p.repl = &replacement{pre: pre, post: post, index: idx - 1, cut: cut}
	}
	return letters.String(), p, nil
}

// Hyphenate returns the points where word may break, in order. Words with
// characters other than letters (numbers, URLs) are not hyphenated.
func (h *Hyphenator) Hyphenate(word string) []Break {
	n := utf8.RuneCountInString(word)
	if n < h.leftMin+h.rightMin {
		return nil
	}
	var b strings.Builder
	b.Grow(len(word) + 2)
	b.WriteByte('.')
	for _, r := range word {
		if !unicode.IsLetter(r) {
			return nil
		}
		b.WriteRune(unicode.ToLower(r))
	}
	b.WriteByte('.')
	w := b.String()
	// off[i] is the byte offset of the i-th rune of w, off[n+2] its end.
	off := make([]int, 0, n+3)
	for i := range w {
		off = append(off, i)
	}
	off = append(off, len(w))
	vals := make([]byte, n+3)
	type hit struct {
		r     *replacement
		start int // rune index in w where the pattern starts
	}
	var repl map[int]hit
	for i := 0; i < n+2; i++ {
		for j := i + 1; j <= min(n+2, i+h.maxLen); j++ {
			p, ok := h.patterns[w[off[i]:off[j]]]
			if !ok {
				continue
			}
			for k, v := range p.vals {
				if v > vals[i+k] {
					vals[i+k] = v
					if p.repl != nil && v%2 == 1 {
						if repl == nil {
							repl = map[int]hit{}
						}
						repl[i+k] = hit{p.repl, i}
					} else {
						delete(repl, i+k)
					}
				}
			}
		}
	}
	var out []Break
	// A break before letter i of the word is position i+1 of w (after ".").
	for i := h.leftMin; i <= n-h.rightMin; i++ {
		if vals[i+1]%2 == 0 {
			continue
		}
		if hr, ok := repl[i+1]; ok {
			start := hr.start - 1 + hr.r.index // back to word indexes
			if start >= 0 && start+hr.r.cut <= n {
				out = append(out, Break{Start: start, End: start + hr.r.cut, Pre: hr.r.pre, Post: hr.r.post})
				continue
			}
		}
		out = append(out, Break{Start: i, End: i})
	}
	return out
}

// Show returns word with every break marked by sep, showing non-standard
// breaks as their replacement: "asz-szony". It is meant for tests and tools.
func (h *Hyphenator) Show(word, sep string) string {
	runes := []rune(word)
	var b strings.Builder
	last := 0
	for _, br := range h.Hyphenate(word) {
		if br.Start < last {
			continue // overlapping replacements: keep the first
		}
		b.WriteString(string(runes[last:br.Start]))
		b.WriteString(br.Pre + sep + br.Post)
		last = br.End
	}
	b.WriteString(string(runes[last:]))
	return b.String()
}

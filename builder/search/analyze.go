package search

import (
	"math/bits"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/resolve"
)

// The fields of a document, in order of weight.
const (
	fTitle = iota
	fHead
	fTags
	fSummary
	fBody
	nFields
)

// termInfo is what a surface word (as written) turns into.
type termInfo struct {
	id      int32 // term in the analyzer's table
	variant uint8 // which spelling (stem with diacritics) of the term
}

// term is one index term (a folded stem) of a language.
type term struct {
	key      string
	variants []string        // stems with diacritics folding to key
	forms    map[string]bool // folded words (≠ key) that stem to it
	// posts are the term's postings by document, once merged (a part of
	// the index's one array of postings); df counts them while analysed.
	posts []posting
	df    int32
}

// variant returns the number of stem spelling st among t's variants,
// adding it when it is new; past 255 spellings the first stands for the rest.
func (t *term) variant(st string) uint8 {
	for i, s := range t.variants {
		if s == st {
			return uint8(i)
		}
	}
	if len(t.variants) < 255 {
		t.variants = append(t.variants, st)
		return uint8(len(t.variants) - 1)
	}
	return 0
}

// posting is one document's occurrences of a term.
type posting struct {
	doc     int32
	off     uint16 // 1 + byte offset of the first occurrence in the body's first 64 KB, or 0
	tf      [nFields]uint8
	variant uint8
}

// docAcc collects one document's terms while it is read.
type docAcc struct {
	doc   int32
	slot  []int32 // term → 1 + index in posts, 0: not yet
	posts []rec   // as the log keeps them: copied to it at once
	terms []int32
	lens  [nFields]uint16
	prev  int32
}

// rec is a posting of term (the analyzer's number) in the analyzer's log,
// without its document (the log says how many postings each has).
type rec struct {
	term    int32
	off     uint16
	tf      [nFields]uint8
	variant uint8
}

// pairRec says that terms a and b stand next to each other (a first) in
// the title, a heading or the summary of document doc.
type pairRec struct{ a, b, doc int32 }

// analyzer turns a range of documents into terms and postings. Each worker
// has its own, so nothing is locked; their tables are merged in order.
// Postings and phrases go to flat logs in document order (no map or slice
// per term), which the merge sorts into one array.
type analyzer struct {
	stem  func(string) string
	words wordTable // surface word → term, the stemming cache
	byKey map[string]int32
	terms []*term
	lens  [][nFields]uint16 // per document of the range
	first int32             // the range's first document
	log   blocks[rec]       // postings in document order
	count []int32           // postings of each document of the range
	pairs blocks[pairRec]   // in document order
	acc   docAcc
	// aliased: the pairs of names alias has made (a site names a few
	// cities in every document).
	aliased map[[2]string]bool
}

func newAnalyzer(stem func(string) string) *analyzer {
	return &analyzer{stem: stem, byKey: map[string]int32{}}
}

// lookup returns the term of a surface word, stemming it the first time.
func (a *analyzer) lookup(w string, h uint32) termInfo {
	if ti, ok := a.words.get(w, h); ok {
		return ti
	}
	w = strings.Clone(w) // w may point into a reused buffer
	lw := lower(compat(w))
	st := lw
	if a.stem != nil && !isNumber(lw) {
		st = a.stem(lw)
	}
	key := Fold(st)
	id, ok := a.byKey[key]
	if !ok {
		id = int32(len(a.terms))
		a.byKey[key] = id
		a.terms = append(a.terms, &term{key: key})
	}
	t := a.terms[id]
	v := t.variant(st)
	if f := Fold(lw); f != key {
		if t.forms == nil {
			t.forms = map[string]bool{}
		}
		t.forms[f] = true
	}
	ti := termInfo{id: id, variant: v}
	a.words.put(w, h, ti)
	return ti
}

func isNumber(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// alias makes the one-word name other a spelling of the term of name, so
// that a query for either finds the documents of name.
func (a *analyzer) alias(other, name string) {
	if a.aliased[[2]string{other, name}] {
		return // made already: nothing would change
	}
	if a.aliased == nil {
		a.aliased = map[[2]string]bool{}
	}
	a.aliased[[2]string{other, name}] = true
	ow, nw := Words(other), Words(name)
	if len(ow) != 1 || len(nw) != 1 {
		return
	}
	f, t := Fold(lower(ow[0])), a.terms[a.lookup(nw[0], wordHash(nw[0])).id]
	if f == t.key {
		return
	}
	if t.forms == nil {
		t.forms = map[string]bool{}
	}
	t.forms[f] = true
}

// asciiWord marks the ASCII bytes that belong to a word (isWordRune).
var asciiWord = func() (t [128]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// word2 marks the runes of two bytes in UTF-8 (U+0080–U+07FF: the Latin
// letters with diacritics, Greek, Cyrillic) that belong to a word: most of
// a Hungarian or Slovak text's non-ASCII letters, a table look-up each
// instead of Unicode's range tables.
var word2 = func() (t [0x800]bool) {
	for r := range t {
		t[r] = isWordRune(rune(r))
	}
	return t
}()

// word3 marks the runes U+2000–U+2FFF (three bytes in UTF-8, the first
// 0xE2) that belong to a word: the dashes and quotes of a text (– “ ”)
// are there, and are not.
var word3 = func() (t [0x1000]bool) {
	for r := range t {
		t[r] = isWordRune(rune(0x2000 + r))
	}
	return t
}()

// wordRuneAt reports whether the rune that starts at s[i] (not ASCII)
// belongs to a word, and its length in bytes.
func wordRuneAt(s string, i int) (bool, int) {
	c := s[i]
	if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return word2[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)], 2
	}
	if c == 0xE2 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return word3[rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F)], 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r), size
}

// wordStops marks (the high bit of each byte) the bytes of x, eight bytes
// of a text, that are not ASCII letters or digits: those end a word, or
// (not ASCII) may.
func wordStops(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	y := x &^ highs // each byte below 0x80: the sums below carry into no other byte
	l := y | 0x20*ones
	letter := (l + (0x80-'a')*ones) &^ (l + (0x7F-'z')*ones)
	digit := (y + (0x80-'0')*ones) &^ (y + (0x7F-'9')*ones)
	return ^((letter | digit) &^ x) & highs
}

// add counts the words of s in field f of the current document. It splits
// s as eachWord does. A word of ASCII letters and digits, most of any
// text, is read eight bytes at a time and hashed as it is read (wordHash,
// the stemming cache's); another is read a rune at a time and hashed after.
func (a *analyzer) add(s string, f int, pairs bool) {
	a.acc.prev = -1
	for i := 0; i < len(s); {
		// Between words.
		if c := s[i]; c < 0x80 {
			if !asciiWord[c] {
				i++
				continue
			}
		} else if ok, size := wordRuneAt(s, i); !ok {
			i += size
			continue
		}
		// A word from start to i.
		start, h, hashed := i, uint64(0), false
		for i+8 <= len(s) {
			x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			m := wordStops(x)
			if m == 0 {
				h = hashChunk(h, x)
				i += 8
				continue
			}
			k := bits.TrailingZeros64(m) >> 3
			if k > 0 {
				h = hashChunk(h, x&(1<<(8*k)-1))
				i += k
			}
			// Ended by an ASCII byte: the word is whole and hashed.
			hashed = s[i] < 0x80
			break
		}
		if !hashed {
			for i < len(s) {
				if c := s[i]; c < 0x80 {
					if !asciiWord[c] {
						break
					}
					i++
					continue
				}
				ok, size := wordRuneAt(s, i)
				if !ok {
					break
				}
				i += size
			}
			a.token(s[start:i], start, wordHash(s[start:i]), f, pairs)
			continue
		}
		a.token(s[start:i], start, hashEnd(h, i-start), f, pairs)
	}
}

// token counts word w (hash h), at byte at of field f.
func (a *analyzer) token(w string, at int, h uint32, f int, pairs bool) {
	acc := &a.acc
	if len(w) < 2 && !isNumber(w) || len(w) > maxWordBytes {
		acc.prev = -1
		return
	}
	ti := a.lookup(w, h)
	for int(ti.id) >= len(acc.slot) {
		acc.slot = append(acc.slot, 0)
	}
	i := acc.slot[ti.id] - 1
	if i < 0 {
		i = int32(len(acc.posts))
		acc.slot[ti.id] = i + 1
		acc.posts = append(acc.posts, rec{term: ti.id, variant: ti.variant})
		acc.terms = append(acc.terms, ti.id)
	}
	p := &acc.posts[i]
	if p.tf[f] < 255 {
		p.tf[f]++
	}
	if f == fBody && p.off == 0 && at < 65535 {
		p.off = uint16(at + 1)
	}
	if acc.lens[f] < 65535 {
		acc.lens[f]++
	}
	if pairs && acc.prev >= 0 && acc.prev != ti.id {
		a.pairs.add(pairRec{acc.prev, ti.id, acc.doc})
	}
	acc.prev = ti.id
}

// doc reads one document (number doc of the language) into the tables.
func (a *analyzer) doc(doc int32, p *resolve.Page, typeLabel string, body string) {
	a.acc.doc = doc
	a.add(p.Title, fTitle, true)
	if p.Body != nil {
		for _, h := range p.Body.Headings {
			a.add(h.Text, fHead, true)
		}
	}
	if m := p.Meta; m != nil {
		for _, list := range [][]string{m.Topics, m.Partners, m.Cities} {
			for _, t := range list {
				a.add(t, fTags, false)
			}
		}
		for _, t := range []string{m.City, m.Country, m.Location, typeLabel} {
			a.add(t, fTags, false)
		}
		// The cities as the translations name them (Košice is Kassa in
		// Hungarian, Miskolc Miškovec in Slovak) are spellings of this
		// language's name: a reader may type either.
		langs := make([]string, 0, len(p.Translations))
		for code := range p.Translations {
			langs = append(langs, code)
		}
		sort.Strings(langs)
		for _, code := range langs {
			if tm := p.Translations[code].Meta; tm != nil && code != p.Lang {
				for i, c := range tm.Cities {
					if i < len(m.Cities) {
						a.alias(c, m.Cities[i])
					}
				}
			}
		}
		if !p.Date.IsZero() {
			a.add(strconv.Itoa(p.Date.Year()), fTags, false)
		}
	}
	a.add(p.Summary, fSummary, true)
	a.add(body, fBody, false)
	acc := &a.acc
	for _, id := range acc.terms {
		a.terms[id].df++
		acc.slot[id] = 0
	}
	a.log.addAll(acc.posts)
	a.count = append(a.count, int32(len(acc.terms)))
	a.lens = append(a.lens, acc.lens)
	acc.posts, acc.terms, acc.lens = acc.posts[:0], acc.terms[:0], [nFields]uint16{}
}

package brief

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/internal/safeurl"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

type family uint8

const (
	famSerif family = iota
	famSans
	famMono
)

// pick returns the face of a family for bold and italic text. Sans is only
// used bold, for headings and labels: every face fpdf embeds costs time.
func pick(f family, bold, italic bool) fontID {
	switch f {
	case famSans:
		return sansBold
	case famMono:
		return mono
	}
	switch {
	case bold && italic:
		return serifBoldItalic
	case bold:
		return serifBold
	case italic:
		return serifItalic
	}
	return serif
}

// textOpts is how a block of text is set.
type textOpts struct {
	fam          family
	bold, italic bool
	size         float64
	color        rgb
	justify      bool
	align        east.Alignment // when not justified: left, center or right
	hyphenate    bool
}

// inlineState is the styling that Emphasis, Link and friends nest.
type inlineState struct {
	bold, italic, code, strike bool
	link, anchor               string
}

// itemizer turns inline nodes into Knuth–Plass items.
type itemizer struct {
	l     *layout
	o     textOpts
	items []item
	tail  string // the text since the last space, for layout.noBreak
}

func (z *itemizer) style(s inlineState) *style {
	st := &style{font: pick(z.o.fam, z.o.bold || s.bold, z.o.italic || s.italic), size: z.o.size,
		color: z.o.color, link: s.link, anchor: s.anchor, strike: s.strike}
	if s.code {
		st.font, st.size = mono, z.o.size*0.88
	}
	if s.link != "" || s.anchor != "" {
		st.color = colLink
	}
	return st
}

// inlines adds the inline children of n.
func (z *itemizer) inlines(n ast.Node, s inlineState) {
	src := z.l.src
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			z.text(string(c.Segment.Value(src)), z.style(s), s.code)
			if c.HardLineBreak() {
				z.forceBreak()
			} else if c.SoftLineBreak() {
				z.text(" ", z.style(s), s.code)
			}
		case *ast.String:
			z.text(string(c.Value), z.style(s), s.code)
		case *ast.CodeSpan:
			t := s
			t.code = true
			z.inlines(c, t)
		case *ast.Emphasis:
			t := s
			if c.Level >= 2 {
				t.bold = true
			} else {
				t.italic = true
			}
			z.inlines(c, t)
		case *east.Strikethrough:
			t := s
			t.strike = true
			z.inlines(c, t)
		case *ast.Link:
			t := s
			t.link, t.anchor = z.l.resolve(string(c.Destination))
			if !safeurl.Allowed(t.link) {
				t.link = "" // javascript:, data: …: text, not an action
			}
			z.inlines(c, t)
		case *ast.AutoLink:
			t := s
			url := string(c.URL(src))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(url, "mailto:") {
				t.link = "mailto:" + url
			} else {
				t.link = url
			}
			if !safeurl.Allowed(t.link) {
				t.link = ""
			}
			z.text(string(c.Label(src)), z.style(t), true)
		case *ast.Image:
			// An image inside running text: its description stands in.
			t := s
			t.italic = true
			z.inlines(c, t)
		case *ast.RawHTML:
			for i := 0; i < c.Segments.Len(); i++ {
				seg := c.Segments.At(i)
				z.text(string(seg.Value(src)), z.style(s), false)
			}
		case *east.TaskCheckBox:
			// drawn by the list as its marker
		case *east.FootnoteLink:
			st := z.style(s)
			st.size, st.rise = z.o.size*0.62, -z.o.size*0.36
			st.anchor, st.link, st.color = z.l.prefix+"fn-"+strconv.Itoa(c.Index), "", colLink
			num := strconv.Itoa(c.Index)
			z.items = append(z.items, item{kind: box, text: num, w: z.l.width(num, st), st: st,
				mark: z.l.prefix + "ref-" + strconv.Itoa(c.Index)})
		case *east.FootnoteBacklink:
			// the note's number links back instead
		default:
			z.inlines(c, s)
		}
	}
}

// text adds words and spaces. code keeps words whole but lets long URLs and
// paths break after slashes. A no-break space (U+00A0), and a space after
// a word the language does not leave at a line's end (layout.noBreak:
// Slovak v, k, s, z …, Hungarian a, az), stretches like any space but
// never breaks.
func (z *itemizer) text(s string, st *style, code bool) {
	for s != "" {
		i := strings.IndexAny(s, " \t\n\u00a0")
		if i < 0 {
			z.word(s, st, code)
			z.tail += s
			return
		}
		if i > 0 {
			z.word(s[:i], st, code)
			z.tail += s[:i]
		}
		size := 1
		keep := false
		if s[i] == 0xC2 { // U+00A0
			size, keep = 2, true
		} else if z.l.noBreak != nil && !code && z.tail != "" {
			keep = z.l.noBreak(z.tail)
		}
		if keep {
			z.nbsp(st)
		} else {
			z.space(st)
		}
		z.tail = ""
		s = s[i+size:]
	}
}

func (z *itemizer) space(st *style) {
	if len(z.items) == 0 || z.items[len(z.items)-1].kind == glue {
		return
	}
	w := z.l.e.met[st.font].width(" ", st.size)
	z.items = append(z.items, item{kind: glue, w: w, stretch: w * 0.6, shrink: w * 0.33, st: st})
}

// nbsp adds a space that cannot break: glue after a penalty is no break
// point (only glue right after a box is).
func (z *itemizer) nbsp(st *style) {
	if len(z.items) == 0 || z.items[len(z.items)-1].kind == glue {
		return
	}
	w := z.l.e.met[st.font].width(" ", st.size)
	z.items = append(z.items, item{kind: penalty, penalty: infPenalty, st: st},
		item{kind: glue, w: w, stretch: w * 0.6, shrink: w * 0.33, st: st})
}

func (z *itemizer) forceBreak() {
	z.tail = ""
	z.items = append(z.items,
		item{kind: glue, stretch: 1e5},
		item{kind: penalty, penalty: -infPenalty})
}

func (z *itemizer) box(s string, st *style) {
	if s != "" {
		z.items = append(z.items, item{kind: box, text: s, w: z.l.width(s, st), st: st})
	}
}

// word adds one space-free piece of text with its break opportunities:
// hyphenation points, after existing hyphens and dashes, and after slashes
// in URLs and paths.
func (z *itemizer) word(w string, st *style, code bool) {
	hyph := z.o.hyphenate && !code && z.l.hy != nil
	if strings.Contains(w, "\u00ad") {
		z.softHyphens(w, st, code)
		return
	}
	z.split(w, st, code, hyph)
}

// softHyphens adds a word in which the editor put soft hyphens (U+00AD,
// "&shy;", or pasted from a word processor): those are its only
// hyphenation points, as with CSS "hyphens: manual". A soft hyphen is
// invisible unless the line breaks there; then it is drawn as a hyphen
// that is not part of the text (an artifact, setLine), as an inserted one.
func (z *itemizer) softHyphens(w string, st *style, code bool) {
	seen := false
	for part := range strings.SplitSeq(w, "\u00ad") {
		if part == "" {
			continue // at the word's start or end, or doubled: no break there
		}
		if seen {
			z.items = append(z.items, item{kind: penalty, penalty: 50, flagged: true, st: st,
				pre: "-", preW: z.l.width("-", st)})
		}
		z.split(part, st, code, false)
		seen = true
	}
}

// split adds a word without soft hyphens, hyphenating its letters when
// hyph is set.
func (z *itemizer) split(w string, st *style, code, hyph bool) {
	w = z.l.cover(w, st.font)
	start := 0
	slashes := code || strings.Contains(w, "://") // once: a word may be a megabyte long
	for i, r := range w {
		end := i + utf8.RuneLen(r)
		if end == len(w) {
			break
		}
		soft := r == '-' || r == '–' || r == '—' || r == '/' && slashes
		if !soft {
			continue
		}
		z.piece(w[start:end], st, hyph)
		z.items = append(z.items, item{kind: penalty, penalty: 50, flagged: r == '-', st: st})
		start = end
	}
	z.piece(w[start:], st, hyph)
}

// acronym reports whether w has two capitals or more (AEIDL, ROMACT,
// NGOs, EaSI): such a word is not hyphenated, "AE-/IDL" reads as two.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// piece adds text without existing break points, hyphenating its letters.
func (z *itemizer) piece(w string, st *style, hyph bool) {
	if !hyph || utf8.RuneCountInString(w) < 5 || acronym(w) {
		z.box(w, st)
		return
	}
	// Hyphenate the longest run of letters; punctuation around it stays.
	lo := strings.IndexFunc(w, unicode.IsLetter)
	hi := strings.LastIndexFunc(w, unicode.IsLetter)
	if lo < 0 {
		z.box(w, st)
		return
	}
	_, size := utf8.DecodeRuneInString(w[hi:])
	core := w[lo : hi+size]
	brks := z.l.hyphens(core)
	if len(brks) == 0 {
		z.box(w, st)
		return
	}
	runes := []rune(core)
	prefix, last := w[:lo], 0
	for _, b := range brks {
		if b.Start < last {
			continue
		}
		if _, _, ok := hyphSegs(string(runes[b.Start:b.End]), b.Pre, b.Post); !ok {
			continue // its letters could not be read back as the word's (setLine)
		}
		z.box(prefix+string(runes[last:b.Start]), st)
		prefix = ""
		pre, post := b.Pre+"-", b.Post
		z.items = append(z.items, item{kind: penalty, penalty: 50, flagged: true, st: st,
			text: string(runes[b.Start:b.End]), w: z.l.width(string(runes[b.Start:b.End]), st),
			pre: pre, preW: z.l.width(pre, st), post: post, postW: z.l.width(post, st)})
		last = b.End
	}
	z.box(prefix+string(runes[last:])+w[hi+size:], st)
}

package brief

import (
	"math"
	"strings"
	"unicode"

	east "github.com/yuin/goldmark/extension/ast"
)

// setText breaks items into lines of the given width starting at x = left
// and returns one row per line, with widow and orphan control.
func (l *layout) setText(items []item, o textOpts, left, width float64) []*row {
	if len(items) == 0 {
		return nil
	}
	for len(items) > 0 && items[len(items)-1].kind == glue {
		items = items[:len(items)-1]
	}
	items = append(items, item{kind: glue, stretch: 1e5}, item{kind: penalty, penalty: -infPenalty})
	ragged := 0.0
	if !o.justify {
		ragged = 3 * o.size
	}
	brks, ok := breakRagged(withoutHyphens(items), width, 1, false, ragged)
	if !ok {
		// The paragraph's last line is not a fragment of under five
		// letters ("asistenci-/ou.") when the rest can be set well
		// (TeX's \finalhyphendemerits, as a rule).
		if whole, changed := lastWordWhole(items); changed {
			brks, ok = breakRagged(whole, width, 2.5, false, ragged)
		}
		if !ok {
			if brks, ok = breakRagged(items, width, 2.5, false, ragged); !ok {
				brks, _ = breakRagged(items, width, 2.5, true, ragged)
			}
		}
	}
	lead := o.size * bodyLead
	var rows []*row
	start := -1
	for _, b := range brks {
		rows = append(rows, l.setLine(items, start, b, o, left, width, lead))
		start = b
	}
	if n := len(rows); n >= 2 {
		rows[0].keep = true   // no orphan: the first line goes with the second
		rows[n-2].keep = true // no widow: the last line goes with the one before
	}
	return rows
}

// withoutHyphens forbids hyphenation breaks, for the first pass: as in TeX,
// words are only hyphenated when a paragraph cannot be set well without.
func withoutHyphens(items []item) []item {
	out := make([]item, len(items))
	copy(out, items)
	for i := range out {
		if out[i].kind == penalty && out[i].flagged && out[i].pre != "" {
			out[i].penalty = infPenalty
		}
	}
	return out
}

// lastWordWhole forbids the hyphenation breaks of the last word of items
// (which end with the paragraph's closing glue and penalty) that would
// leave fewer than five letters for the last line; changed is false, and
// items returned as they are, when the word has none.
func lastWordWhole(items []item) (out []item, changed bool) {
	end := len(items) - 2
	start := end
	for start > 0 && items[start-1].kind != glue {
		start--
	}
	letters := 0 // in the word after items[i]
	for i := end - 1; i >= start; i-- {
		it := &items[i]
		if it.kind == penalty && it.flagged && it.pre != "" && letters+countLetters(it.post) < 5 {
			if !changed {
				out = make([]item, len(items))
				copy(out, items)
				changed = true
			}
			out[i].penalty = infPenalty
		}
		if it.kind == box {
			letters += countLetters(it.text)
		}
	}
	if !changed {
		return items, false
	}
	return out, true
}

func countLetters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// piece is a run of text of one style placed on a line. art: it is there
// only because the line breaks inside a word (the hyphen, and the letters
// a non-standard hyphenation adds): not part of the text.
type piece struct {
	x, w float64
	text string
	st   *style
	art  bool
}

// seg is a run of the letters a hyphenation break shows.
type seg struct {
	text string
	art  bool // added by the break (see piece)
}

// hyphSegs splits what a hyphenation break shows before its hyphen (pre)
// and after it (post) into the word's own letters, which the structure
// text keeps, and the letters the break adds, which are artifacts: the
// letters word[Start:End] it replaces must be a subsequence of pre+post.
// Hungarian "hosszú" breaks as "hosz-szú": word "ssz", pre "sz", post
// "sz"; the text read back is "hos"+"szú", the "z" and the hyphen are
// artifacts. ok is false when word is not such a subsequence; an ordinary
// break (all three empty) gives no segments.
func hyphSegs(word, pre, post string) (a, b []seg, ok bool) {
	w := []rune(word)
	i := 0
	split := func(s string) []seg {
		var out []seg
		start := 0
		for k, r := range s {
			art := i >= len(w) || r != w[i]
			if !art {
				i++
			}
			if n := len(out); n > 0 && out[n-1].art == art {
				continue
			}
			if n := len(out); n > 0 {
				out[n-1].text = s[start:k]
			}
			out = append(out, seg{art: art})
			start = k
		}
		if n := len(out); n > 0 {
			out[n-1].text = s[start:]
		}
		return out
	}
	a = split(pre)
	b = split(post)
	return a, b, i == len(w)
}

// setLine places the items between two breaks.
func (l *layout) setLine(items []item, from, to int, o textOpts, left, width, lead float64) *row {
	s := lineStart(items, from)
	var pcs []piece
	var marks []mark
	add := func(text string, w float64, st *style, x float64, art bool) {
		if text == "" {
			return
		}
		if n := len(pcs); n > 0 && *pcs[n-1].st == *st && pcs[n-1].art == art && math.Abs(pcs[n-1].x+pcs[n-1].w-x) < 0.01 {
			pcs[n-1].text += text
			pcs[n-1].w += w
			return
		}
		pcs = append(pcs, piece{x: x, w: w, text: text, st: st, art: art})
	}
	// The letters of a hyphenation break: the word's own, or artifacts.
	addSegs := func(ss []seg, st *style, x float64) float64 {
		for _, sg := range ss {
			w := l.width(sg.text, st)
			add(sg.text, w, st, x, sg.art)
			x += w
		}
		return x
	}
	// Natural width and glue totals decide how much each space stretches.
	nat, str, shr := 0.0, 0.0, 0.0
	if from >= 0 && items[from].kind == penalty {
		nat += items[from].postW
	}
	for i := s; i < to; i++ {
		it := &items[i]
		nat += it.w
		if it.kind == glue {
			str += it.stretch
			shr += it.shrink
		}
	}
	brk := &items[to]
	if brk.kind == penalty {
		nat += brk.preW
	}
	r := ratio(width-nat, str, shr)
	last := brk.kind == penalty && brk.penalty <= -infPenalty
	if !o.justify || last || math.IsInf(r, 1) {
		r = math.Min(r, 0)
	}
	r = math.Max(math.Min(r, 3), -1.5)
	x := left
	if !o.justify && r == 0 && nat < width {
		switch o.align {
		case east.AlignCenter:
			x += (width - nat) / 2
		case east.AlignRight:
			x += width - nat
		}
	}
	maxSize := o.size
	if from >= 0 && items[from].kind == penalty && items[from].post != "" {
		it := &items[from]
		_, post, _ := hyphSegs(it.text, strings.TrimSuffix(it.pre, "-"), it.post)
		x = addSegs(post, it.st, x)
	}
	for i := s; i < to; i++ {
		it := &items[i]
		if it.mark != "" {
			marks = append(marks, mark{anchor: it.mark, level: -1})
		}
		switch it.kind {
		case box:
			add(it.text, it.w, it.st, x, false)
			maxSize = math.Max(maxSize, it.st.size+math.Max(-it.st.rise, 0))
			x += it.w
		case glue:
			if r >= 0 {
				x += it.w + r*it.stretch
			} else {
				x += it.w + r*it.shrink
			}
		case penalty:
			add(it.text, it.w, it.st, x, false)
			x += it.w
		}
	}
	// A line that ends inside a word: its last text goes on without a
	// space on the next line (op.joins), and a hyphen the break adds is an
	// artifact (ISO 32000-1 14.8.2.2: screen readers, copies and
	// pdfinfo -struct-text get "Célközönség", not "Célközön- ség").
	inWord := brk.kind == penalty && brk.penalty > -infPenalty
	if brk.kind == penalty && brk.pre != "" {
		letters, _ := strings.CutSuffix(brk.pre, "-")
		pre, _, _ := hyphSegs(brk.text, letters, brk.post)
		x = addSegs(pre, brk.st, x)
		add(brk.pre[len(letters):], l.width(brk.pre[len(letters):], brk.st), brk.st, x, true)
	}
	h := math.Max(lead, maxSize*bodyLead)
	base := (h-maxSize)/2 + maxSize*0.8
	rw := &row{h: h, base: base, marks: marks}
	var desc strings.Builder
	joins := -1 // the op of the line's last piece of text
	for _, p := range pcs {
		if !p.art {
			joins = len(rw.ops)
		}
		rw.ops = append(rw.ops, op{kind: opText, x: p.x, y: base + p.st.rise, w: p.w, text: p.text, st: *p.st, el: l.cur, hyph: p.art})
		if p.st.strike {
			yy := base - p.st.size*0.28
			rw.ops = append(rw.ops, op{kind: opLine, x: p.x, y: yy, w: p.w, h: 0, st: *p.st})
		}
		if desc.Len() > 0 && !p.art {
			desc.WriteByte(' ')
		}
		desc.WriteString(p.text)
	}
	if inWord && joins >= 0 {
		rw.ops[joins].joins = true
	}
	rw.desc = desc.String()
	return rw
}

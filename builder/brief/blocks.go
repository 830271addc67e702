package brief

import (
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/markdown"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// ctx is where and how the blocks of a container are set.
type ctx struct {
	left, width float64
	o           textOpts
	bars        []float64 // x of block quote bars to draw beside every row
	tight       bool      // inside a tight list: little space between blocks
}

// minTextW is the narrowest a nested block may get: deeper block quotes,
// lists and definitions are not indented further. Without a floor, text
// nested a few hundred levels deep would be set one letter per line on a
// negative width, over thousands of pages each carrying every level's bar.
const minTextW = contentW / 3

// indent moves c's left edge by, unless that leaves less than minTextW;
// it reports whether it did.
func (c ctx) indent(by float64) (ctx, bool) {
	if c.width-by < minTextW {
		return c, false
	}
	c.left, c.width = c.left+by, c.width-by
	return c, true
}

func (c ctx) skip() float64 {
	if c.tight {
		return 2
	}
	return paraSkip
}

// emit appends rows, giving the first the space above it and drawing the
// block quote bars beside each.
func (l *layout) emit(rows []*row, c ctx, before float64) {
	if len(rows) == 0 {
		return
	}
	rows[0].before = before
	for i, r := range rows {
		for _, x := range c.bars {
			// join: the bar runs on across the gap above
			r.ops = append(r.ops, op{kind: opRect, x: x, w: 2, h: r.h, st: style{color: colRule}, join: i > 0})
		}
	}
	l.rows = append(l.rows, rows...)
}

// blocks lays out the block children of n.
func (l *layout) blocks(n ast.Node, c ctx) {
	for b := n.FirstChild(); b != nil; b = b.NextSibling() {
		l.block(b, c)
	}
}

func (l *layout) block(n ast.Node, c ctx) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		if img := soleImage(n, l.src); img != nil {
			l.image(img, c)
			return
		}
		leave := l.enter(elP)
		l.emit(l.para(n, c.o, c.left, c.width), c, c.skip())
		leave()
	case *ast.Heading:
		l.heading(n, c)
	case *ast.ThematicBreak:
		r := &row{h: 14, ops: []op{{kind: opLine, x: c.left + c.width/3, y: 7, w: c.width / 3, st: style{color: colRule}}}, desc: "---"}
		l.emit([]*row{r}, c, c.skip())
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		l.code(n, c)
	case *ast.HTMLBlock:
		var b strings.Builder
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			b.Write(seg.Value(l.src))
		}
		if n.HasClosure() {
			b.Write(n.ClosureLine.Value(l.src))
		}
		leave := l.enter(elP)
		l.plain(strings.TrimRight(b.String(), "\n"), c)
		leave()
	case *ast.Blockquote:
		q, ok := c.indent(14)
		if ok {
			q.bars = append(append([]float64(nil), c.bars...), c.left+2)
		}
		q.o.color = colMuted
		leave := l.enter(elBlockQuote)
		start := len(l.rows)
		l.blocks(n, q)
		if start < len(l.rows) {
			l.rows[start].before = c.skip()
		}
		leave()
	case *ast.List:
		l.list(n, c)
	case *east.Table:
		l.table(n, wide(c))
	case *east.DefinitionList:
		// A term and its definitions are one list item: label and body.
		leaveL := l.enter(elL)
		leaveItem := func() {}
		for d := n.FirstChild(); d != nil; d = d.NextSibling() {
			switch d.(type) {
			case *east.DefinitionTerm:
				leaveItem()
				leaveItem = l.enter(elLI)
				o := c.o
				o.bold, o.justify = true, false
				leave := l.enter(elLbl)
				rows := l.para(d, o, c.left, c.width)
				leave()
				for _, r := range rows {
					r.keep = true
				}
				l.emit(rows, c, paraSkip)
			default:
				dc, _ := c.indent(18)
				leave := l.enter(elLBody)
				start := len(l.rows)
				l.blocks(d, dc)
				if start < len(l.rows) {
					l.rows[start].before = 2
				}
				leave()
			}
		}
		leaveItem()
		leaveL()
	case *east.FootnoteList:
		l.notes(n, c)
	default:
		l.blocks(n, c)
	}
}

// para sets the inline content of n.
func (l *layout) para(n ast.Node, o textOpts, left, width float64) []*row {
	z := itemizer{l: l, o: o}
	z.inlines(n, inlineState{})
	return l.setText(z.items, o, left, width)
}

// plain sets text with its line breaks kept, for raw HTML shown as text.
func (l *layout) plain(s string, c ctx) {
	z := itemizer{l: l, o: c.o}
	st := z.style(inlineState{})
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			z.forceBreak()
		}
		z.text(line, st, true)
	}
	l.emit(l.setText(z.items, c.o, c.left, c.width), c, c.skip())
}

// headingSizes are the sizes of the body's heading levels, from its top one.
var headingSizes = []float64{16, 13, 11.5, 10.5}

func (l *layout) heading(n *ast.Heading, c ctx) {
	rel := max(n.Level-l.minH, 0)
	o := c.o
	o.fam, o.bold, o.italic, o.justify = famSans, true, false, false
	o.size, o.color = headingSizes[min(rel, len(headingSizes)-1)], colHeading
	el := l.add(elH)
	l.setLevel(el, l.level+rel+1)
	prev := l.cur
	l.cur = el
	z := itemizer{l: l, o: o}
	z.inlines(n, inlineState{})
	rows := l.balanced(func(w float64) []*row { return l.setText(z.items, o, c.left, w) }, c.left, c.width)
	l.cur = prev
	if len(rows) == 0 {
		return
	}
	for _, r := range rows {
		r.keep = true // a heading stays with what follows it
	}
	id, _ := n.AttributeString("id")
	idb, _ := id.([]byte)
	rows[0].marks = append(rows[0].marks, mark{anchor: l.prefix + "h-" + string(idb),
		title: markdown.PlainText(n, l.src), level: l.level + rel})
	l.emit(rows, c, 16-2*float64(min(rel, 3)))
}

// code sets a code block line by line on a tinted background, wrapping
// lines that are too long at a fixed number of characters.
func (l *layout) code(n ast.Node, c ctx) {
	const size, pad = 8.6, 5.0
	st := style{font: mono, size: size, color: colText}
	cw := l.e.met[mono].width("m", size)
	maxChars := max(int((c.width-2*pad)/cw), 10)
	var lines []string
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		line := strings.TrimRight(strings.ReplaceAll(string(seg.Value(l.src)), "\t", "    "), "\r\n")
		r := []rune(l.cover(line, mono))
		for len(r) > maxChars {
			lines = append(lines, string(r[:maxChars]))
			r = r[maxChars:]
		}
		lines = append(lines, string(r))
	}
	lead := size * 1.3
	el := l.add(elCode)
	var rows []*row
	for i, line := range lines {
		h, base := lead, lead*0.75
		if i == 0 {
			h += pad
			base += pad
		}
		if i == len(lines)-1 {
			h += pad
		}
		r := &row{h: h, base: base, desc: "code: " + line}
		r.ops = append(r.ops, op{kind: opRect, x: c.left, y: 0, w: c.width, h: h, st: style{color: colFill}})
		if line != "" {
			r.ops = append(r.ops, op{kind: opText, x: c.left + pad, y: base, text: line, st: st, w: l.width(line, &st), el: el})
		}
		rows = append(rows, r)
	}
	if n := len(rows); n >= 2 {
		rows[0].keep, rows[n-2].keep = true, true
	}
	l.emit(rows, c, c.skip()+2)
}

func (l *layout) list(n *ast.List, c ctx) {
	indent := 16.0
	if n.IsOrdered() {
		indent = l.width(strconv.Itoa(n.Start+n.ChildCount())+".", &style{font: serif, size: c.o.size}) + 8
	}
	ic, _ := c.indent(indent)
	ic.tight = n.IsTight
	depth := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if _, ok := p.(*ast.List); ok {
			depth++
		}
	}
	num := n.Start
	defer l.enter(elL)()
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		leaveItem := l.enter(elLI)
		lbl := l.add(elLbl)
		leaveBody := l.enter(elLBody)
		start := len(l.rows)
		l.blocks(it, ic)
		leaveBody()
		leaveItem()
		if start == len(l.rows) {
			continue
		}
		first := l.rows[start]
		first.before = c.skip()
		if n.IsTight && it == n.FirstChild() && depth > 0 {
			first.before = 2
		}
		base := first.base
		if base == 0 {
			base = c.o.size
		}
		st := style{font: serif, size: c.o.size, color: c.o.color}
		switch {
		case taskBox(it) != nil:
			s := c.o.size * 0.7
			x, y := c.left+2, base-s
			first.ops = append(first.ops, op{kind: opBox, x: x, y: y, w: s, h: s, st: st})
			if taskBox(it).IsChecked {
				first.ops = append(first.ops,
					op{kind: opLine, x: x + 1.5, y: y + s/2, w: s/3 - 1.5, h: s/2 - 1.5, st: st},
					op{kind: opLine, x: x + s/3, y: y + s - 1.5, w: 2*s/3 - 1, h: -(s - 2.5), st: st})
			}
		case n.IsOrdered():
			m := strconv.Itoa(num) + string(n.Marker)
			w := l.width(m, &st)
			first.ops = append(first.ops, op{kind: opText, x: ic.left - 5 - w, y: base, w: w, text: m, st: st, el: lbl})
		default:
			m := "•"
			if depth%2 == 1 {
				m = "–"
			}
			first.ops = append(first.ops, op{kind: opText, x: c.left + 3, y: base, w: l.width(m, &st), text: m, st: st, el: lbl})
		}
		num++
	}
}

// taskBox returns the check box that starts a task list item.
func taskBox(it ast.Node) *east.TaskCheckBox {
	if p := it.FirstChild(); p != nil {
		if b, ok := p.FirstChild().(*east.TaskCheckBox); ok {
			return b
		}
	}
	return nil
}

// soleImage returns the image a paragraph consists of, if that is all it holds.
func soleImage(n ast.Node, src []byte) *ast.Image {
	var img *ast.Image
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(src))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// notes sets the footnotes as the document's last section: numbered notes
// under a heading of the body's top level, with a bookmark beside the
// body's sections (not under the last of them).
func (l *layout) notes(n *east.FootnoteList, c ctx) {
	defer l.enter(elSect)()
	o := c.o
	o.fam, o.bold, o.justify, o.size, o.color = famSans, true, false, headingSizes[0], colHeading
	z := itemizer{l: l, o: o}
	label := l.doc.label("notes")
	z.text(label, z.style(inlineState{}), false)
	el := l.add(elH)
	l.setLevel(el, l.level+1)
	prev := l.cur
	l.cur = el
	rows := l.setText(z.items, o, c.left, c.width)
	l.cur = prev
	for _, r := range rows {
		r.keep = true
	}
	if len(rows) > 0 {
		rows[0].marks = append(rows[0].marks, mark{anchor: l.prefix + "notes", title: label, level: l.level})
	}
	l.emit(rows, c, 16)
	nc := c
	nc.o.size = 9
	nc.left, nc.width = c.left+18, c.width-18
	for f := n.FirstChild(); f != nil; f = f.NextSibling() {
		fn, ok := f.(*east.Footnote)
		if !ok {
			continue
		}
		leave := l.enter(elNote)
		start := len(l.rows)
		l.blocks(fn, nc)
		leave()
		if start == len(l.rows) {
			continue
		}
		first := l.rows[start]
		first.before = 3
		first.marks = append(first.marks, mark{anchor: l.prefix + "fn-" + strconv.Itoa(fn.Index), level: -1})
		num := strconv.Itoa(fn.Index) + "."
		st := style{font: serif, size: 9, color: colLink, anchor: l.prefix + "ref-" + strconv.Itoa(fn.Index)}
		w := l.width(num, &st)
		// The number is the note's label, read before its text.
		first.ops = append(first.ops, op{kind: opText, x: nc.left - 4 - w, y: first.base, w: w, text: num, st: st, el: l.noteLabel(start)})
	}
}

// wide widens a top-level context to the page's wide frame, for tables:
// their columns need more room than a line of text.
func wide(c ctx) ctx {
	if c.left == textL && c.width == textW && len(c.bars) == 0 {
		c.left, c.width = marginL, contentW
	}
	return c
}

// noteLabel returns the element a note's number belongs to: the paragraph
// its first row starts, whose text the number precedes.
func (l *layout) noteLabel(start int) int32 {
	for _, o := range l.rows[start].ops {
		if o.el != 0 {
			return o.el
		}
	}
	return 0
}

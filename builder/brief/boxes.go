package brief

import (
	"strconv"

	east "github.com/yuin/goldmark/extension/ast"
)

// Box geometry: a tinted panel with an accent bar on its left.
const (
	boxPad  = 12.0
	boxBar  = 3.0
	boxSize = 10.5
)

var colBox = rgb{234, 240, 247}

// boxes sets the document's structured content (Meta.Boxes) at the start
// of the body, each in a tinted panel with its title as a bookmark beside
// the body's sections.
func (l *layout) boxes(bs []Box) {
	for i, b := range bs {
		l.box(b, l.prefix+"box-"+strconv.Itoa(i+1), i)
	}
}

func (l *layout) box(b Box, anchor string, i int) {
	defer l.enter(elBox)()
	outer := ctx{left: textL, width: textW}
	c := ctx{left: textL + boxPad + boxBar, width: textW - 2*boxPad - boxBar,
		o: textOpts{fam: famSerif, size: boxSize, color: colText, hyphenate: true}}
	start := len(l.rows)
	top := &row{h: boxPad - 2, desc: "box top", keep: true}
	before := 10.0
	if i == 0 {
		before = 0
	}
	l.emit([]*row{top}, outer, before)
	if b.Title != "" {
		leave := l.enter(elH)
		l.setLevel(l.cur, l.level+1)
		o := textOpts{fam: famSans, bold: true, size: 12.5, color: colHeading}
		rows := l.simple(b.Title, o, inlineState{}, c.left, c.width)
		leave()
		for _, r := range rows {
			r.keep = true
		}
		if len(rows) > 0 {
			rows[0].marks = append(rows[0].marks, mark{anchor: anchor, title: b.Title, level: l.level})
		}
		l.emit(rows, c, 0)
	}
	if len(b.Facts) > 0 {
		l.factRows(b.Facts, "", c, 6)
	}
	for _, bl := range b.Lists {
		l.boxList(bl, c)
	}
	if len(b.Table) > 1 {
		align := make([]east.Alignment, len(b.Table[0]))
		for j := range align {
			align[j] = east.AlignRight
		}
		align[0] = east.AlignLeft
		l.plainTable(b.Table, align, c)
	}
	bottom := &row{h: boxPad, desc: "box bottom"}
	l.emit([]*row{bottom}, outer, 0)
	// The panel: each row paints its own part, joined across the gaps
	// between rows on the same page, so a box may continue on the next.
	for _, r := range l.rows[start:] {
		panel := []op{
			{kind: opRect, x: textL, y: 0, w: textW, h: r.h, st: style{color: colBox}, join: true},
			{kind: opRect, x: textL, y: 0, w: boxBar, h: r.h, st: style{color: colHeading}, join: true},
		}
		r.ops = append(panel, r.ops...)
	}
	l.rows[start].ops[0].join, l.rows[start].ops[1].join = false, false
	// The panel's last text row stays with its bottom padding.
	if n := len(l.rows); n >= 2 {
		l.rows[n-2].keep = true
	}
}

// boxList sets a list of a box: its title, then the items, numbered or
// with bullets.
func (l *layout) boxList(bl BoxList, c ctx) {
	if len(bl.Items) == 0 {
		return
	}
	if bl.Title != "" {
		leave := l.enter(elP)
		o := textOpts{fam: famSans, bold: true, size: 9.5, color: colHeading}
		rows := l.simple(bl.Title, o, inlineState{}, c.left, c.width)
		leave()
		for _, r := range rows {
			r.keep = true
		}
		l.emit(rows, c, 8)
	}
	defer l.enter(elL)()
	indent := 14.0
	if bl.Ordered {
		indent = l.width(strconv.Itoa(len(bl.Items))+".", &style{font: sansBold, size: boxSize}) + 8
	}
	for i, it := range bl.Items {
		leaveItem := l.enter(elLI)
		lbl := l.add(elLbl)
		leaveBody := l.enter(elLBody)
		leaveP := l.enter(elP)
		rows := l.simple(it, c.o, inlineState{}, c.left+indent, c.width-indent)
		leaveP()
		leaveBody()
		leaveItem()
		if len(rows) == 0 {
			continue
		}
		first := rows[0]
		var m string
		st := style{font: serif, size: boxSize, color: colHeading}
		if bl.Ordered {
			m = strconv.Itoa(i+1) + "."
			st.font = sansBold
		} else {
			m = "•"
		}
		w := l.width(m, &st)
		x := c.left
		if bl.Ordered {
			x = c.left + indent - 6 - w
		}
		first.ops = append(first.ops, op{kind: opText, x: x, y: first.base, w: w, text: m, st: st, el: lbl})
		l.emit(rows, c, 4)
	}
}

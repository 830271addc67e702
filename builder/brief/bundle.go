package brief

import (
	"net/url"
	"strconv"
	"strings"
)

// Bundle renders a toolkit's replication guide: a cover, a table of contents
// with page numbers, the introduction and every guide, each from a new page.
// It is one layout run, so page numbers and bookmarks are continuous:
// toolkit (level 0) → guide (level 1) → its headings (level 2 and deeper).
func (e *Engine) Bundle(b *Bundle) (Result, error) {
	pages, foot, elems := e.bundlePages(b)
	return e.draw(&b.Meta, b.Title, pages, foot, elems)
}

// bundlePages lays out a bundle: its pages, the cover's foot and the
// structure elements.
func (e *Engine) bundlePages(b *Bundle) ([][]placed, []*row, []elem) {
	docs := b.Guides
	var intro *Document
	if b.Intro != nil {
		in := *b.Intro
		if in.Title == "" {
			in.Title = b.Title
		}
		intro = &in
		docs = append([]*Document{intro}, docs...)
	}
	// Links between documents of the bundle stay inside the PDF.
	local := map[string]string{}
	for i, d := range docs {
		if u, err := url.Parse(d.URL); err == nil && u.Path != "" {
			local[u.Path] = "d" + strconv.Itoa(i) + ":"
		}
	}
	front := &Document{Meta: b.Meta}
	l := e.newLayout(front, "", 1, local)
	leave := l.enter(elDocument)
	foot := l.coverPage(&b.Meta, 0)
	l.toc(b, docs, intro)
	for i, d := range docs {
		dl := e.newLayout(d, "d"+strconv.Itoa(i)+":", 2, local)
		if d.Lang != b.Lang {
			dl.elemLang = d.Lang // the guide's section says its language (/Lang)
		}
		// One structure tree: each document is a section of the bundle's.
		dl.elems, dl.cur = l.elems, l.cur
		leaveDoc := dl.enter(elSect)
		dl.guideHead(d, d == intro, &b.Meta)
		dl.boxes(d.Boxes)
		dl.body()
		leaveDoc()
		l.elems = dl.elems
		dl.rows[0].newPage = true
		l.rows = append(l.rows, dl.rows...)
	}
	leave()
	pages := paginate(l.rows, footHeight(foot))
	return pages, foot, l.elems
}

// toc sets the table of contents: each document, and the top headings of
// each guide, with the page it starts on.
func (l *layout) toc(b *Bundle, docs []*Document, intro *Document) {
	c := ctx{left: textL, width: textW}
	h := textOpts{fam: famSans, bold: true, size: headingSizes[0], color: colHeading}
	leaveH := l.enter(elH)
	l.setLevel(l.cur, 2)
	rows := l.simple(b.label("contents"), h, inlineState{}, c.left, c.width)
	leaveH()
	defer l.enter(elTOC)() // the entries; a TOC holds no heading (ISO 32000-1 14.8.4.3)
	rows[0].newPage = true
	rows[0].marks = append(rows[0].marks, mark{anchor: "contents", title: b.label("contents"), level: 1})
	rows[len(rows)-1].keep = true
	l.emit(rows, c, 0)
	const numW = 36
	entry := func(title, anchor string, indent float64, bold bool, before float64) {
		o := textOpts{fam: famSerif, bold: bold, size: 10.5, color: colText}
		if !bold {
			o.size = 9.5
		}
		st := inlineState{anchor: anchor}
		z := itemizer{l: l, o: o}
		s := z.style(st)
		s.color = colText
		z.text(title, s, false)
		leave := l.enter(elTOCI)
		defer leave()
		rs := l.setText(z.items, o, c.left+indent, c.width-indent-numW)
		if len(rs) == 0 {
			return
		}
		last := rs[len(rs)-1]
		last.ops = append(last.ops, op{kind: opText, x: c.left + c.width, y: last.base, pageOf: anchor,
			st: style{font: s.font, size: o.size, color: colText, anchor: anchor}, el: l.cur})
		for _, r := range rs[:len(rs)-1] {
			r.keep = true
		}
		l.emit(rs, c, before)
	}
	for i, d := range docs {
		pre := "d" + strconv.Itoa(i) + ":"
		entry(d.Title, pre+"top", 0, true, 10)
		if d.Body == nil || d == intro {
			continue
		}
		top := 6
		for _, hd := range d.Body.Headings {
			top = min(top, hd.Level)
		}
		for _, hd := range d.Body.Headings {
			if hd.Level == top {
				entry(hd.Text, pre+"h-"+hd.ID, 14, false, 2)
			}
		}
	}
}

// guideHead sets the opening of a document inside a bundle: its type,
// title, summary and authors, and its licence when it is not the
// bundle's (the cover states that one).
func (l *layout) guideHead(d *Document, intro bool, bundle *Meta) {
	c := ctx{left: textL, width: textW}
	level := 1
	title := d.Title
	var rows []*row
	if d.TypeLabel != "" {
		k := textOpts{fam: famSans, bold: true, size: 8.5, color: colHeading}
		leave := l.enter(elP)
		rows = l.simple(strings.ToUpper(d.TypeLabel), k, inlineState{}, c.left, c.width)
		leave()
	}
	t := textOpts{fam: famSans, bold: true, size: 18, color: colHeading}
	leaveH := l.enter(elH)
	l.setLevel(l.cur, 2)
	z := itemizer{l: l, o: t}
	z.text(title, z.style(inlineState{}), false)
	tr := l.balanced(func(w float64) []*row { return l.setText(z.items, t, c.left, w) }, c.left, c.width)
	leaveH()
	if len(tr) > 0 && len(rows) > 0 {
		tr[0].before = 4
	}
	rows = append(rows, tr...)
	if len(rows) == 0 {
		rows = []*row{{h: 1}}
	}
	rows[0].marks = append(rows[0].marks, mark{anchor: l.prefix + "top", title: title, level: level})
	for _, r := range rows {
		r.keep = true
	}
	l.emit(rows, c, 0)
	if d.Summary != "" && !intro {
		s := textOpts{fam: famSerif, italic: true, size: 11, color: colText, justify: true, hyphenate: true}
		leave := l.enter(elP)
		rs := l.simple(d.Summary, s, inlineState{}, c.left, c.width)
		leave()
		l.emit(rs, c, 8)
	}
	var by []string
	if len(d.Authors) > 0 {
		by = append(by, authorList(d.Authors))
	}
	if d.DateText != "" {
		by = append(by, d.DateText)
	}
	if len(by) > 0 && !intro {
		m := textOpts{fam: famSerif, italic: true, size: 9, color: colMuted}
		leave := l.enter(elP)
		l.emit(l.simple(strings.Join(by, " · "), m, inlineState{}, c.left, c.width), c, 6)
		leave()
	}
	// A guide under another licence than the toolkit's cover states says
	// so at its start: a city reusing that guide must not go by the cover.
	if !intro && d.Licence != "" && (d.LicenceURL != bundle.LicenceURL || d.LicenceURL == "" && d.Licence != bundle.Licence) {
		o := textOpts{fam: famSerif, size: 9, color: colMuted}
		leave := l.enter(elP)
		z := itemizer{l: l, o: o}
		z.text(d.label("licence")+": ", z.style(inlineState{bold: true}), false)
		z.text(d.Licence, z.style(inlineState{}), false)
		l.emit(l.setText(z.items, o, c.left, c.width), c, 4)
		leave()
	}
	rule := &row{h: 8, ops: []op{{kind: opLine, x: c.left, y: 4, w: c.width, st: style{color: colRule}}}, desc: "guide rule"}
	l.emit([]*row{rule}, c, 6)
}

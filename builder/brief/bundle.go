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
	l.coverRows(&b.Meta, 0)
	foot := l.fundingRows(&b.Meta)
	l.toc(b, docs, intro)
	for i, d := range docs {
		dl := e.newLayout(d, "d"+strconv.Itoa(i)+":", 2, local)
		dl.guideHead(d, d == intro)
		dl.body()
		dl.rows[0].newPage = true
		l.rows = append(l.rows, dl.rows...)
	}
	pages := paginate(l.rows, footHeight(foot))
	return e.draw(&b.Meta, b.Title, pages, foot)
}

// toc sets the table of contents: each document, and the top headings of
// each guide, with the page it starts on.
func (l *layout) toc(b *Bundle, docs []*Document, intro *Document) {
	c := ctx{left: marginL, width: contentW}
	h := textOpts{fam: famSans, bold: true, size: headingSizes[0], color: colHeading}
	rows := l.simple(b.label("contents"), h, inlineState{}, c.left, c.width)
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
		rs := l.setText(z.items, o, c.left+indent, c.width-indent-numW)
		if len(rs) == 0 {
			return
		}
		last := rs[len(rs)-1]
		last.ops = append(last.ops, op{kind: opText, x: c.left + c.width, y: last.base, pageOf: anchor,
			st: style{font: s.font, size: o.size, color: colText, anchor: anchor}})
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
// title, summary and authors.
func (l *layout) guideHead(d *Document, intro bool) {
	c := ctx{left: marginL, width: contentW}
	level := 1
	title := d.Title
	var rows []*row
	if d.TypeLabel != "" {
		k := textOpts{fam: famSans, bold: true, size: 8.5, color: colHeading}
		rows = l.simple(strings.ToUpper(d.TypeLabel), k, inlineState{}, c.left, c.width)
	}
	t := textOpts{fam: famSans, bold: true, size: 18, color: colHeading}
	tr := l.simple(title, t, inlineState{}, c.left, c.width)
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
		rs := l.simple(d.Summary, s, inlineState{}, c.left, c.width)
		l.emit(rs, c, 8)
	}
	var by []string
	if len(d.Authors) > 0 {
		by = append(by, strings.Join(d.Authors, ", "))
	}
	if d.DateText != "" {
		by = append(by, d.DateText)
	}
	if len(by) > 0 && !intro {
		m := textOpts{fam: famSerif, italic: true, size: 9, color: colMuted}
		l.emit(l.simple(strings.Join(by, " · "), m, inlineState{}, c.left, c.width), c, 6)
	}
	rule := &row{h: 8, ops: []op{{kind: opLine, x: c.left, y: 4, w: c.width, st: style{color: colRule}}}, desc: "guide rule"}
	l.emit([]*row{rule}, c, 6)
}

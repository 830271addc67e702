package brief

import (
	"strings"

	east "github.com/yuin/goldmark/extension/ast"
)

// simple sets plain text (no Markdown) as rows.
func (l *layout) simple(s string, o textOpts, st inlineState, left, width float64) []*row {
	z := itemizer{l: l, o: o}
	z.text(s, z.style(st), false)
	return l.setText(z.items, o, left, width)
}

// Colours of the cover's marks.
var (
	colEUBlue = rgb{0, 51, 153}  // the EU emblem's Reflex Blue
	colEUGold = rgb{255, 204, 0} // and its yellow
	colLogo   = rgb{11, 83, 148} // the site's mark (static/img/logo.svg)
	colAccent = rgb{246, 178, 107}
)

// coverPage lays out the cover page: the site's mark and name, the type, the
// title in balanced lines, the summary, the lead picture, the facts (date,
// language, authors, partners, web address), and returns the foot printed
// at the bottom of the page: the EU emblem with the funding statement, the
// funding and licence texts. The title is the bookmark at level.
func (l *layout) coverPage(m *Meta, level int) (foot []*row) {
	defer l.enter(elSect)()
	c := ctx{left: marginL, width: contentW}
	start := len(l.rows)
	// The site's mark and name; the mark is decoration (an artifact).
	const logo = 30.0
	sign := l.logoOp(c.left, logo)
	head := &row{h: sign.h, desc: "cover: logo"}
	head.ops = append(head.ops, sign)
	if m.SiteTitle != "" {
		leave := l.enter(elP)
		o := textOpts{fam: famSans, bold: true, size: 10.5, color: colLogo}
		if rs := l.simple(m.SiteTitle, o, inlineState{}, c.left+sign.w+10, c.width-sign.w-10); len(rs) > 0 {
			for _, o := range rs[0].ops {
				o.y += (sign.h-rs[0].h)/2 + 0.5
				head.ops = append(head.ops, o)
			}
		}
		leave()
	}
	head.marks = append(head.marks, mark{anchor: l.prefix + "top", title: m.Title, level: level})
	l.emit([]*row{head}, c, 0)

	if m.TypeLabel != "" {
		leave := l.enter(elP)
		kicker := textOpts{fam: famSans, bold: true, size: 10, color: colHeading}
		rs := l.simple(strings.ToUpper(m.TypeLabel), kicker, inlineState{}, c.left, c.width)
		leave()
		if len(rs) > 0 {
			bar := op{kind: opRect, x: c.left, y: -8, w: 28, h: 3, st: style{color: colAccent}}
			rs[0].ops = append([]op{bar}, rs[0].ops...)
		}
		l.emit(rs, c, 64)
	}
	leave := l.enter(elTitle)
	title := textOpts{fam: famSans, bold: true, size: 26, color: colHeading}
	z := itemizer{l: l, o: title}
	z.text(m.Title, z.style(inlineState{}), false)
	w := c.width * 0.92
	rows := l.balanced(func(w float64) []*row { return l.setText(z.items, title, c.left, w) }, c.left, w)
	leave()
	for _, r := range rows {
		r.h = title.size * 1.18 // titles are set tighter than text
		for i := range r.ops {
			r.ops[i].y = title.size * 0.95
		}
		r.keep = true
	}
	l.emit(rows, c, 10)
	if m.Summary != "" {
		leave := l.enter(elP)
		sum := textOpts{fam: famSerif, italic: true, size: 13, color: colText}
		l.emit(l.simple(m.Summary, sum, inlineState{}, c.left, c.width*0.85), c, 14)
		leave()
	}
	// The picture takes the room the rest of the cover leaves: the facts
	// and the foot are measured first (and their work undone).
	used := marginTop
	for i, r := range l.rows[start:] {
		if i > 0 {
			used += r.before
		}
		used += r.h
	}
	nRows, nElems := len(l.rows), len(l.elems)
	l.facts(m, c, 0)
	for _, r := range l.rows[nRows:] {
		used += r.before + r.h
	}
	used += footHeight(l.fundingRows(m))
	l.rows, l.elems = l.rows[:nRows], l.elems[:nElems]
	pic := len(l.rows)
	l.leadPicture(m, c, pageH-marginBot-used-pictureSkip-12)
	for _, r := range l.rows[pic:] {
		used += r.before + r.h
	}
	// The facts sit at the foot of the cover, above the funding, with the
	// room that is left above them.
	l.facts(m, c, max(pageH-marginBot-used-12, 0))
	return l.fundingRows(m)
}

// pictureSkip is the space above the cover's picture.
const pictureSkip = 22.0

// leadPicture shows the document's picture across the cover, at most a
// third of the page high and at most room high, a taller one cut to that
// height (a banner, as printed briefs do). With less room than a sixth of
// the page it is left out, as is one that cannot be read (the resolve
// stage has told the editor already).
func (l *layout) leadPicture(m *Meta, c ctx, room float64) {
	if m.Image == "" || l.doc.ReadFile == nil {
		return
	}
	p, err := l.loadPicture(m.Image)
	if err != nil || p.w <= 0 || p.h <= 0 {
		return
	}
	w := c.width
	h := min(p.h*w/p.w, pageH/3.2, room)
	crop := p.svg == nil && p.orient <= 1
	if !crop && h < p.h*w/p.w {
		w = p.w * h / p.h // a drawing (or a turned photo) is scaled, not cut
	}
	if h < pageH/6 {
		return
	}
	defer l.enter(elFigure)()
	l.setAlt(l.cur, m.ImageAlt)
	r := &row{h: h, desc: "cover picture " + m.Image}
	r.ops = []op{{kind: opImage, x: c.left, y: 0, w: w, h: h, img: p, el: l.cur, crop: crop}}
	l.emit([]*row{r}, c, pictureSkip)
}

// facts sets the cover's label–value lines: date, language, authors,
// partners and the web address, spare points further down than usual.
func (l *layout) facts(m *Meta, c ctx, spare float64) {
	var facts []Fact
	add := func(key, val string) {
		if val != "" {
			facts = append(facts, Fact{m.label(key), val})
		}
	}
	add("date", m.DateText)
	add("language", m.LanguageName)
	add("authors", authorList(m.Authors))
	add("partners", strings.Join(m.Partners, ", "))
	add("web", m.URL)
	l.factRows(facts, m.label("web"), c, 22+spare)
}

// factRows sets label–value lines, the labels in a column of their own;
// a value labelled linkLabel is a link to itself.
func (l *layout) factRows(facts []Fact, linkLabel string, c ctx, before float64) {
	lab := textOpts{fam: famSans, bold: true, size: 8.5, color: colMuted}
	labelW := 0.0
	for _, f := range facts {
		labelW = max(labelW, l.width(f.Label, &style{font: sansBold, size: 8.5}))
	}
	labelW = min(labelW+12, c.width/3)
	for i, f := range facts {
		val := textOpts{fam: famSerif, size: 10, color: colText, hyphenate: true}
		st := inlineState{}
		if f.Label == linkLabel && linkLabel != "" {
			st.link = f.Value
		}
		leave := l.enter(elP)
		lr := l.simple(f.Label, lab, inlineState{}, c.left, labelW-12)
		vr := l.simple(f.Value, val, st, c.left+labelW, c.width-labelW)
		leave()
		if len(vr) == 0 {
			continue
		}
		if len(lr) > 0 {
			// The label's words go first, in their order: they are read
			// (tagged text) before the value.
			ops := make([]op, 0, len(lr[0].ops)+len(vr[0].ops))
			for _, o := range lr[0].ops {
				o.y = vr[0].base
				ops = append(ops, o)
			}
			vr[0].ops = append(ops, vr[0].ops...)
		}
		b := 2.0
		if i == 0 {
			b = before
		}
		l.emit(vr, c, b)
	}
}

// plainTable sets a table of plain strings, the first row its header.
func (l *layout) plainTable(cells [][]string, align []east.Alignment, c ctx) {
	o := textOpts{fam: famSerif, size: cellSize, color: colText}
	nat, minw := make([]float64, len(align)), make([]float64, len(align))
	items := make([][][]item, len(cells))
	for i, rc := range cells {
		for j, s := range rc {
			if j >= len(align) {
				break
			}
			co := o
			co.bold = i == 0
			z := itemizer{l: l, o: co}
			z.text(s, z.style(inlineState{}), false)
			items[i] = append(items[i], z.items)
			nat[j] = max(nat[j], l.width(s, z.style(inlineState{}))+2*cellPadX)
			for _, w := range strings.Fields(s) {
				minw[j] = max(minw[j], l.width(w, z.style(inlineState{}))+2*cellPadX)
			}
		}
	}
	widths := columnWidths(nat, minw, c.width)
	defer l.enter(elTable)()
	var rows, head []*row
	for i := range items {
		r := l.tableRow(items[i], widths, align, o, c.left, i == 0, i%2 == 0)
		if i == 0 {
			r.keep = true
			head = append(head, r)
		} else {
			r.header = head
		}
		rows = append(rows, r)
	}
	l.emit(rows, c, 10)
}

// fundingRows sets the cover's foot: the EU emblem beside the funding
// statement (site.yaml fundedBy), then the funding and licence texts.
func (l *layout) fundingRows(m *Meta) []*row {
	var rows []*row
	if m.FundedBy != "" {
		const eh = 34.0 // the emblem's height; it is 1.5 times as wide
		r := &row{h: eh, desc: "cover: EU emblem"}
		r.ops = append(r.ops, op{kind: opEmblem, x: marginL, y: 0, w: eh * 1.5, h: eh})
		leave := l.enter(elP)
		o := textOpts{fam: famSans, bold: true, size: 10, color: colText}
		x := marginL + eh*1.5 + 10
		if rs := l.simple(m.FundedBy, o, inlineState{}, x, contentW-(x-marginL)); len(rs) > 0 {
			top := (eh - float64(len(rs))*rs[0].h) / 2
			for _, lr := range rs {
				for _, o := range lr.ops {
					o.y += top
					r.ops = append(r.ops, o)
				}
				top += lr.h
			}
		}
		leave()
		rows = append(rows, r)
	}
	o := textOpts{fam: famSerif, size: 8, color: colMuted, justify: true, hyphenate: true}
	for _, key := range []string{"funding", "licence"} {
		text := m.Funding
		if key == "licence" {
			text = m.Licence
		}
		if text == "" {
			continue
		}
		leave := l.enter(elP)
		z := itemizer{l: l, o: o}
		bold := z.style(inlineState{bold: true})
		z.text(m.label(key)+": ", bold, false)
		z.text(text, z.style(inlineState{}), false)
		r := l.setText(z.items, o, marginL, contentW)
		leave()
		if len(r) > 0 {
			r[0].before = 3
			if len(rows) > 0 && key == "funding" && m.FundedBy != "" {
				r[0].before = 8
			}
		}
		rows = append(rows, r...)
	}
	return rows
}

// footHeight is the room the first page's foot takes from the text.
func footHeight(foot []*row) float64 {
	if len(foot) == 0 {
		return 0
	}
	h := 12.0 // space and a rule above
	for _, r := range foot {
		h += r.h + r.before
	}
	return h
}

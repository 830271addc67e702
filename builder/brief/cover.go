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

// coverRows sets the first page's head: type, title, summary, the metadata
// table and, for case studies, the indicators. The title is the bookmark
// at level.
func (l *layout) coverRows(m *Meta, level int) {
	c := ctx{left: marginL, width: contentW}
	kicker := textOpts{fam: famSans, bold: true, size: 9, color: colHeading}
	head := strings.ToUpper(m.TypeLabel)
	if m.SiteTitle != "" {
		if head != "" {
			head += "  ·  "
		}
		head += m.SiteTitle
	}
	rows := l.simple(head, kicker, inlineState{}, c.left, c.width)
	if len(rows) == 0 {
		rows = []*row{{h: 1}}
	}
	rows[0].marks = append(rows[0].marks, mark{anchor: l.prefix + "top", title: m.Title, level: level})
	l.emit(rows, c, 0)
	title := textOpts{fam: famSans, bold: true, size: 22, color: colHeading}
	l.emit(l.simple(m.Title, title, inlineState{}, c.left, c.width), c, 8)
	if m.Summary != "" {
		sum := textOpts{fam: famSerif, italic: true, size: 11.5, color: colText, justify: true, hyphenate: true}
		l.emit(l.simple(m.Summary, sum, inlineState{}, c.left, c.width), c, 10)
	}
	var facts [][2]string
	add := func(key, val string) {
		if val != "" {
			facts = append(facts, [2]string{m.label(key), val})
		}
	}
	add("authors", strings.Join(m.Authors, ", "))
	add("partners", strings.Join(m.Partners, ", "))
	add("date", m.DateText)
	add("language", m.LanguageName)
	add("web", m.URL)
	labelW := 0.0
	lab := textOpts{fam: famSans, bold: true, size: 8.5, color: colMuted}
	for _, f := range facts {
		labelW = max(labelW, l.width(f[0], &style{font: sansBold, size: 8.5}))
	}
	labelW += 12
	for i, f := range facts {
		val := textOpts{fam: famSerif, size: 10, color: colText, hyphenate: true}
		st := inlineState{}
		if f[0] == m.label("web") {
			st.link = f[1]
		}
		vr := l.simple(f[1], val, st, c.left+labelW, c.width-labelW)
		if len(vr) == 0 {
			continue
		}
		lr := l.simple(f[0], lab, inlineState{}, c.left, labelW-12)
		if len(lr) > 0 {
			for _, o := range lr[0].ops {
				o.y = vr[0].base
				vr[0].ops = append(vr[0].ops, o)
			}
		}
		before := 2.0
		if i == 0 {
			before = 14
		}
		l.emit(vr, c, before)
	}
	if len(m.Indicators) > 0 {
		cells := [][]string{{m.label("indicator"), m.label("value"), m.label("target")}}
		for _, in := range m.Indicators {
			cells = append(cells, []string{in.Name, in.Value, in.Target})
		}
		l.plainTable(cells, []east.Alignment{east.AlignLeft, east.AlignRight, east.AlignRight}, c)
	}
	rule := &row{h: 10, ops: []op{{kind: opLine, x: c.left, y: 5, w: c.width, st: style{color: colRule}}}, desc: "cover rule"}
	l.emit([]*row{rule}, c, 10)
}

// plainTable sets a table of plain strings, the first row its header.
func (l *layout) plainTable(cells [][]string, align []east.Alignment, c ctx) {
	o := textOpts{fam: famSerif, size: cellSize, color: colText}
	nat, minw := make([]float64, len(align)), make([]float64, len(align))
	items := make([][][]item, len(cells))
	for i, rc := range cells {
		for j, s := range rc {
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
	l.emit(rows, c, 14)
}

// fundingRows sets the acknowledgement and licence printed at the foot of
// the first page.
func (l *layout) fundingRows(m *Meta) []*row {
	o := textOpts{fam: famSerif, size: 8, color: colMuted, justify: true, hyphenate: true}
	var rows []*row
	for _, key := range []string{"funding", "licence"} {
		text := m.Funding
		if key == "licence" {
			text = m.Licence
		}
		if text == "" {
			continue
		}
		z := itemizer{l: l, o: o}
		bold := z.style(inlineState{bold: true})
		z.text(m.label(key)+": ", bold, false)
		z.text(text, z.style(inlineState{}), false)
		r := l.setText(z.items, o, marginL, contentW)
		if len(r) > 0 {
			r[0].before = 3
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

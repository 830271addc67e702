package brief

import (
	"math"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

const (
	cellSize = 9.0
	cellPadX = 4.0
	cellPadY = 3.0
)

// table sets a GFM table. Columns get their natural widths when they fit;
// otherwise the longest word of each is kept and the rest of the width is
// shared by how much text each column has. Header rows repeat on every page
// the table continues on.
func (l *layout) table(t *east.Table, c ctx) {
	var cells [][]ast.Node
	var headRows int
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); ok {
			headRows++
		}
		var rc []ast.Node
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			rc = append(rc, cell)
		}
		cells = append(cells, rc)
	}
	ncol := len(t.Alignments)
	if ncol == 0 || len(cells) == 0 {
		return
	}
	o := c.o
	o.size, o.justify, o.color = cellSize, false, colText
	nat, minw := make([]float64, ncol), make([]float64, ncol)
	items := make([][][]item, len(cells))
	for i, rc := range cells {
		items[i] = make([][]item, ncol)
		for j := 0; j < ncol && j < len(rc); j++ {
			co := o
			co.bold = i < headRows
			z := itemizer{l: l, o: co}
			z.inlines(rc[j], inlineState{})
			items[i][j] = z.items
			w, longest := 0.0, 0.0
			run := 0.0
			for _, it := range z.items {
				w += it.w
				if it.kind == glue {
					run = 0
				} else {
					run += it.w
					longest = math.Max(longest, run)
				}
			}
			nat[j] = math.Max(nat[j], w+2*cellPadX)
			minw[j] = math.Max(minw[j], math.Min(longest, c.width/float64(ncol))+2*cellPadX)
		}
	}
	widths := columnWidths(nat, minw, c.width)
	var head []*row
	var rows []*row
	defer l.enter(elTable)()
	for i := range cells {
		r := l.tableRow(items[i], widths, t.Alignments, o, c.left, i < headRows, i%2 == 0)
		if i < headRows {
			r.keep = true
			head = append(head, r)
		} else {
			r.header = head
		}
		rows = append(rows, r)
	}
	l.emit(rows, c, c.skip()+2)
}

// columnWidths fits the columns into width.
func columnWidths(nat, minw []float64, width float64) []float64 {
	sumNat, sumMin := 0.0, 0.0
	for j := range nat {
		sumNat += nat[j]
		sumMin += minw[j]
	}
	out := make([]float64, len(nat))
	if sumNat <= width {
		// Spread the spare width evenly so the table spans the text.
		for j := range nat {
			out[j] = nat[j] + (width-sumNat)/float64(len(nat))
		}
		return out
	}
	spare := math.Max(width-sumMin, 0)
	for j := range nat {
		out[j] = minw[j]
		if sumNat > sumMin {
			out[j] += spare * (nat[j] - minw[j]) / (sumNat - sumMin)
		}
	}
	return out
}

// tableRow sets one row: every cell's lines, a tint for the header, a rule below.
func (l *layout) tableRow(cells [][]item, widths []float64, align []east.Alignment, o textOpts, left float64, head, even bool) *row {
	defer l.enter(elTR)()
	r := &row{}
	var ops []op
	var desc strings.Builder // not +=: a row may have thousands of cells
	h := 0.0
	x := left
	for j, its := range cells {
		co := o
		co.bold = head
		if j < len(align) {
			co.align = align[j]
		}
		cell := elTD
		if head {
			cell = elTH
		}
		leave := l.enter(cell)
		lines := l.setText(its, co, x+cellPadX, widths[j]-2*cellPadX)
		leave()
		y := cellPadY
		for k, ln := range lines {
			r.marks = append(r.marks, ln.marks...) // footnote references in cells
			for _, p := range ln.ops {
				p.y += y
				ops = append(ops, p)
			}
			if k == 0 && j > 0 {
				desc.WriteString(" | ")
			}
			if k == 0 {
				desc.WriteString(ln.desc)
			}
			y += ln.h
		}
		h = math.Max(h, y+cellPadY)
		x += widths[j]
	}
	r.h, r.desc = h, desc.String()
	total := x - left
	if head {
		r.ops = append(r.ops, op{kind: opRect, x: left, w: total, h: h, st: style{color: colHead}})
	} else if !even {
		r.ops = append(r.ops, op{kind: opRect, x: left, w: total, h: h, st: style{color: colFill}})
	}
	r.ops = append(r.ops, ops...)
	r.ops = append(r.ops, op{kind: opLine, x: left, y: h, w: total, st: style{color: colRule}})
	r.base = cellPadY + o.size
	return r
}

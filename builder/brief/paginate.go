package brief

// placed is a row at a vertical position (its top) on a page.
type placed struct {
	r *row
	y float64
}

// paginate places rows on pages. A row that does not fit starts a new page,
// together with the rows before it that must stay with it (headings, the
// first lines of a paragraph); a table's header rows are repeated on the new
// page. foot is the room reserved at the bottom of the first page.
func paginate(rows []*row, foot float64) [][]placed {
	var pages [][]placed
	var cur []placed
	start := 0 // index of the first row of cur (not counting repeated headers)
	y := marginTop
	bottom := func() float64 {
		if len(pages) == 0 {
			return pageH - marginBot - foot
		}
		return pageH - marginBot
	}
	newPage := func(at int) {
		pages = append(pages, cur)
		cur, start, y = nil, at, marginTop
		if h := rows[at].header; len(h) > 0 && h[0] != rows[at] {
			for _, hr := range h {
				cur = append(cur, placed{hr, y})
				y += hr.h
			}
		}
	}
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if r.newPage && len(cur) > 0 {
			newPage(i)
		}
		before := r.before
		if len(cur) == 0 {
			before = 0
		}
		if y+before+r.h > bottom()+0.01 && len(cur) > 0 && i > start {
			// Move back over the rows that must stay with this one.
			j := i
			for j > start && rows[j-1].keep {
				j--
			}
			if j == start {
				j = i // all of the page is one kept group: break it here
			}
			cur = cur[:len(cur)-(i-j)]
			newPage(j)
			i = j - 1
			continue
		}
		if len(cur) == 0 {
			before = 0
		}
		y += before
		cur = append(cur, placed{r, y})
		y += r.h
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
	}
	return pages
}

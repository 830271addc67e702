package brief

import "math"

// placed is a row at a vertical position (its top) on a page.
type placed struct {
	r *row
	y float64
	// gap is the space above the row on its page (its before, or 0 at the
	// top of a page), which op.join fills.
	gap float64
	// repeat marks a table header drawn again on a new page: not content
	// a second time (an artifact).
	repeat bool
}

// minLines is the fewest lines a page may hold when more text of the same
// document follows or precedes it on another page: a page of one to four
// lines (a paragraph's end, lone endnotes) looks like a mistake.
const minLines = 5

// lines is how many lines of text a row counts as: a picture or a tall
// table row as many as would fill its height; spacing rows none.
func (r *row) lines() int {
	if len(r.ops) == 0 {
		return 0
	}
	return max(1, int(math.Round(r.h/(bodySize*bodyLead))))
}

// paginate places rows on pages. A row that does not fit starts a new page,
// together with the rows before it that must stay with it (headings, the
// first lines of a paragraph); a table's header rows are repeated on the
// new page. foot is the room reserved at the bottom of the first page.
//
// A page that would end a run of pages (before a row that starts a new
// page, or at the end) with fewer than minLines lines takes lines from the
// page before it, so that both pages are well filled.
func paginate(rows []*row, foot float64) [][]placed {
	force := map[int]bool{}
	for range 16 { // each round fixes one short page; a few suffice
		pages, starts := paginateOnce(rows, foot, force)
		at, ok := shortPage(rows, pages, starts, force)
		if !ok {
			return pages
		}
		force[at] = true
	}
	pages, _ := paginateOnce(rows, foot, force)
	return pages
}

// shortPage finds the first page that ends a run with fewer than minLines
// lines and returns where the page before it should end instead: the
// latest row at which the page can break (not inside a kept group) that
// gives the short page enough lines, leaving the page before at least
// minLines.
func shortPage(rows []*row, pages [][]placed, starts []int, force map[int]bool) (int, bool) {
	for p := 1; p < len(pages); p++ {
		s := starts[p]
		if rows[s].newPage || force[s] {
			continue // the first page of a run
		}
		end := len(rows)
		if p+1 < len(starts) {
			end = starts[p+1]
		}
		if end < len(rows) && !rows[end].newPage {
			continue // not the last page of its run
		}
		n := 0
		for _, r := range rows[s:end] {
			n += r.lines()
		}
		if n >= minLines {
			continue
		}
		prevN := 0
		for _, r := range rows[starts[p-1]:s] {
			prevN += r.lines()
		}
		// Move the break back until the short page has enough lines.
		moved := 0
		h := 0.0
		for _, r := range rows[s:end] {
			h += r.h + r.before
		}
		// Aim at a few lines more than the least, so that the page does
		// not look like a leftover; settle for the least if need be.
		fallback := -1
		for j := s - 1; j > starts[p-1]; j-- {
			moved += rows[j].lines()
			h += rows[j].h + rows[j].before
			if h > pageH-marginTop-marginBot || prevN-moved < minLines {
				break // the rows would not fit, or the page before would be short
			}
			if rows[j-1].keep {
				continue
			}
			if n+moved >= minLines+3 {
				return j, true
			}
			if n+moved >= minLines && fallback < 0 {
				fallback = j
			}
		}
		if fallback >= 0 {
			return fallback, true
		}
	}
	return 0, false
}

// paginateOnce places rows greedily; a row in force starts a new page. It
// returns the pages and the index of each page's first row.
func paginateOnce(rows []*row, foot float64, force map[int]bool) ([][]placed, []int) {
	var pages [][]placed
	var starts []int
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
		starts = append(starts, start)
		cur, start, y = nil, at, marginTop
		if h := rows[at].header; len(h) > 0 && h[0] != rows[at] {
			for _, hr := range h {
				cur = append(cur, placed{r: hr, y: y, repeat: true})
				y += hr.h
			}
		}
	}
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		if (r.newPage || force[i]) && len(cur) > 0 && i > start {
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
		if len(cur) == 0 || cur[len(cur)-1].repeat && start == i {
			before = 0
		}
		y += before
		cur = append(cur, placed{r: r, y: y, gap: before})
		y += r.h
	}
	if len(cur) > 0 || len(pages) == 0 {
		pages = append(pages, cur)
		starts = append(starts, start)
	}
	return pages, starts
}

package brief

import "math"

// Knuth–Plass line breaking over boxes, glue and penalties: the breaks of a
// whole paragraph are chosen together, so justified lines stay even.

type itemKind uint8

const (
	box itemKind = iota
	glue
	penalty
)

const (
	infPenalty     = 10000.0
	linePenalty    = 10.0
	hyphenDemerits = 3000.0
)

// item is a box (text), glue (a space) or penalty (a possible break). A
// penalty shows text when the line does not break there (w is its width);
// when it does, pre ends the line and post starts the next.
type item struct {
	kind               itemKind
	w, stretch, shrink float64
	penalty            float64
	flagged            bool // a hyphen: avoid two in a row
	text               string
	pre, post          string
	preW, postW        float64
	st                 *style
	mark               string // anchor defined here (footnote references)
}

func (it *item) isBreak(prev *item) bool {
	switch it.kind {
	case glue:
		return prev != nil && prev.kind == box
	case penalty:
		return it.penalty < infPenalty
	}
	return false
}

type kpNode struct {
	pos     int // item index of the break; -1 for the paragraph start
	total   float64
	prev    int
	flagged bool
}

// breakLines returns the item indexes where lines end. tol is the largest
// stretch ratio allowed; in an emergency every line is allowed, overfull or
// loose, at a high cost, so a result always exists.
func breakLines(items []item, width, tol float64, emergency bool) ([]int, bool) {
	return breakRagged(items, width, tol, emergency, 0)
}

// breakRagged is breakLines for text set ragged right: every line may fall
// short by up to about ragged points more (TeX's \rightskip stretch), so
// a short word is not left alone on a line for want of a better break.
func breakRagged(items []item, width, tol float64, emergency bool, ragged float64) ([]int, bool) {
	n := len(items)
	sw, sy, sz := make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
	for i, it := range items {
		sw[i+1], sy[i+1], sz[i+1] = sw[i], sy[i], sz[i]
		if it.kind != penalty || it.text != "" {
			sw[i+1] += it.w
		}
		if it.kind == glue {
			sy[i+1] += it.stretch
			sz[i+1] += it.shrink
		}
	}
	nodes := []kpNode{{pos: -1, prev: -1}}
	active := []int{0}
	for b := range items {
		var prev *item
		if b > 0 {
			prev = &items[b-1]
		}
		it := &items[b]
		if !it.isBreak(prev) {
			continue
		}
		best, bestA := math.Inf(1), -1
		keep := active[:0:0]
		for _, ai := range active {
			a := nodes[ai]
			s := lineStart(items, a.pos)
			w := sw[b] - sw[s]
			if it.kind == penalty {
				w += it.preW
			}
			if a.pos >= 0 && items[a.pos].kind == penalty {
				w += items[a.pos].postW
			}
			r := ratio(width-w, sy[b]-sy[s]+ragged, sz[b]-sz[s])
			// An overfull line only gets wider for later breaks: drop a. In
			// an emergency it may still end here, overfull (as TeX's
			// overfull boxes), but it is not kept for later breaks either,
			// so the active list stays as short as a line is wide and the
			// work linear in the paragraph's length.
			if r >= -1 {
				keep = append(keep, ai)
			} else if !emergency {
				continue
			}
			var bad float64
			switch {
			case r < -1:
				bad = 1e7 + 1e5*(w-width) // overfull: by how much, as shrink may be zero
			case r > tol:
				if !emergency {
					continue
				}
				bad = 1e5 * math.Min(r, 10)
			default:
				bad = 100 * math.Abs(r*r*r)
			}
			d := (linePenalty + bad) * (linePenalty + bad)
			if it.kind == penalty {
				if it.penalty > 0 {
					d += it.penalty * it.penalty
				} else if it.penalty > -infPenalty {
					d -= it.penalty * it.penalty
				}
				if it.flagged && a.flagged {
					d += hyphenDemerits
				}
			}
			if t := a.total + d; t < best {
				best, bestA = t, ai
			}
		}
		active = keep
		forced := it.kind == penalty && it.penalty <= -infPenalty
		if bestA >= 0 {
			nodes = append(nodes, kpNode{pos: b, total: best, prev: bestA, flagged: it.kind == penalty && it.flagged})
			if forced {
				active = active[:0]
			}
			active = append(active, len(nodes)-1)
		} else if forced || len(active) == 0 {
			return nil, false
		}
	}
	last := nodes[len(nodes)-1]
	if last.pos != n-1 {
		return nil, false
	}
	var out []int
	for i := len(nodes) - 1; i > 0; i = nodes[i].prev {
		out = append(out, nodes[i].pos)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, true
}

// lineStart skips the glue a break leaves at the start of the next line.
func lineStart(items []item, brk int) int {
	s := brk + 1
	for s < len(items) && (items[s].kind == glue || items[s].kind == penalty && items[s].text == "" && items[s].penalty > -infPenalty) {
		s++
	}
	return s
}

// ratio is how far a line's glue must stretch (>0) or shrink (<0).
func ratio(slack, stretch, shrink float64) float64 {
	switch {
	case slack > 0.001:
		if stretch <= 0 {
			return math.Inf(1)
		}
		return slack / stretch
	case slack < -0.001:
		if shrink <= 0 {
			return math.Inf(-1)
		}
		return slack / shrink
	}
	return 0
}

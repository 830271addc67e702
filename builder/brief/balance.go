package brief

// balanced sets a title or heading in as few lines as the width allows,
// but with those lines as even as they can be: the narrowest width that
// still gives the same number of lines, found by bisection. A title that
// takes two lines then breaks near its middle ("Leszakadó városrészek /
// integrációja Miskolcon"), not after its first word. set lays the text
// out at a width; its rows start at left.
func (l *layout) balanced(set func(width float64) []*row, left, width float64) []*row {
	rows := set(width)
	n := len(rows)
	if n < 2 {
		return rows
	}
	fits := func(rs []*row, w float64) bool {
		if len(rs) != n {
			return false
		}
		for _, r := range rs {
			for _, o := range r.ops {
				if o.x+o.w > left+w+0.01 {
					return false // an emergency line, overfull
				}
			}
		}
		return true
	}
	lo, hi := width*0.4, width // hi always fits
	for range 8 {
		mid := (lo + hi) / 2
		if fits(set(mid), mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	if hi >= width {
		return rows
	}
	return set(hi)
}

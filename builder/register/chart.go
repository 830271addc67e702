package register

import (
	"html"
	"html/template"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	// Target, when above zero, is drawn as the bar's track: the value is
	// shown against it (indicators).
	Target float64
	// Text is the value as the reader's language writes it ("12", "3 of 3
	// people (100 %)"), written after the label.
	Text string
}

// Chart is a horizontal bar chart: each bar under its label, so that a
// long Hungarian partner name wraps instead of squeezing the bars on a
// 320 px phone.
type Chart struct {
	// ID makes the ids of the chart's title and description; unique on the page.
	ID string
	// Title names the chart; Desc says what it shows in a sentence (both
	// read by screen readers; the numbers are in a table beside it).
	Title, Desc string
	Bars        []Bar
}

// Layout, in CSS pixels (the SVG has no viewBox: its text keeps the size
// of the page's small print at every width, and the bars' lengths are
// percentages of the width there is).
const (
	fontSize  = 14
	lineH     = 18
	barH      = 14
	gap       = 10
	wrapAt    = 34 // characters a label line holds at 320 px
	barsWidth = 96 // per cent of the width the longest bar takes
)

// SVG draws the chart as inline SVG: role="img" named by its title and
// described by its description (aria-labelledby), text and bars in the
// page's colours through CSS classes (with currentColor where a page has
// no stylesheet), no script.
func (c Chart) SVG() template.HTML {
	peak := 0.0
	for _, b := range c.Bars {
		peak = max(peak, b.Value, b.Target)
	}
	var body strings.Builder
	y := 0
	for _, b := range c.Bars {
		lines := wrap(b.Label+": "+b.Text, wrapAt)
		body.WriteString(`<text class="chart-text" x="0" y="` + strconv.Itoa(y+fontSize) + `">`)
		for i, l := range lines {
			if i > 0 {
				body.WriteString(`<tspan x="0" dy="` + strconv.Itoa(lineH) + `">`)
			} else {
				body.WriteString(`<tspan>`)
			}
			body.WriteString(html.EscapeString(l))
			body.WriteString(`</tspan>`)
		}
		body.WriteString("</text>\n")
		y += len(lines)*lineH + 2
		if b.Value > 0 {
			body.WriteString(`<rect class="chart-bar" x="0" y="` + strconv.Itoa(y) + `" width="` + pct(b.Value, peak) +
				`" height="` + strconv.Itoa(barH) + `" fill="currentColor"/>` + "\n")
		}
		// The target's outline over the bar: seen where the bar falls short
		// and where it passes it.
		if b.Target > 0 {
			body.WriteString(`<rect class="chart-target" x="0.5" y="` + strconv.Itoa(y) + `" width="` + pct(b.Target, peak) +
				`" height="` + strconv.Itoa(barH) + `" fill="none" stroke="currentColor"/>` + "\n")
		}
		y += barH + gap
	}
	var out strings.Builder
	id := html.EscapeString(c.ID)
	out.WriteString(`<svg class="chart" role="img" aria-labelledby="` + id + `-title ` + id + `-desc" width="100%" height="` +
		strconv.Itoa(max(y-gap, 1)) + `" font-size="` + strconv.Itoa(fontSize) + `" xmlns="http://www.w3.org/2000/svg">` + "\n")
	out.WriteString(`<title id="` + id + `-title">` + html.EscapeString(c.Title) + "</title>\n")
	out.WriteString(`<desc id="` + id + `-desc">` + html.EscapeString(c.Desc) + "</desc>\n")
	out.WriteString(body.String())
	out.WriteString("</svg>")
	return template.HTML(out.String())
}

// pct is v's share of peak as a length: barsWidth per cent for the peak,
// never thinner than a visible sliver for a value above zero.
func pct(v, peak float64) string {
	if peak <= 0 {
		return "0"
	}
	p := v / peak * barsWidth
	if p < 0.5 {
		p = 0.5
	}
	return strconv.FormatFloat(p, 'f', 2, 64) + "%"
}

// wrap breaks s into lines of at most n characters at spaces. A longer
// word (a Hungarian compound, a name joined by hyphens) is broken after a
// hyphen or, failing one, at n characters: the SVG clips what passes its
// width, and such a label was cut off on a 320 px phone.
func wrap(s string, n int) []string {
	var lines []string
	var cur strings.Builder
	count := 0
	for _, w := range longWords(strings.Fields(s), n) {
		wl := utf8.RuneCountInString(w)
		if count > 0 && count+1+wl > n {
			lines = append(lines, cur.String())
			cur.Reset()
			count = 0
		}
		if count > 0 {
			cur.WriteByte(' ')
			count++
		}
		cur.WriteString(w)
		count += wl
	}
	if count > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// longWords splits each word longer than n characters into pieces of at
// most n, each ending after the piece's last hyphen when it has one.
func longWords(words []string, n int) []string {
	for i, w := range words {
		if utf8.RuneCountInString(w) <= n {
			continue
		}
		var pieces []string
		for r := []rune(w); len(r) > 0; {
			cut := min(n, len(r))
			if cut < len(r) {
				for j := cut - 1; j > 0; j-- {
					if r[j] == '-' {
						cut = j + 1
						break
					}
				}
			}
			pieces = append(pieces, string(r[:cut]))
			r = r[cut:]
		}
		return append(append(append([]string{}, words[:i]...), pieces...), longWords(words[i+1:], n)...)
	}
	return words
}

package brief

import (
	"math"

	"codeberg.org/go-pdf/fpdf"
)

// emblem draws the EU emblem with its top left corner at x, y, h high, to
// the official geometry (as static/img/eu-emblem.svg): a blue rectangle
// 1.5 times as wide as high; twelve gold five-pointed stars, one point up,
// at the hours of a clock on a circle whose radius is a third of the
// height, each star's points on a circle an eighteenth of the height.
func (p *pen) emblem(x, y, h float64) {
	f := p.f
	f.SetFillColor(int(colEUBlue.r), int(colEUBlue.g), int(colEUBlue.b))
	f.Rect(x, y, 1.5*h, h, "F")
	f.SetFillColor(int(colEUGold.r), int(colEUGold.g), int(colEUGold.b))
	cx, cy := x+0.75*h, y+h/2
	for i := range 12 {
		a := float64(i) * math.Pi / 6
		star(f, cx+h/3*math.Sin(a), cy-h/3*math.Cos(a), h/18)
	}
}

// star fills a five-pointed star, one point up, its points on a circle of
// radius r around x, y.
func star(f *fpdf.Fpdf, x, y, r float64) {
	inner := r * math.Sin(math.Pi/10) / math.Sin(7*math.Pi/10) // the pentagram's inner radius
	pts := make([]fpdf.PointType, 10)
	for i := range pts {
		rr := r
		if i%2 == 1 {
			rr = inner
		}
		a := float64(i) * math.Pi / 5
		pts[i] = fpdf.PointType{X: x + rr*math.Sin(a), Y: y - rr*math.Cos(a)}
	}
	f.Polygon(pts, "F")
}

// logo draws the site's mark (static/img/logo.svg) in a square s wide at
// x, y: a blue rounded square, four white bars and an amber stripe.
func (p *pen) logo(x, y, s float64) {
	f := p.f
	u := s / 40 // the SVG's view box is 40 units
	f.SetFillColor(int(colLogo.r), int(colLogo.g), int(colLogo.b))
	f.RoundedRect(x, y, s, s, 8*u, "1234", "F")
	f.SetFillColor(255, 255, 255)
	for i := range 4 {
		f.Rect(x+float64(8+7*i)*u, y+12*u, 4*u, 16*u, "F")
	}
	f.SetFillColor(int(colAccent.r), int(colAccent.g), int(colAccent.b))
	f.Rect(x+6*u, y+30*u, 28*u, 3*u, "F")
}

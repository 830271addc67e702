// Command photos draws the sample site's pictures: scenes of the 4IM
// project's places and events, 2400 × 1600 pixels, with grain and light
// like a camera's, saved as JPEG with the EXIF a phone writes (camera
// name, orientation and, for some, a GPS position), so that the site's
// picture pipeline has real work: turning upright, resizing, and
// stripping the position before anything is published.
//
// They are drawings, not photographs, and their alt texts and captions
// say so. Run from the repository root (the output is committed):
//
//	go run ./scripts/photos
package main

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/4im-project/dissem/builder/media/mediatest"
)

const w, h = 2400, 1600

// canvas is a picture being drawn, with its own random numbers so that
// each run gives the same bytes.
type canvas struct {
	m   *image.RGBA
	rnd *rand.Rand
}

func newCanvas(seed uint64) *canvas {
	return &canvas{m: image.NewRGBA(image.Rect(0, 0, w, h)), rnd: rand.New(rand.NewPCG(seed, 4))}
}

// gradient fills rows y0..y1 from colour a to colour b.
func (c *canvas) gradient(y0, y1 int, a, b color.RGBA) {
	for y := y0; y < y1; y++ {
		t := float64(y-y0) / float64(max(1, y1-y0))
		col := mix(a, b, t)
		for x := range w {
			c.m.SetRGBA(x, y, col)
		}
	}
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	l := func(p, q uint8) uint8 { return uint8(float64(p)*(1-t) + float64(q)*t) }
	return color.RGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), 255}
}

// rect fills a rectangle, shading it slightly from top to bottom.
func (c *canvas) rect(x0, y0, x1, y1 int, col color.RGBA) {
	for y := max(0, y0); y < min(h, y1); y++ {
		shade := mix(col, color.RGBA{0, 0, 0, 255}, 0.12*float64(y-y0)/float64(max(1, y1-y0)))
		for x := max(0, x0); x < min(w, x1); x++ {
			c.m.SetRGBA(x, y, shade)
		}
	}
}

// ellipse fills an ellipse centred at (cx, cy).
func (c *canvas) ellipse(cx, cy, rx, ry int, col color.RGBA) {
	for y := max(0, cy-ry); y < min(h, cy+ry); y++ {
		dy := float64(y-cy) / float64(ry)
		half := int(float64(rx) * math.Sqrt(max(0, 1-dy*dy)))
		for x := max(0, cx-half); x < min(w, cx+half); x++ {
			c.m.SetRGBA(x, y, col)
		}
	}
}

// triangle fills the triangle with apex (ax, ay) over the base y = by
// from x0 to x1 (roofs, spires).
func (c *canvas) triangle(ax, ay, x0, x1, by int, col color.RGBA) {
	for y := max(0, ay); y < min(h, by); y++ {
		t := float64(y-ay) / float64(max(1, by-ay))
		l := int(float64(ax) + t*float64(x0-ax))
		r := int(float64(ax) + t*float64(x1-ax))
		for x := max(0, l); x < min(w, r); x++ {
			c.m.SetRGBA(x, y, col)
		}
	}
}

// hills draws a ridge line of smooth random height from y, filled below.
func (c *canvas) hills(y, amp int, col color.RGBA) {
	p1, p2 := c.rnd.Float64()*6, c.rnd.Float64()*6
	for x := range w {
		fx := float64(x) / w
		top := y + int(float64(amp)*(math.Sin(fx*5+p1)*0.6+math.Sin(fx*13+p2)*0.25))
		for yy := max(0, top); yy < h; yy++ {
			c.m.SetRGBA(x, yy, mix(col, color.RGBA{20, 30, 20, 255}, 0.3*float64(yy-top)/float64(h-top+1)))
		}
	}
}

// person draws a standing figure, seen from a distance, at (x, feet).
func (c *canvas) person(x, feet, height int) {
	coats := []color.RGBA{{40, 60, 110, 255}, {120, 40, 40, 255}, {60, 90, 60, 255}, {90, 80, 70, 255}, {30, 30, 35, 255}, {150, 120, 60, 255}}
	skin := []color.RGBA{{224, 190, 160, 255}, {190, 150, 120, 255}, {150, 110, 85, 255}}
	coat := coats[c.rnd.IntN(len(coats))]
	head := height / 7
	c.rect(x-height/9, feet-height*45/100, x-height/30, feet, color.RGBA{35, 35, 45, 255})
	c.rect(x+height/30, feet-height*45/100, x+height/9, feet, color.RGBA{35, 35, 45, 255})
	c.ellipse(x, feet-height*62/100, height/6, height*22/100, coat)
	c.ellipse(x, feet-height+head, head*8/10, head, skin[c.rnd.IntN(len(skin))])
	c.ellipse(x, feet-height+head*6/10, head*8/10, head*5/10, color.RGBA{50, 40, 35, 255})
}

// house draws a house with a pitched roof and lit or dark windows.
func (c *canvas) house(x, base, wd, ht int, wall color.RGBA) {
	c.rect(x, base-ht, x+wd, base, wall)
	c.triangle(x+wd/2, base-ht-wd*2/5, x-wd/12, x+wd+wd/12, base-ht, color.RGBA{140, 60, 45, 255})
	for wy := base - ht + ht/5; wy < base-ht/4; wy += ht / 3 {
		for wx := x + wd/8; wx < x+wd-wd/5; wx += wd / 3 {
			col := color.RGBA{60, 70, 85, 255}
			if c.rnd.IntN(3) == 0 {
				col = color.RGBA{230, 210, 150, 255}
			}
			c.rect(wx, wy, wx+wd/7, wy+ht/6, col)
		}
	}
}

// grain adds a camera's noise and a soft vignette: what makes a JPEG of
// this picture as large as a photo's.
func (c *canvas) grain(amount int) {
	for y := range h {
		for x := range w {
			i := c.m.PixOffset(x, y)
			dx, dy := float64(x-w/2)/w, float64(y-h/2)/h
			v := 1 - 0.35*(dx*dx+dy*dy)
			for k := range 3 {
				n := float64(c.rnd.IntN(2*amount+1) - amount)
				c.m.Pix[i+k] = uint8(max(0, min(255, float64(c.m.Pix[i+k])*v+n)))
			}
		}
	}
}

// scene is one picture of the sample site.
type scene struct {
	file string
	seed uint64
	draw func(c *canvas)
	exif mediatest.EXIF
}

var phone = mediatest.EXIF{Make: "Sample", Model: "Phone 4IM"}

func with(e mediatest.EXIF, o int, gps *mediatest.GPS) mediatest.EXIF {
	e.Orientation, e.GPS = o, gps
	return e
}

var scenes = []scene{
	{"content/case-studies/tetemvar-street.jpg", 1, tetemvar, with(phone, 1, &mediatest.GPS{Lat: 48.1058, Lon: 20.7802})},
	{"content/case-studies/babonyiberc-garden.jpg", 2, garden, with(phone, 1, nil)},
	{"content/events/kick-off-hall.jpg", 3, hall, with(phone, 1, &mediatest.GPS{Lat: 48.1035, Lon: 20.7784})},
	{"content/events/staff-training-room.jpg", 4, training, with(phone, 1, nil)},
	// Held on its side, as a phone stores a picture taken that way: the
	// orientation tag turns it upright, and it carries a position.
	{"content/events/exchange-old-town.jpg", 5, square, with(phone, 6, &mediatest.GPS{Lat: 48.1030, Lon: 20.7930})},
}

func main() {
	for _, s := range scenes {
		c := newCanvas(s.seed)
		s.draw(c)
		c.grain(9)
		var m image.Image = c.m
		if s.exif.Orientation == 6 {
			m = turnLeft(c.m) // stored turned anticlockwise, shown turned back
		}
		data, err := mediatest.JPEG(m, 88, s.exif)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(s.file), 0o755)
		}
		if err == nil {
			err = os.WriteFile(s.file, data, 0o644)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s %d KB\n", s.file, len(data)>>10)
	}
}

// turnLeft turns m a quarter anticlockwise.
func turnLeft(m *image.RGBA) *image.RGBA {
	b := m.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := range b.Dy() {
		for x := range b.Dx() {
			out.Set(y, b.Dx()-1-x, m.At(x, y))
		}
	}
	return out
}

// tetemvar: a hillside street of small houses under a pale sky.
func tetemvar(c *canvas) {
	c.gradient(0, h, color.RGBA{150, 185, 220, 255}, color.RGBA{225, 230, 235, 255})
	c.hills(620, 90, color.RGBA{95, 125, 80, 255})
	for i := range 9 {
		x := -100 + i*290 + c.rnd.IntN(60)
		base := 1000 + i*25
		c.house(x, base, 230+c.rnd.IntN(50), 200+c.rnd.IntN(60), []color.RGBA{{225, 205, 170, 255}, {205, 195, 185, 255}, {235, 220, 190, 255}}[i%3])
	}
	c.rect(0, 1150, w, h, color.RGBA{110, 105, 100, 255}) // the street
	for i := range 5 {
		c.person(300+i*420+c.rnd.IntN(120), 1380+c.rnd.IntN(120), 330+c.rnd.IntN(60))
	}
}

// garden: residents at raised beds in a community garden.
func garden(c *canvas) {
	c.gradient(0, 700, color.RGBA{120, 170, 215, 255}, color.RGBA{205, 220, 230, 255})
	c.hills(560, 70, color.RGBA{80, 120, 70, 255})
	c.rect(0, 820, w, h, color.RGBA{105, 140, 75, 255})
	for i := range 4 {
		x := 150 + i*580
		c.rect(x, 1050, x+460, 1250, color.RGBA{120, 85, 55, 255})
		for k := range 12 {
			c.ellipse(x+30+k*36, 1040, 26, 34, color.RGBA{50, uint8(110 + c.rnd.IntN(40)), 45, 255})
		}
	}
	for i := range 6 {
		c.person(200+i*380+c.rnd.IntN(100), 1450+c.rnd.IntN(80), 360+c.rnd.IntN(60))
	}
}

// hall: a conference hall, seen from the back: a screen and rows of people.
func hall(c *canvas) {
	c.gradient(0, h, color.RGBA{190, 180, 165, 255}, color.RGBA{120, 105, 90, 255})
	c.rect(700, 180, 1700, 760, color.RGBA{235, 238, 240, 255}) // screen
	c.rect(760, 260, 1640, 330, color.RGBA{30, 90, 160, 255})
	for i := range 5 {
		c.rect(800, 400+i*60, 800+300+c.rnd.IntN(500), 430+i*60, color.RGBA{90, 95, 105, 255})
	}
	c.rect(300, 700, 600, 900, color.RGBA{110, 75, 50, 255}) // lectern
	c.person(450, 900, 380)
	for row := range 4 {
		for i := range 12 {
			c.person(100+i*200+row*40+c.rnd.IntN(30), 1150+row*150, 300+row*40)
		}
	}
}

// training: a workshop room, tables in a U and a flip chart.
func training(c *canvas) {
	c.gradient(0, h, color.RGBA{235, 232, 220, 255}, color.RGBA{170, 160, 145, 255})
	c.rect(0, 0, w, 120, color.RGBA{245, 245, 240, 255})
	for i := range 3 {
		c.rect(200+i*700, 200, 600+i*700, 650, color.RGBA{180, 210, 235, 255}) // windows
	}
	c.rect(1000, 500, 1400, 1050, color.RGBA{250, 250, 250, 255}) // flip chart
	for i := range 6 {
		c.rect(1050, 560+i*70, 1250+c.rnd.IntN(120), 585+i*70, color.RGBA{200, 60, 50, 255})
	}
	for i := range 7 {
		c.person(200+i*330, 1200, 360+c.rnd.IntN(50))
	}
	c.rect(100, 1150, 2300, 1240, color.RGBA{160, 120, 80, 255}) // tables
	c.rect(100, 1240, 2300, 1600, color.RGBA{120, 110, 100, 255})
}

// square: an old-town street with a church spire and a group of visitors.
func square(c *canvas) {
	c.gradient(0, h, color.RGBA{130, 170, 210, 255}, color.RGBA{230, 225, 215, 255})
	c.rect(900, 420, 1500, 1100, color.RGBA{150, 140, 130, 255}) // nave
	c.rect(1120, 200, 1280, 1100, color.RGBA{140, 130, 120, 255})
	c.triangle(1200, 40, 1100, 1300, 260, color.RGBA{60, 90, 80, 255}) // spire
	c.triangle(1200, 300, 880, 1520, 440, color.RGBA{70, 95, 85, 255})
	for i := range 3 {
		c.rect(1000+i*150, 600, 1060+i*150, 900, color.RGBA{90, 80, 90, 255})
	}
	for i := range 4 {
		c.house(i*230, 1100, 220, 380, color.RGBA{230, 200, 150, 255})
		c.house(1560+i*220, 1100, 210, 360, color.RGBA{215, 215, 200, 255})
	}
	c.rect(0, 1100, w, h, color.RGBA{175, 165, 150, 255})
	for i := range 9 {
		c.person(700+i*120+c.rnd.IntN(40), 1420+c.rnd.IntN(60), 330+c.rnd.IntN(40))
	}
}

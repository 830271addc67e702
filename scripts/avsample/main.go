// Command avsample makes the sample site's gallery and video: four
// drawings of the kick-off conference (content/events/kick-off-gallery-*.jpg) and a
// seven-second narrated video about the Social Innovation Resource Centre
// (content/news/resource-centre.mp4 with its poster and Hungarian, English
// and Slovak captions). The pictures are drawn, not photographed, and their
// alt texts in the Markdown say so.
//
// It is an authoring tool, run once by hand; its output is committed:
//
//	go run ./scripts/avsample            # the drawings only
//	go run ./scripts/avsample -video     # also the video: needs ffmpeg and espeak-ng
//
// No build or test runs it, and nothing the site builds needs ffmpeg.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-fonts/liberation/liberationsansbold"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

var (
	blue   = color.RGBA{0x0b, 0x53, 0x94, 0xff}
	dark   = color.RGBA{0x08, 0x3b, 0x6a, 0xff}
	orange = color.RGBA{0xc7, 0x50, 0x00, 0xff}
	cream  = color.RGBA{0xf6, 0xf1, 0xe7, 0xff}
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	grey   = color.RGBA{0x9a, 0xa4, 0xb0, 0xff}
	green  = color.RGBA{0x2e, 0x7d, 0x32, 0xff}
	yellow = color.RGBA{0xf2, 0xc2, 0x2e, 0xff}
	wood   = color.RGBA{0xa8, 0x74, 0x4f, 0xff}
)

func main() {
	video := flag.Bool("video", false, "also make the video (needs ffmpeg and espeak-ng)")
	dir := flag.String("content", "content", "the content folder")
	flag.Parse()
	for name, draw := range drawings {
		save(filepath.Join(*dir, "events", name), draw())
	}
	if *video {
		if err := makeVideo(filepath.Join(*dir, "news")); err != nil {
			log.Fatal(err)
		}
	}
}

// drawings are the kick-off conference's gallery, 1600 × 1067 (3:2).
var drawings = map[string]func() *image.RGBA{
	"kick-off-gallery-seats.jpg":     hall,
	"kick-off-gallery-table.jpg":     table,
	"kick-off-gallery-flipchart.jpg": flipchart,
	"kick-off-gallery-slide.jpg":     chart,
}

func canvas(bg color.Color) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 1600, 1067))
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	return img
}

func rect(img *image.RGBA, x0, y0, x1, y1 int, c color.Color) {
	draw.Draw(img, image.Rect(x0, y0, x1, y1), &image.Uniform{c}, image.Point{}, draw.Over)
}

func disc(img *image.RGBA, cx, cy, r int, c color.Color) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r {
				img.Set(x, y, c)
			}
		}
	}
}

// hall: rows of blue chairs facing a screen with the project's name.
func hall() *image.RGBA {
	img := canvas(cream)
	rect(img, 0, 760, 1600, 1067, color.RGBA{0xd9, 0xcf, 0xbd, 0xff})
	rect(img, 450, 80, 1150, 460, dark)
	text(img, "4IM", 120, 800, 330, white, true)
	text(img, "Miskolc · Košice · 2022", 40, 800, 420, white, true)
	for row := 0; row < 4; row++ {
		y := 560 + row*120
		for seat := 0; seat < 10; seat++ {
			x := 170 + seat*130 + row*8
			rect(img, x, y, x+90, y+60, blue)
			rect(img, x, y-50, x+90, y-10, blue)
		}
	}
	return img
}

// table: a round table seen from above with eight seats and name cards.
func table() *image.RGBA {
	img := canvas(color.RGBA{0xe4, 0xe9, 0xee, 0xff})
	disc(img, 800, 533, 330, wood)
	for i := 0; i < 8; i++ {
		x, y := ring(800, 533, 430, i, 8)
		disc(img, x, y, 70, blue)
		nx, ny := ring(800, 533, 260, i, 8)
		rect(img, nx-55, ny-22, nx+55, ny+22, white)
	}
	return img
}

// flipchart: a flip chart with sticky notes under the afternoon's four
// table themes.
func flipchart() *image.RGBA {
	img := canvas(cream)
	rect(img, 470, 60, 1130, 940, white)
	rect(img, 440, 40, 1160, 80, grey)
	rect(img, 520, 940, 540, 1067, grey)
	rect(img, 1060, 940, 1080, 1067, grey)
	cols := []color.RGBA{yellow, orange, green, blue}
	heads := []string{"Services", "Employment", "Housing", "Community"}
	for c := 0; c < 4; c++ {
		x := 495 + c*155
		text(img, heads[c], 26, x+67, 150, dark, true)
		for n := 0; n < 3+c%2; n++ {
			y := 190 + n*150
			rect(img, x, y, x+135, y+120, cols[c])
		}
	}
	return img
}

// chart: a slide of the project's two tracks on a screen.
func chart() *image.RGBA {
	img := canvas(color.RGBA{0x24, 0x2a, 0x33, 0xff})
	rect(img, 200, 100, 1400, 900, white)
	text(img, "4IM: two tracks", 60, 800, 220, dark, true)
	rect(img, 280, 330, 760, 800, blue)
	rect(img, 840, 330, 1320, 800, orange)
	text(img, "Local", 56, 520, 530, white, true)
	text(img, "governance", 56, 520, 610, white, true)
	text(img, "Integrated", 56, 1080, 530, white, true)
	text(img, "services", 56, 1080, 610, white, true)
	return img
}

func ring(cx, cy, r, i, n int) (int, int) {
	// Eight points on a circle without importing math for two constants.
	pts := [8][2]float64{{1, 0}, {0.7071, 0.7071}, {0, 1}, {-0.7071, 0.7071}, {-1, 0}, {-0.7071, -0.7071}, {0, -1}, {0.7071, -0.7071}}
	p := pts[i*8/n]
	return cx + int(p[0]*float64(r)), cy + int(p[1]*float64(r))
}

var faces = map[float64]font.Face{}

// text draws s centred on x (when centre) with its baseline at y.
func text(img draw.Image, s string, size float64, x, y int, c color.Color, centre bool) {
	face := faces[size]
	if face == nil {
		f, err := opentype.Parse(liberationsansbold.TTF)
		if err != nil {
			log.Fatal(err)
		}
		face, err = opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
		if err != nil {
			log.Fatal(err)
		}
		faces[size] = face
	}
	d := &font.Drawer{Dst: img, Src: &image.Uniform{c}, Face: face}
	if centre {
		x -= d.MeasureString(s).Round() / 2
	}
	d.Dot = fixed.P(x, y)
	d.DrawString(s)
}

func save(name string, img image.Image) { saveQuiet(name, img); fmt.Println("wrote", name) }

// saveQuiet writes img as PNG or JPEG by name.
func saveQuiet(name string, img image.Image) {
	var buf bytes.Buffer
	var err error
	if strings.HasSuffix(name, ".png") {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 82})
	}
	if err == nil {
		err = os.WriteFile(name, buf.Bytes(), 0o644)
	}
	if err != nil {
		log.Fatal(err)
	}
}

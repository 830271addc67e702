package brief

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"
)

// TestPlainJPEGDropsMetadata: a photo's Exif segment (camera, GPS
// position) does not reach the PDF, and the picture still decodes the same.
func TestPlainJPEGDropsMetadata(t *testing.T) {
	data, err := os.ReadFile("testdata/foto.jpg")
	if err != nil {
		t.Fatal(err)
	}
	// An Exif segment with a GPS tag name, right after SOI.
	exif := append([]byte("Exif\x00\x00GPSLatitude 48.1"), make([]byte, 20)...)
	seg := append([]byte{0xFF, 0xE1, byte((len(exif) + 2) >> 8), byte(len(exif) + 2)}, exif...)
	withExif := append(append(append([]byte(nil), data[:2]...), seg...), data[2:]...)
	out := plainJPEG(withExif)
	if bytes.Contains(out, []byte("GPSLatitude")) {
		t.Error("the Exif segment is still there")
	}
	a, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := jpeg.Decode(bytes.NewReader(data))
	if a.Bounds() != b.Bounds() {
		t.Errorf("bounds %v, want %v", a.Bounds(), b.Bounds())
	}
	if got := plainJPEG([]byte("not a jpeg")); string(got) != "not a jpeg" {
		t.Errorf("non-JPEG changed: %q", got)
	}
}

// TestLogoOnCover: a site's PNG logo replaces the drawn mark on the cover,
// scaled to the mark's height with its own proportions; without one the
// mark is drawn.
func TestLogoOnCover(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100)) // 3:1, a wordmark
	for x := range 300 {
		for y := range 100 {
			img.Set(x, y, color.NRGBA{11, 83, 148, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	d := loadDoc(t, fixtures[0])
	first := func(d *Document) op {
		pages, _, _ := engine(t).briefPages(d)
		return pages[0][0].r.ops[0]
	}
	if o := first(d); o.kind != opLogo {
		t.Errorf("without a logo: op kind %d, want the drawn mark", o.kind)
	}
	d.Logo = buf.Bytes()
	o := first(d)
	if o.kind != opImage || o.img == nil || o.img.typ != "PNG" {
		t.Fatalf("with a logo: op %+v, want the PNG", o)
	}
	if o.h != 30 || o.w != 90 {
		t.Errorf("logo %g×%g pt, want 90×30", o.w, o.h)
	}
	if _, err := engine(t).Brief(d); err != nil {
		t.Fatal(err)
	}
}

// exifOrientation is an APP1 segment holding only the orientation tag.
func exifOrientation(o int, bigEndian bool) []byte {
	tiff := []byte("II\x2a\x00\x08\x00\x00\x00\x01\x00\x12\x01\x03\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")
	tiff[18] = byte(o)
	if bigEndian {
		tiff = []byte("MM\x00\x2a\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00")
		tiff[19] = byte(o)
	}
	body := append([]byte("Exif\x00\x00"), tiff...)
	return append([]byte{0xFF, 0xE1, byte((len(body) + 2) >> 8), byte(len(body) + 2)}, body...)
}

// TestJPEGOrientation: a photo stored sideways (Exif orientation 6 or 8,
// as phones save them) is measured upright, so the layout gives it the
// shape readers see on the web; the tag is read in both byte orders.
func TestJPEGOrientation(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 300, 150)), nil); err != nil {
		t.Fatal(err)
	}
	raw := buf.Bytes()
	l := engine(t).newLayout(&Document{}, "", 1, nil)
	for _, tt := range []struct {
		orient int
		big    bool
		wide   bool
	}{{0, false, true}, {1, false, true}, {3, true, true}, {6, false, false}, {6, true, false}, {8, false, false}, {5, true, false}} {
		data := raw
		if tt.orient > 0 {
			data = append(append(append([]byte(nil), raw[:2]...), exifOrientation(tt.orient, tt.big)...), raw[2:]...)
		}
		p, err := l.picture("x.jpg", data)
		if err != nil {
			t.Fatal(err)
		}
		if p.orient != tt.orient || (p.w > p.h) != tt.wide {
			t.Errorf("orientation %d (big-endian %v): read %d, %g×%g pt", tt.orient, tt.big, p.orient, p.w, p.h)
		}
		if tt.orient > 1 {
			d := loadDoc(t, fixtures[2])
			d.Image = "x.jpg"
			d.ReadFile = func(string) ([]byte, error) { return data, nil }
			if _, err := engine(t).Brief(d); err != nil {
				t.Errorf("orientation %d: %v", tt.orient, err)
			}
		}
	}
}

// TestLargeJPEGIsScaled: a photo larger than print needs is embedded at
// maxPrintPixels on its longest side, printed at the same size.
func TestLargeJPEGIsScaled(t *testing.T) {
	src := image.NewRGBA(image.Rect(0, 0, 3000, 1000))
	for x := range 3000 {
		for y := range 1000 {
			src.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, nil); err != nil {
		t.Fatal(err)
	}
	l := engine(t).newLayout(&Document{}, "", 1, nil)
	p, err := l.picture("big.jpg", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.data))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Width != maxPrintPixels || cfg.Height != 600 {
		t.Errorf("embedded %d×%d pixels, want %d×600", cfg.Width, cfg.Height, maxPrintPixels)
	}
	if p.w != 3000*72/printDPI || len(p.data) >= buf.Len() {
		t.Errorf("printed %g pt wide (want %d), %d bytes from %d", p.w, 3000*72/printDPI, len(p.data), buf.Len())
	}
}

package brief

import (
	"bytes"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/yuin/goldmark/ast"
	xdraw "golang.org/x/image/draw"
)

// picture is an image ready for fpdf: PNG or JPEG bytes, or a parsed SVG.
type picture struct {
	name string
	typ  string // "PNG", "JPG" or "SVG"
	data []byte
	svg  *fpdf.SVGBasicType
	w, h float64 // natural size in points, as shown (orientation applied)
	// orient is the Exif orientation of a JPEG (1–8; 0 or 1: as stored):
	// a phone's photo is stored sideways and shown upright by this tag,
	// which PDF viewers do not read, so the pen turns the picture.
	orient int
}

// printDPI is the resolution bitmaps are assumed to have: screen images of
// 1000 pixels come out about 17 cm wide.
const printDPI = 150

// loadPicture reads and identifies an image. fpdf cannot read 16-bit or
// interlaced PNGs, so those are re-encoded as plain 8-bit PNGs.
func (l *layout) loadPicture(dest string) (*picture, error) {
	if p, ok := l.pics[dest]; ok {
		return p, nil
	}
	if l.doc.ReadFile == nil {
		return nil, errUnsupported
	}
	data, err := l.doc.ReadFile(dest)
	if err != nil {
		return nil, err
	}
	p, err := l.picture(l.prefix+dest, data)
	if err != nil {
		return nil, err
	}
	if l.pics == nil {
		l.pics = map[string]*picture{}
	}
	l.pics[dest] = p
	return p, nil
}

// picture identifies an image's bytes under a name unique in the PDF.
func (l *layout) picture(name string, data []byte) (*picture, error) {
	p := &picture{name: name, data: data}
	if strings.EqualFold(path.Ext(name), ".svg") || bytes.Contains(data[:min(len(data), 512)], []byte("<svg")) {
		sig, err := fpdf.SVGBasicParse(data)
		if err != nil {
			return nil, err
		}
		p.typ, p.svg, p.w, p.h = "SVG", &sig, sig.Wd, sig.Ht
	} else {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		p.w, p.h = float64(cfg.Width)*72/printDPI, float64(cfg.Height)*72/printDPI
		switch format {
		case "jpeg":
			p.typ = "JPG"
			p.orient = jpegOrientation(data)
			if p.orient >= 5 {
				p.w, p.h = p.h, p.w // stored sideways
			}
			p.data = plainJPEG(data)
			if max(cfg.Width, cfg.Height) > maxPrintPixels {
				if small, err := smallerJPEG(data); err == nil {
					p.data = small
				}
			}
		case "png":
			p.typ = "PNG"
			if len(data) > 28 && (data[24] == 16 || data[28] == 1) {
				if p.data, err = plainPNG(data); err != nil {
					return nil, err
				}
			}
		case "gif":
			// fpdf's own GIF reader fails a whole brief on an odd file;
			// a PNG of the first frame is safe.
			img, err := gif.Decode(bytes.NewReader(data))
			if err != nil {
				return nil, err
			}
			var b bytes.Buffer
			if err := png.Encode(&b, img); err != nil {
				return nil, err
			}
			p.typ, p.data = "PNG", b.Bytes()
		default:
			return nil, errUnsupported
		}
	}
	return p, nil
}

type briefError string

func (e briefError) Error() string { return string(e) }

const errUnsupported = briefError("brief: unsupported image format")

func plainPNG(data []byte) ([]byte, error) {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var b bytes.Buffer
	err = png.Encode(&b, rgba)
	return b.Bytes(), err
}

// image sets a block image, centred and scaled to fit, with its title as a
// caption. An image that cannot be read shows its description instead.
func (l *layout) image(n *ast.Image, c ctx) {
	dest := string(n.Destination)
	p, err := l.loadPicture(dest)
	if err != nil || p.w <= 0 || p.h <= 0 {
		o := c.o
		o.italic = true
		l.emit(l.para(n, o, c.left, c.width), c, c.skip())
		return
	}
	title := string(n.Title)
	fill := func(z *itemizer) { z.text(title, z.style(inlineState{}), false) }
	l.figure(p, markdown.PlainText(n, l.src), "image "+dest, fill, c)
}

// plainJPEG returns a JPEG without its metadata segments (APP1: Exif and
// XMP, with a phone's GPS position and camera; APP13: IPTC; comments),
// which fpdf would otherwise copy into every brief that shows the
// picture. The image data is kept byte for byte. Anything it does not
// understand is returned as it is.
func plainJPEG(data []byte) []byte {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, 0xFF, 0xD8)
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return data
		}
		m := data[i+1]
		if m == 0xDA { // start of scan: the image data follows
			return append(out, data[i:]...)
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if n < 2 || i+2+n > len(data) {
			return data
		}
		if m != 0xE1 && m != 0xED && m != 0xFE {
			out = append(out, data[i:i+2+n]...)
		}
		i += 2 + n
	}
	return data
}

// jpegOrientation reads the Exif orientation tag (0x0112) of a JPEG: 1–8,
// or 0 when there is none or it cannot be read.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 0
	}
	for i := 2; i+4 <= len(data) && data[i] == 0xFF; {
		m := data[i+1]
		n := int(data[i+2])<<8 | int(data[i+3])
		if m == 0xDA || n < 2 || i+2+n > len(data) {
			return 0
		}
		seg := data[i+4 : i+2+n]
		if m == 0xE1 && len(seg) > 14 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 0
}

// tiffOrientation reads the orientation tag of a TIFF header's first IFD.
func tiffOrientation(t []byte) int {
	var u16 func([]byte) int
	var u32 func([]byte) int
	switch string(t[:2]) {
	case "II":
		u16 = func(b []byte) int { return int(b[0]) | int(b[1])<<8 }
		u32 = func(b []byte) int { return u16(b) | u16(b[2:])<<16 }
	case "MM":
		u16 = func(b []byte) int { return int(b[0])<<8 | int(b[1]) }
		u32 = func(b []byte) int { return u16(b)<<16 | u16(b[2:]) }
	default:
		return 0
	}
	ifd := u32(t[4:])
	if ifd < 8 || ifd+2 > len(t) {
		return 0
	}
	count := u16(t[ifd:])
	for k := range count {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if u16(t[e:]) == 0x0112 {
			if o := u16(t[e+8:]); o >= 1 && o <= 8 {
				return o
			}
			return 0
		}
	}
	return 0
}

// maxPrintPixels is the longest side a photo keeps in a brief: 1,800
// pixels across the cover's 16.6 cm are 275 dpi, enough for print, where a
// phone's 4,000 would make every brief megabytes larger.
const maxPrintPixels = 1800

// smallerJPEG scales a photo down to maxPrintPixels on its longest side,
// re-encoded without metadata (the orientation is kept in picture.orient).
func smallerJPEG(data []byte) ([]byte, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	scale := float64(maxPrintPixels) / float64(max(b.Dx(), b.Dy()))
	dst := image.NewRGBA(image.Rect(0, 0, max(1, int(float64(b.Dx())*scale+0.5)), max(1, int(float64(b.Dy())*scale+0.5))))
	xdraw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 88}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

package media

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"
)

// scaler resizes. Catmull-Rom is sharp where bilinear blurs; cascading
// each width from the next larger one keeps it within the 1 s budget for
// a 2400 × 1600 photo (bench: BenchmarkProcess).
var scaler draw.Scaler = draw.CatmullRom

// process decodes a picture's source and returns the bytes of each of its
// variants, in img.Variants' order. The source's metadata (EXIF: camera,
// time, GPS position; XMP; comments) is not carried over: the published
// files are encoded afresh from the pixels.
func process(img *Image, data []byte) ([][]byte, error) {
	var src image.Image
	var err error
	switch img.Format {
	case "jpeg":
		src, err = jpeg.Decode(bytes.NewReader(data))
	case "png":
		src, err = png.Decode(bytes.NewReader(data))
	case "webp":
		src, err = webp.Decode(bytes.NewReader(data))
	default: // gif, svg: published as they are
		return [][]byte{data}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("is damaged: %s; export the picture again", plainDecodeErr(err))
	}
	out := make([][]byte, len(img.Variants))
	prev := src
	// Largest first, each from the one before it.
	for i := len(img.Variants) - 1; i >= 0; i-- {
		v := img.Variants[i]
		sw, sh := v.Width, v.Height
		if img.orientation >= 5 {
			sw, sh = sh, sw // the stored picture lies on its side
		}
		var small image.Image = prev
		if b := prev.Bounds(); b.Dx() != sw || b.Dy() != sh {
			dst := image.NewRGBA(image.Rect(0, 0, sw, sh))
			scaler.Scale(dst, dst.Bounds(), prev, b, draw.Src, nil)
			small = dst
		}
		prev = small
		upright := orient(small, img.orientation)
		var buf bytes.Buffer
		if img.Format == "png" {
			enc := png.Encoder{CompressionLevel: png.BestCompression}
			err = enc.Encode(&buf, upright)
		} else {
			err = jpeg.Encode(&buf, opaque(upright), &jpeg.Options{Quality: Quality})
		}
		if err != nil {
			return nil, fmt.Errorf("cannot be encoded: %v", err)
		}
		out[i] = buf.Bytes()
	}
	return out, nil
}

// opaque lays a picture with transparency (a WebP) on white before it
// becomes a JPEG, which has none: transparent pixels would turn black.
func opaque(m image.Image) image.Image {
	if rgba, ok := m.(*image.RGBA); ok && rgba.Opaque() {
		return m
	}
	if _, ok := m.(*image.YCbCr); ok {
		return m
	}
	dst := image.NewRGBA(m.Bounds())
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(dst, dst.Bounds(), m, m.Bounds().Min, draw.Over)
	return dst
}

// orient turns m upright by EXIF orientation o (see orientation).
func orient(m image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return m
	}
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	src := toRGBA(m)
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := range dh {
		for x := range dw {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			si := src.PixOffset(b.Min.X+sx, b.Min.Y+sy)
			di := dst.PixOffset(x, y)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}

// toRGBA returns m as an *image.RGBA, converting it when it is not one.
func toRGBA(m image.Image) *image.RGBA {
	if r, ok := m.(*image.RGBA); ok {
		return r
	}
	dst := image.NewRGBA(m.Bounds())
	draw.Draw(dst, dst.Bounds(), m, m.Bounds().Min, draw.Src)
	return dst
}

// Upright returns a JPEG turned the way its EXIF orientation says it is
// shown, re-encoded at quality q without metadata; other data, and a JPEG
// already upright, come back as they are (changed false). For a layout
// that embeds a picture's bytes (a PDF brief) and must not show a phone's
// photo on its side.
func Upright(data []byte, q int) (out []byte, changed bool, err error) {
	o := orientation(data)
	if sniff(data) != "jpeg" || o == 1 {
		return data, false, nil
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(data)); err != nil || int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return data, false, nil
	}
	m, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, false, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, orient(m, o), &jpeg.Options{Quality: q}); err != nil {
		return nil, false, err
	}
	return buf.Bytes(), true, nil
}

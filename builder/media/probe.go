package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // registers the GIF header reader
	_ "image/jpeg" // registers the JPEG header reader
	_ "image/png"  // registers the PNG header reader
	"io/fs"
	"path"
	"strings"

	"golang.org/x/image/webp"
)

// formats are the pictures the set reads: the format's name, how its
// bytes start, the extensions it goes by and the extension published.
var formats = []struct {
	name, label string
	magic       []string
	exts        []string
}{
	{"jpeg", "JPEG", []string{"\xFF\xD8\xFF"}, []string{".jpg", ".jpeg"}},
	{"png", "PNG", []string{"\x89PNG\r\n\x1a\n"}, []string{".png"}},
	{"gif", "GIF", []string{"GIF87a", "GIF89a"}, []string{".gif"}},
	{"webp", "WebP", nil, []string{".webp"}},
	{"svg", "SVG", nil, []string{".svg"}},
}

// sniff tells a picture's format from its first bytes, "" when it is none
// the set reads.
func sniff(data []byte) string {
	for _, f := range formats {
		for _, m := range f.magic {
			if bytes.HasPrefix(data, []byte(m)) {
				return f.name
			}
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP" {
		return "webp"
	}
	if isSVG(data) {
		return "svg"
	}
	return ""
}

// describe names what data is when it is not a picture the set reads, in
// an editor's words.
func describe(data []byte) string {
	switch {
	case len(data) == 0:
		return "an empty file"
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "avif" || string(data[8:12]) == "avis"):
		return "an AVIF picture, which dissem cannot resize yet"
	case len(data) >= 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "heic" || string(data[8:12]) == "mif1"):
		return "a HEIC photo (as iPhones save them), which browsers do not show"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "a PDF document"
	case bytes.HasPrefix(data, []byte("II*\x00")) || bytes.HasPrefix(data, []byte("MM\x00*")):
		return "a TIFF picture, which browsers do not show"
	case bytes.HasPrefix(data, []byte("BM")):
		return "a BMP picture"
	}
	return "not a picture"
}

// probe reads the picture at rel: its format from its bytes, its size
// from its header, its orientation, and its hash. It never decodes the
// pixels.
func (s *Set) probe(rel string) (*Image, error) {
	shown := path.Join(s.opts.Content, rel)
	data, err := fs.ReadFile(s.fsys, rel)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("there is no file %s: %w", shown, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %v", shown, plainErr(err))
	}
	format := sniff(data)
	ext := strings.ToLower(path.Ext(rel))
	if format == "" {
		return nil, fmt.Errorf("%s is %s; save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file", shown, describe(data))
	}
	for _, f := range formats {
		if f.name == format && !contains(f.exts, ext) {
			return nil, fmt.Errorf("%s is a %s picture, but its name ends in %q; rename it %s", shown, f.label, path.Ext(rel),
				strings.TrimSuffix(path.Base(rel), path.Ext(rel))+f.exts[0])
		}
	}
	img := &Image{Rel: rel, Format: format, hash: hashOf(data), orientation: 1}
	if format == "svg" {
		w, h, ok := svgSize(data)
		if !ok {
			return nil, fmt.Errorf("%s has no size: give its <svg> element a viewBox (viewBox=\"0 0 800 600\") or width and height attributes", shown)
		}
		if why := svgActive(data); why != "" {
			return nil, fmt.Errorf("%s contains %s; a picture must not run code or load from other sites: remove it, or export the drawing again as plain SVG or as PNG", shown, why)
		}
		img.Width, img.Height = w, h
		s.plan(img, ".svg")
		return img, nil
	}
	var cfg image.Config
	switch format {
	case "webp":
		cfg, err = webp.DecodeConfig(bytes.NewReader(data))
	default:
		cfg, _, err = image.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil && strings.Contains(err.Error(), "EOF") {
		return nil, fmt.Errorf("%s is cut short: the end of the picture is missing (an interrupted copy or upload?); copy the file again", shown)
	}
	if err != nil {
		return nil, fmt.Errorf("%s is damaged: its header cannot be read (%s); export the picture again", shown, plainDecodeErr(err))
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%s has no pixels (%d × %d); export the picture again", shown, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxPixels {
		return nil, fmt.Errorf("%s claims %d × %d pixels (%d megapixels); pictures may have at most %d: make it smaller (2400 pixels wide is plenty for the web) and save it again",
			shown, cfg.Width, cfg.Height, px/1_000_000, MaxPixels/1_000_000)
	}
	if cut := truncated(format, data); cut {
		return nil, fmt.Errorf("%s is cut short: the end of the picture is missing (an interrupted copy or upload?); copy the file again", shown)
	}
	img.Width, img.Height = cfg.Width, cfg.Height
	if format == "jpeg" {
		img.orientation = orientation(data)
		if img.orientation >= 5 {
			img.Width, img.Height = img.Height, img.Width
		}
	}
	out := ".jpg"
	if format == "png" {
		out = ".png"
	}
	s.plan(img, out)
	if format == "gif" {
		img.Variants[0].Name = strings.TrimSuffix(img.Variants[0].Name, out) + ".gif"
		img.Variants[0].URL = s.opts.BasePath + img.Variants[0].Name
		img.Src = img.Variants[0].URL
	}
	return img, nil
}

// truncated reports whether a JPEG or PNG lacks its end marker: a copy or
// upload that stopped part way, which decoders report only once they have
// decoded everything before it.
func truncated(format string, data []byte) bool {
	switch format {
	case "jpeg":
		// Some cameras pad after the end marker: look at the last bytes.
		tail := data[max(0, len(data)-64):]
		return !bytes.Contains(tail, []byte{0xFF, 0xD9})
	case "png":
		tail := data[max(0, len(data)-32):]
		return !bytes.Contains(tail, []byte("IEND"))
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// plainErr drops Go's operation and path from a file error.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// plainDecodeErr words a decoder's error for an editor: no "EOF", no
// package names.
func plainDecodeErr(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "EOF"):
		return "the file ends too early"
	case strings.Contains(msg, "dimension"):
		return "its width or height is zero"
	case errors.Is(err, image.ErrFormat):
		return "unknown format"
	}
	for _, p := range []string{"image: ", "jpeg: ", "png: ", "gif: ", "webp: ", "invalid format: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return msg
}

package media

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
)

// isSVG reports whether data is an SVG document: its first element is
// <svg>, after an optional XML declaration, comments and a doctype.
func isSVG(data []byte) bool {
	_, ok := svgRoot(data)
	return ok
}

// svgRoot finds the root element of an SVG document among its first
// tokens; only the start of the file is read.
func svgRoot(data []byte) (xml.StartElement, bool) {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = false
	for range 32 {
		tok, err := d.Token()
		if err != nil {
			return xml.StartElement{}, false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, t.Name.Local == "svg"
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, false
			}
		}
	}
	return xml.StartElement{}, false
}

// svgSize is an SVG's intrinsic size in CSS pixels: its width and height
// attributes when both are plain lengths, else its viewBox's.
func svgSize(data []byte) (w, h int, ok bool) {
	root, found := svgRoot(data)
	if !found {
		return 0, 0, false
	}
	var width, height, viewBox string
	for _, a := range root.Attr {
		switch a.Name.Local {
		case "width":
			width = a.Value
		case "height":
			height = a.Value
		case "viewBox":
			viewBox = a.Value
		}
	}
	if w, h := length(width), length(height); w > 0 && h > 0 {
		return w, h, true
	}
	f := strings.FieldsFunc(viewBox, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\n' })
	if len(f) == 4 {
		vw, err1 := strconv.ParseFloat(f[2], 64)
		vh, err2 := strconv.ParseFloat(f[3], 64)
		if err1 == nil && err2 == nil && vw >= 1 && vh >= 1 && vw < 1e6 && vh < 1e6 {
			return int(vw + 0.5), int(vh + 0.5), true
		}
	}
	return 0, 0, false
}

// length reads "120" or "120px"; other units (%, em, mm) are not a size
// in pixels and give 0.
func length(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v >= 1e6 {
		return 0
	}
	return int(v + 0.5)
}

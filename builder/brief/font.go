package brief

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// fontID names one face; the layout measures and fpdf draws with the same one.
type fontID uint8

const (
	serif fontID = iota
	serifBold
	serifItalic
	serifBoldItalic
	sansBold // headings and labels only: no other sans face is needed
	mono
	numFonts
)

// faces lists the fpdf family and style of each fontID and its TTF.
var faces = [numFonts]struct {
	family, style string
	ttf           []byte
}{
	serif:           {"serif", "", liberationserifregular.TTF},
	serifBold:       {"serif", "B", liberationserifbold.TTF},
	serifItalic:     {"serif", "I", liberationserifitalic.TTF},
	serifBoldItalic: {"serif", "BI", liberationserifbolditalic.TTF},
	sansBold:        {"sans", "B", liberationsansbold.TTF},
	mono:            {"mono", "", liberationmonoregular.TTF},
}

// metrics are the advance widths of a face in thousandths of the font size,
// rounded exactly as fpdf rounds them, so that our line widths match what the
// PDF viewer draws. fpdf only handles the Basic Multilingual Plane.
type metrics struct {
	widths  []uint16 // by rune; 0 means the glyph is missing
	missing uint16
}

// width returns the width of s at size pt.
func (m *metrics) width(s string, size float64) float64 {
	w := 0
	for _, r := range s {
		if r < 0x10000 && m.widths[r] != 0 {
			w += int(m.widths[r])
		} else {
			w += int(m.missing)
		}
	}
	return float64(w) * size / 1000
}

// fit shortens s with an ellipsis to fit width at size, in one pass over
// its runes: a running header is cut once per document, and a title may be
// thousands of characters long.
func (m *metrics) fit(s string, size, width float64) string {
	if m.width(s, size) <= width {
		return s
	}
	w, ell := 0, int(m.widths['…'])
	for i, r := range s {
		if r < 0x10000 && m.widths[r] != 0 {
			w += int(m.widths[r])
		} else {
			w += int(m.missing)
		}
		if i > 0 && float64(w+ell)*size/1000 > width { // as m.width(s[:i+1]+"…")
			return s[:i] + "…"
		}
	}
	return s + "…"
}

// has reports whether the face has a glyph for r.
func (m *metrics) has(r rune) bool { return r < 0x10000 && m.widths[r] != 0 }

var errFont = errors.New("brief: malformed TrueType font")

// parseMetrics reads the head, hhea, hmtx and cmap (format 4) tables of a TTF.
func parseMetrics(ttf []byte) (*metrics, error) {
	tables := map[string][]byte{}
	if len(ttf) < 12 {
		return nil, errFont
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errFont
		}
		off := int(binary.BigEndian.Uint32(ttf[rec+8:]))
		ln := int(binary.BigEndian.Uint32(ttf[rec+12:]))
		if off+ln > len(ttf) {
			return nil, errFont
		}
		tables[string(ttf[rec:rec+4])] = ttf[off : off+ln]
	}
	head, hhea, hmtx, cmap := tables["head"], tables["hhea"], tables["hmtx"], tables["cmap"]
	if len(head) < 54 || len(hhea) < 36 || cmap == nil {
		return nil, errFont
	}
	scale := 1000 / float64(binary.BigEndian.Uint16(head[18:]))
	numH := int(binary.BigEndian.Uint16(hhea[34:]))
	if len(hmtx) < 4*numH || numH == 0 {
		return nil, errFont
	}
	advance := func(g int) uint16 {
		if g >= numH {
			g = numH - 1
		}
		w := math.Round(scale * float64(binary.BigEndian.Uint16(hmtx[4*g:])))
		return uint16(max(w, 1)) // 0 is our "missing" marker
	}
	m := &metrics{widths: make([]uint16, 0x10000), missing: advance(0)}
	sub := findCmap4(cmap)
	if sub == nil {
		return nil, errFont
	}
	segs := int(binary.BigEndian.Uint16(sub[6:])) / 2
	ends, starts := sub[14:], sub[16+2*segs:]
	deltas, ranges := sub[16+4*segs:], sub[16+6*segs:]
	for s := 0; s < segs; s++ {
		end := int(binary.BigEndian.Uint16(ends[2*s:]))
		start := int(binary.BigEndian.Uint16(starts[2*s:]))
		delta := int(binary.BigEndian.Uint16(deltas[2*s:]))
		ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				at := 16 + 6*segs + 2*s + ro + 2*(c-start)
				if at+2 > len(sub) {
					continue
				}
				g = int(binary.BigEndian.Uint16(sub[at:]))
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g != 0 {
				m.widths[c] = advance(g)
			}
		}
	}
	return m, nil
}

// findCmap4 returns the Windows Unicode BMP subtable (platform 3, encoding 1).
func findCmap4(cmap []byte) []byte {
	if len(cmap) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			return nil
		}
		pid, eid := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if pid == 3 && eid == 1 && off+14 < len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			ln := int(binary.BigEndian.Uint16(cmap[off+2:]))
			return cmap[off:min(off+ln, len(cmap))]
		}
	}
	return nil
}

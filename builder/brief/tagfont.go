package brief

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"sync"
	"unicode/utf16"
)

// Subset fonts are named as ISO 32000-1 (9.6.4) asks: a tag of six
// capital letters, a plus sign and the font's PostScript name
// ("KQZBMD+LiberationSerif-Bold"). fpdf names its fonts after the family
// and style it was given ("utf8serifB"); the post-pass (tagpdf.go) renames
// them.

// psNames maps fpdf's font names ("utf8serifB") to the PostScript names in
// the faces' name tables, read once per process.
var psNames = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, numFonts)
	for _, f := range faces {
		key := "utf8" + strings.ToLower(f.family) + strings.ToUpper(f.style) // as fpdf's getFontKey
		name := postScriptName(f.ttf)
		if name == "" {
			name = key // a face without a name table keeps fpdf's name
		}
		m[key] = name
	}
	return m
})

// subsetTag derives the six-letter tag from the embedded subset itself, so
// that the same glyphs give the same name (deterministic output) and two
// different subsets of a face in one file get different names.
func subsetTag(subset []byte) string {
	sum := sha256.Sum256(subset)
	var b [6]byte
	for i := range b {
		b[i] = 'A' + sum[i]%26
	}
	return string(b[:])
}

// postScriptName reads name ID 6 from a TrueType font's name table, in its
// Windows (UTF-16BE) or Macintosh (Roman) record; "" if there is none. A
// PostScript name is printable ASCII without delimiters, so anything else
// is dropped rather than written into a PDF name.
func postScriptName(ttf []byte) string {
	if len(ttf) < 12 {
		return ""
	}
	var name []byte
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := 0; i < n && 12+16*i+16 <= len(ttf); i++ {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "name" {
			off, ln := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
			if off >= 0 && ln >= 0 && off+ln <= len(ttf) {
				name = ttf[off : off+ln]
			}
		}
	}
	if len(name) < 6 {
		return ""
	}
	count, strOff := int(binary.BigEndian.Uint16(name[2:])), int(binary.BigEndian.Uint16(name[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(name); i++ {
		r := name[6+12*i:]
		pid, eid := binary.BigEndian.Uint16(r), binary.BigEndian.Uint16(r[2:])
		id, ln, off := binary.BigEndian.Uint16(r[6:]), int(binary.BigEndian.Uint16(r[8:])), int(binary.BigEndian.Uint16(r[10:]))
		if id != 6 || strOff+off+ln > len(name) {
			continue
		}
		raw := name[strOff+off : strOff+off+ln]
		var s string
		switch {
		case pid == 3 && (eid == 1 || eid == 0) && ln%2 == 0:
			u := make([]uint16, ln/2)
			for j := range u {
				u[j] = binary.BigEndian.Uint16(raw[2*j:])
			}
			s = string(utf16.Decode(u))
		case pid == 1 && eid == 0:
			s = string(raw)
		default:
			continue
		}
		if s = cleanPSName(s); s != "" {
			return s
		}
	}
	return ""
}

// cleanPSName keeps the characters a PostScript name may have (and a PDF
// name may hold without escapes).
func cleanPSName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f && !strings.ContainsRune("()<>[]{}/%#", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

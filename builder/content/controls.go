package content

import (
	"encoding/binary"
	"strconv"

	"github.com/4im-project/dissem/builder/diag"
)

// bodyControls returns body with each invisible control character (C0 but
// tab and line ends, DEL, C1) made a space, and one warning at the first,
// which line bodyLine of file starts on. Spaces keep every byte where it was,
// so the positions of later messages stay right. Passed on, "\v" from a
// Word paste or an escape sequence reached the page's HTML as it was (the
// HTML checker refuses it; search and the brief already dropped them). The
// body is copied only when it holds one; the scan is one pass over bytes.
func bodyControls(body []byte, file string, bodyLine int, diags *diag.List) []byte {
	first := control(body)
	if first < 0 {
		return body
	}
	out := make([]byte, len(body))
	copy(out, body)
	line, col := bodyLine, 1
	for i := 0; i < first; i++ {
		if body[i] == '\n' {
			line, col = line+1, 1
		} else if body[i]&0xc0 != 0x80 {
			col++
		}
	}
	r := rune(body[first])
	n := 0
	for i := first; i < len(out); i++ {
		switch c := out[i]; {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f:
			out[i] = ' '
			n++
		case c == 0xc2 && i+1 < len(out) && out[i+1] >= 0x80 && out[i+1] < 0xa0:
			if i == first {
				r = rune(out[i+1])
			}
			out[i], out[i+1] = ' ', ' '
			n++
			i++
		}
	}
	more := ""
	if n > 1 {
		more = " (and " + strconv.Itoa(n-1) + " more in the text)"
	}
	diags.Warnf(diag.Pos{File: file, Line: line, Col: col},
		"the invisible control character U+%04X%s is shown as a space; delete it (such characters come from a copy from Word or a PDF)", r, more)
	return out
}

// suspect marks the bytes that are, or may begin (0xC2: U+0080–U+00FF), a
// control character: a table lookup a byte keeps the scan of every body
// about as fast as reading it.
var suspect = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = c != '\t' && c != '\n' && c != '\r'
	}
	t[0x7f], t[0xc2] = true, true
	return t
}()

// maySuspect reports whether one of the eight bytes of x is below 0x20, 0x7F
// or 0xC2 (the bit tricks of "Bit Twiddling Hacks": hasless and haszero).
func maySuspect(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) & ^v & highs }
	return ((x-0x20*ones)&^x|zero(x^0x7f*ones)|zero(x^0xc2*ones))&highs != 0
}

// control returns the index of the first control character in body, or -1.
// Words of eight bytes where none may be one (no byte below a space, DEL or
// 0xC2) are passed over at once; a line end makes its word be looked at
// byte by byte.
func control(body []byte) int {
	i := 0
	for ; i+8 <= len(body); i += 8 {
		if !maySuspect(binary.LittleEndian.Uint64(body[i:])) {
			continue
		}
		for j := i; j < i+8; j++ {
			if isControl(body, j) {
				return j
			}
		}
	}
	for ; i < len(body); i++ {
		if isControl(body, i) {
			return i
		}
	}
	return -1
}

// isControl reports whether a control character starts at body[i].
func isControl(body []byte, i int) bool {
	c := body[i]
	return suspect[c] && (c != 0xc2 || i+1 < len(body) && body[i+1] >= 0x80 && body[i+1] < 0xa0)
}

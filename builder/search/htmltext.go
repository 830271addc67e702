package search

import (
	"bytes"
	"encoding/binary"
	"html"
	"math"
	"math/bits"
	"slices"
)

// isSpace reports whether c is HTML white space, which separates words.
func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// isBlockTag reports whether a tag ends a word where it opens or closes:
// "<li>a</li><li>b</li>" is two words, "<em>in</em>clusion" one.
func isBlockTag(name []byte) bool {
	switch string(name) { // no allocation: a switch compares the bytes
	case "p", "br", "li", "ul", "ol", "dl", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
		"table", "tr", "td", "th", "thead", "tbody", "caption",
		"blockquote", "pre", "figure", "figcaption", "hr", "img",
		"aside", "details", "summary", "input", "sup", "nav":
		return true
	}
	return false
}

// isFootnoteBack reports whether ref, a character reference decoded, is
// the arrow goldmark writes for a footnote's link back ("&#8617;&#xfe0e;",
// ↩ and the selector asking for its text form): a mark, not text, which
// snippets showed ("…institutional records. ↩︎"). Looked at among the
// references only, not in the text's hot loop.
func isFootnoteBack(ref []byte) bool {
	return string(ref) == "\u21a9" || string(ref) == "\ufe0e"
}

// endsLabel reports whether a closing tag ends a heading or a caption: a
// label that the text after it does not continue.
func endsLabel(name []byte) bool {
	switch string(name) {
	case "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "caption", "dt", "th", "summary":
		return true
	}
	return false
}

// endsSentence reports whether c ends a sentence or a clause already.
func endsSentence(c byte) bool {
	switch c {
	case '.', '!', '?', ':', ';':
		return true
	}
	return false
}

// appendText appends the text of a rendered body (HTML) to dst: tags
// removed, character references decoded, white space collapsed to single
// spaces. The index reads the HTML the builder keeps for the page anyway,
// so indexing the whole body costs no memory of its own.
func appendText(dst []byte, src []byte) []byte {
	return appendTextUpTo(dst, src, math.MaxInt)
}

// textClass sorts the bytes of a body for appendTextUpTo: 0 text, and
// the bytes that end a run of text: white space, '<' and '&'.
var textClass = [256]uint8{' ': cSpace, '\n': cSpace, '\t': cSpace, '\r': cSpace, '<': cTag, '&': cRef}

const (
	cText = iota
	cSpace
	cTag
	cRef
)

// appendTextUpTo is appendText that stops once it has appended at least
// limit bytes: what it appended is the same as appendText's first bytes.
//
// It is the index's hottest loop after the words' (every byte of every
// body goes through it, a tag every 40 bytes or so): text is copied a byte
// at a time through a table, into room made once for the rest of the
// body, and white space is collapsed as it is read.
func appendTextUpTo(dst []byte, src []byte, limit int) []byte {
	limit += len(dst)
	// pending: a space is owed before the next character (never at the
	// start); dash: a dash before it (endsLabel).
	pending, dash := false, false
	for i := 0; i < len(src) && len(dst) < limit; {
		switch textClass[src[i]] {
		case cTag:
			end := bytes.IndexByte(src[i:], '>')
			if end < 0 {
				return dst
			}
			tag := src[i+1 : i+end]
			closing := len(tag) > 0 && tag[0] == '/'
			if closing {
				tag = tag[1:]
			}
			n := 0
			for n < len(tag) && (tag[n] >= 'a' && tag[n] <= 'z' || tag[n] >= '0' && tag[n] <= '9') {
				n++
			}
			if isBlockTag(tag[:n]) {
				pending = len(dst) > 0
				// A heading or a caption runs on into the text after it
				// in a snippet ("Method The survey…"): a dash parts them
				// ("Method – The survey…"), written with the next text.
				if closing && endsLabel(tag[:n]) && len(dst) > 0 && !endsSentence(dst[len(dst)-1]) {
					dash = true
				}
			}
			i += end + 1
			if !closing && (string(tag[:n]) == "script" || string(tag[:n]) == "style") {
				if j := bytes.Index(src[i:], []byte("</"+string(tag[:n]))); j >= 0 {
					i += j
				}
			}
		case cRef:
			end := bytes.IndexByte(src[i:min(len(src), i+12)], ';')
			ref := src[i : i+1]
			if end > 0 {
				ref = []byte(html.UnescapeString(string(src[i : i+end+1])))
				i += end + 1
				if isFootnoteBack(ref) {
					break
				}
			} else {
				i++
			}
			if pending {
				if dash {
					dst = append(dst, " –"...)
				}
				dst = append(dst, ' ')
				pending, dash = false, false
			}
			dst = append(dst, ref...)
		default:
			// A run of text and white space up to the next tag or
			// reference. It writes at most a byte for each it reads, and
			// one more for a space owed from before.
			if pending && dash {
				dst = append(dst, " –"...) // the space is still owed
				dash = false
			}
			if room := len(src) - i + 1; cap(dst)-len(dst) < room {
				dst = slices.Grow(dst, room)
			}
			out := dst[:cap(dst)]
			w := len(dst)
			if pending && textClass[src[i]] == cText {
				out[w] = ' '
				w++
				pending = false
			}
			for i < len(src) {
				if w > 0 {
					// A space owed is paid by the text or the space copied.
					from := i
					if i, w = copyText(src, i, out, w); i != from {
						pending = false
					}
				}
				for i < len(src) && textClass[src[i]] == cText {
					out[w] = src[i]
					w++
					i++
				}
				if i == len(src) || textClass[src[i]] != cSpace {
					break
				}
				for i < len(src) && textClass[src[i]] == cSpace {
					i++
				}
				// White space owes a space, written before the text
				// after it (not before a tag: a block tag may end the
				// text there, and nothing is written at the end).
				pending = w > 0
				if pending && i < len(src) && textClass[src[i]] == cText {
					out[w] = ' '
					w++
					pending = false
				}
			}
			dst = out[:w]
		}
	}
	return dst
}

// copyText copies src's text bytes from i into out at w, and the single
// spaces between them, up to the first byte that is neither (or the end),
// and returns where both are then. Eight bytes at a time: out must have
// room for what is left of src, and w > 0 (a space is not copied first).
func copyText(src []byte, i int, out []byte, w int) (int, int) {
	for i < len(src) {
		if i+8 <= len(src) {
			x := binary.LittleEndian.Uint64(src[i:])
			binary.LittleEndian.PutUint64(out[w:], x)
			m := textStops(x)
			if m == 0 {
				i += 8
				w += 8
				continue
			}
			k := int(bits.TrailingZeros64(m) >> 3)
			i += k
			w += k
		}
		// A byte that may stop the text (white space, '<', '&', a
		// control character), or one of the last seven.
		c := src[i]
		if textClass[c] != cText && (c != ' ' || i+1 == len(src) || textClass[src[i+1]] != cText) {
			break
		}
		out[w] = c
		w++
		i++
	}
	return i, w
}

// textStops marks (the high bit of each byte) the bytes of x, eight bytes
// of a body, that may stop a run of text: those below '!' (white space and
// control characters), '<' and '&', except a space before a byte that
// stops nothing (one space between words, copied as it is; the last byte's
// next is not in x, so a space there is marked). Every byte is compared on
// its own (no carry crosses from one to the next).
func textStops(x uint64) uint64 {
	const ones, highs, lows = 0x0101010101010101, 0x8080808080808080, 0x7F7F7F7F7F7F7F7F
	// eq marks the bytes of x equal to c.
	eq := func(c uint64) uint64 {
		t := x ^ c*ones
		return ^((t&lows + lows) | t) & highs
	}
	below := ^((x&lows + (0x80-'!')*ones) | x) & highs // below '!'
	stop := below | eq('<') | eq('&')
	space := eq(' ')
	return stop&^space | space&(stop>>8|1<<63)
}

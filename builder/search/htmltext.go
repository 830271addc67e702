package search

import (
	"bytes"
	"html"
	"math"
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

// appendTextUpTo is appendText that stops once it has appended at least
// limit bytes: what it appended is the same as appendText's first bytes.
func appendTextUpTo(dst []byte, src []byte, limit int) []byte {
	limit += len(dst)
	// pending: a space is owed before the next character (never at the
	// start); dash: a dash before it (endsLabel).
	pending, dash := false, false
	for i := 0; i < len(src) && len(dst) < limit; {
		c := src[i]
		switch {
		case c == '<':
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
		case c == '&':
			end := bytes.IndexByte(src[i:min(len(src), i+12)], ';')
			ref := src[i : i+1]
			if end > 0 {
				ref = []byte(html.UnescapeString(string(src[i : i+end+1])))
				i += end + 1
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
			// A run of text up to the next tag or reference, copied at
			// once and its white space collapsed in place: every space
			// written stands for at least one read, so the writing never
			// overtakes the reading.
			run := src[i:]
			if k := bytes.IndexByte(run, '<'); k >= 0 {
				run = run[:k]
			}
			if k := bytes.IndexByte(run, '&'); k >= 0 {
				run = run[:k]
			}
			i += len(run)
			if pending && dash {
				dst = append(dst, " –"...) // the space is still owed
				dash = false
			}
			if pending && !isSpace(run[0]) {
				dst = append(dst, ' ')
				pending = false
			}
			w := len(dst)
			dst = append(dst, run...)
			for r := w; r < len(dst); r++ {
				c := dst[r]
				if c <= ' ' && isSpace(c) { // most bytes are letters
					pending = w > 0
					continue
				}
				if pending {
					dst[w] = ' '
					w++
					pending = false
				}
				dst[w] = c
				w++
			}
			dst = dst[:w]
		}
	}
	return dst
}

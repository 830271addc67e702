package search

import (
	"bytes"
	"html"
	"math"
)

// blockTags end a word where they open or close: "<li>a</li><li>b</li>"
// is two words, "<em>in</em>clusion" one.
var blockTags = map[string]bool{
	"p": true, "br": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "div": true, "section": true,
	"table": true, "tr": true, "td": true, "th": true, "thead": true, "tbody": true, "caption": true,
	"blockquote": true, "pre": true, "figure": true, "figcaption": true, "hr": true, "img": true,
	"aside": true, "details": true, "summary": true, "input": true, "sup": true, "nav": true,
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
	// pending: a space is owed before the next character (never at the start).
	pending := false
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }
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
			if blockTags[string(tag[:n])] { // no allocation: a map key
				pending = len(dst) > 0
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
				dst = append(dst, ' ')
				pending = false
			}
			dst = append(dst, ref...)
		case isSpace(c):
			pending = len(dst) > 0
			i++
		default:
			if pending {
				dst = append(dst, ' ')
				pending = false
			}
			j := i + 1
			for j < len(src) && src[j] != '<' && src[j] != '&' && !isSpace(src[j]) {
				j++
			}
			dst = append(dst, src[i:j]...)
			i = j
		}
	}
	return dst
}

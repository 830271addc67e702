// Package safeurl decides which link destinations dissem lets into what it
// publishes: pages, feeds and PDF briefs. It is an allow-list, not a list of
// known-bad schemes, so a scheme nobody thought of is refused too.
//
// Allowed are http:, https:, mailto: and tel: URLs and relative references
// (paths, "?query", "#fragment", "//host/path"). The scheme is read the way
// a browser reads it, after the character references and the whitespace
// and control characters a browser ignores, so "java\tscript:",
// "  JAVASCRIPT:" and "&#106;avascript:" are all javascript: and refused.
package safeurl

import (
	"html"
	"strings"
)

// Schemes lists the allowed schemes, for messages.
const Schemes = "http, https, mailto and tel"

// allowed are the schemes a reader's click may follow. tel: is there for
// the phone numbers of public offices; it only opens a dialler.
var allowed = [...]string{"http", "https", "mailto", "tel"}

// Allowed reports whether dest may be published as a link or image
// destination: a relative reference, or an absolute URL whose scheme is
// http, https, mailto or tel (in any case). It does not allocate unless
// dest holds a character reference ("&").
func Allowed(dest string) bool {
	// goldmark resolves references in destinations, and a browser does in
	// attributes: judge what they will see. Decoding until nothing changes
	// also catches a reference spelled with a reference ("&amp;#106;"), in
	// case some later step decodes once more.
	for i := 0; i < 4 && strings.IndexByte(dest, '&') >= 0; i++ {
		d := html.UnescapeString(dest)
		if d == dest {
			break
		}
		dest = d
	}
	// A browser drops leading and trailing C0 controls and spaces and every
	// tab and newline before it reads the scheme; scheme holds the letters
	// read so far, lowercased, in a fixed array.
	var scheme [8]byte
	n := 0
	started := false
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c == '\t' || c == '\n' || c == '\r':
			continue
		case c <= ' ' && !started:
			continue
		case c == '/' || c == '?' || c == '#':
			// A path, query or fragment before any colon: relative.
			return true
		case c == ':':
			if n > len(scheme) {
				return false
			}
			for _, s := range allowed {
				if string(scheme[:n]) == s {
					return true
				}
			}
			// Not a scheme we allow, or not a scheme at all ("a b:c",
			// "%6Aavascript:"): a relative reference cannot have a colon
			// in its first segment either, so refusing costs nothing.
			return false
		}
		started = true
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if n < len(scheme) {
			scheme[n] = c
		}
		n++
	}
	// No colon: a relative path (or nothing, which is the page itself).
	return true
}

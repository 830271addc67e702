package serve

import (
	"io/fs"
	"strings"
)

// hidden names files at the site root that the build writes for static hosts
// and that are not pages: served, they would only tell a visitor how the site
// is configured.
var hidden = map[string]bool{"_headers": true}

// sitePath turns a request path into a name inside the site folder (as for
// fs.FS: "." for the root, no leading slash), or reports false for a path that
// names no file of the built site. It refuses rather than cleans: a request
// that needs cleaning was not made by a link on the site.
//
// Refused: "." and ".." segments (also when sent as %2e%2e: Path is decoded),
// any segment starting with a dot (dotfiles, .git, the .dissem-cache folder)
// but a first segment .well-known (static/.well-known is published),
// empty segments ("//"), backslashes and NUL bytes (traversal on Windows and
// C-string truncation), an encoded slash or backslash in the raw path (a
// segment that would change meaning once decoded) and the files in hidden.
func sitePath(p, raw string) (string, bool) {
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	if raw != "" {
		// RawPath is set only when it differs from the default encoding of
		// Path, that is when the client encoded something unusual.
		lower := strings.ToLower(raw)
		if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") || strings.Contains(lower, "%00") {
			return "", false
		}
	}
	name := strings.TrimPrefix(p, "/")
	name = strings.TrimSuffix(name, "/")
	if name == "" {
		return ".", true
	}
	first := true
	for seg := range strings.SplitSeq(name, "/") {
		// .well-known at the root is published (static/.well-known, RFC 8615).
		if seg == "" || seg[0] == '.' && !(first && seg == ".well-known") {
			return "", false
		}
		first = false
	}
	if hidden[name] || !fs.ValidPath(name) {
		return "", false
	}
	return name, true
}

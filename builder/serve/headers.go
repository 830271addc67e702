package serve

import (
	"bufio"
	"bytes"
	"net/http"
	"os"
	"path"
	"strings"
	"sync/atomic"
	"time"

	"github.com/4im-project/dissem/builder/render"
)

// defaultHeaders are the headers the build writes into its _headers file for
// every path (render.Headers), sent when the site folder has none (a site
// built by an older dissem): the preview never answers without the
// published pages' Content-Security-Policy.
var defaultHeaders = func() map[string]string {
	m := map[string]string{}
	for _, r := range parseHeaders(render.Headers()) {
		if r.pattern == "/*" {
			for k, v := range r.header {
				m[k] = v[0]
			}
		}
	}
	return m
}()

// ignored are headers a _headers file may not set in the preview: framing is
// the server's business, Content-Type is decided by the file's extension, and
// the preview never lets the browser cache a page (the editor must see the
// latest build).
var ignored = map[string]bool{
	"Content-Type": true, "Content-Length": true, "Content-Encoding": true,
	"Transfer-Encoding": true, "Connection": true, "Cache-Control": true,
}

// headerRule is one block of a _headers file: a URL pattern and its headers.
type headerRule struct {
	pattern string // "/*", "/en/*" or an exact path
	header  http.Header
}

// headerSet is one parse of the _headers file, kept with the file's size and
// time so that a rebuilt file is read again.
type headerSet struct {
	size  int64
	mod   time.Time
	rules []headerRule
}

// siteHeaders holds the last parse of the site's _headers file. The file is
// written by the build for static hosts (Netlify, Cloudflare Pages and others
// read it); the preview sends the same headers, so that a page that breaks
// under the published Content-Security-Policy breaks in the preview too.
type siteHeaders struct {
	cur atomic.Pointer[headerSet]
}

// applyHeaders sets the default security headers and those of the site's
// _headers rules on h for the request path p.
func applyHeaders(h http.Header, rules []headerRule, p string) {
	for k, v := range defaultHeaders {
		h[k] = []string{v}
	}
	for _, r := range rules {
		if !matchPattern(r.pattern, p) {
			continue
		}
		for k, v := range r.header {
			h[k] = v[:len(v):len(v)] // shared by requests: an Add must copy
		}
	}
	// The server chooses each type from the extension: no browser may guess.
	h.Set("X-Content-Type-Options", "nosniff")
}

// load returns the parsed _headers file, reading it again only when its size
// or time changed (one stat a request instead of one read).
func (s *siteHeaders) load(root *os.Root) *headerSet {
	st, err := root.Stat("_headers")
	if err != nil || !st.Mode().IsRegular() {
		return &headerSet{}
	}
	if cur := s.cur.Load(); cur != nil && cur.size == st.Size() && cur.mod.Equal(st.ModTime()) {
		return cur
	}
	data, err := root.ReadFile("_headers")
	if err != nil {
		return &headerSet{}
	}
	set := &headerSet{size: st.Size(), mod: st.ModTime(), rules: parseHeaders(data)}
	s.cur.Store(set)
	return set
}

// parseHeaders reads the _headers format of static hosts: a line holding a
// URL pattern, then indented "Name: value" lines for it; "#" starts a comment.
// Lines it does not understand are skipped: the file is the build's, and the
// default headers stay in force whatever it says.
func parseHeaders(data []byte) []headerRule {
	var rules []headerRule
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			rules = append(rules, headerRule{pattern: trimmed, header: http.Header{}})
			continue
		}
		name, value, ok := strings.Cut(trimmed, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || len(rules) == 0 || name == "" || value == "" || strings.ContainsAny(name, " \t") {
			continue
		}
		name = http.CanonicalHeaderKey(name)
		if !ignored[name] {
			rules[len(rules)-1].header.Set(name, value)
		}
	}
	return rules
}

// matchPattern reports whether the request path p matches a _headers pattern:
// a trailing "*" matches any rest, anything else must be equal.
func matchPattern(pattern, p string) bool {
	if prefix, ok := strings.CutSuffix(pattern, "*"); ok {
		return strings.HasPrefix(p, prefix)
	}
	return pattern == p
}

// types maps the extensions of a built site's files to their Content-Type.
// Text types carry their charset, so that a browser never guesses one.
// The table is the server's own, not the system's mime.types, so the preview
// answers the same on every machine.
var types = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".xml":         "application/xml; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".csv":         "text/csv; charset=utf-8",
	".md":          "text/markdown; charset=utf-8",
	".bib":         "application/x-bibtex; charset=utf-8",                // citation files (builder/cite)
	".ris":         "application/x-research-info-systems; charset=utf-8", // with UTF-8 accents
	".vtt":         "text/vtt; charset=utf-8",                            // captions: a player refuses another type
	".xlsx":        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".svg":         "image/svg+xml; charset=utf-8",
	".webmanifest": "application/manifest+json; charset=utf-8",
	".map":         "application/json; charset=utf-8",
	".pdf":         "application/pdf",
	".zip":         "application/zip",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".avif":        "image/avif",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".otf":         "font/otf",
	".mp3":         "audio/mpeg",
	".mp4":         "video/mp4",
	".webm":        "video/webm",
}

// contentType returns the Content-Type for a file name; unknown kinds are
// sent as bytes to download, never sniffed.
func contentType(name string) string {
	if t, ok := types[strings.ToLower(path.Ext(name))]; ok {
		return t
	}
	return "application/octet-stream"
}

package serve

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/render"
)

// testCSP is the policy the fixture's _headers file sets, to tell it from the default.
const testCSP = "default-src 'self'; script-src 'self'; frame-ancestors 'none'"

// writeSite lays out a small built site with everything a request must not
// reach beside it, and returns its folder.
func writeSite(t *testing.T, withHeaders bool) string {
	t.Helper()
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	for name, body := range siteFiles(withHeaders) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"en/alias.html":     "index.html",           // inside the site: served
		"en/up.txt":         "../../outside.txt",    // leaves the site
		"en/passwd":         "/etc/passwd",          // absolute
		"en/outside":        "../../outside",        // a folder outside
		"en/loop":           "loop",                 // a loop
		"en/hidden-link.js": "../.git/config",       // inside, but a dotfile
		"en/deep":           "../../site/en/news/a", // leaves and comes back
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "en", "pipe.html"), 0o644); err != nil {
		t.Logf("no FIFO: %v", err)
	}
	return dir
}

// siteFiles are the files of the test site, and beside it ("../") what no
// request may reach.
func siteFiles(withHeaders bool) map[string]string {
	files := map[string]string{
		"index.html":                    "<p>root",
		"404.html":                      "<p>lost",
		"en/index.html":                 "<p>home",
		"en/news/a/index.html":          "<p>news a",
		"en/css/site.0123abcd.css":      "a{}",
		"js/site.js":                    "let a",
		"en/index.xml":                  "<rss/>",
		"en/search/index.json":          "{}",
		"robots.txt":                    "User-agent: *",
		"favicon.svg":                   "<svg/>",
		"media/kit.zip":                 "PK",
		"media/brief.pdf":               "%PDF",
		"data.bin":                      "\x00\x01",
		"en/empty/keep.txt":             "x",
		".secret":                       "secret",
		".well-known/security.txt":      "Contact: mailto:it@example.org",
		".well-known/.git/config":       "secret",
		"en/.well-known/x.txt":          "secret",
		".git/config":                   "secret",
		".dissem-cache/briefs/x.pdf":    "secret",
		"en/.hidden.html":               "secret",
		"en/.drafts/index.html":         "secret",
		"en/%2e%2e/index.html":          "literal percent folder",
		"../outside.txt":                "secret",
		"../outside/index.html":         "secret",
		"en/news/a/attachment.unknown1": "bytes",
		"en/back\\slash.html":           "secret", // a legal name on Unix, a path on Windows
	}
	if withHeaders {
		files["_headers"] = "# written by dissem build\n/*\n  Content-Security-Policy: " + testCSP +
			"\n  Cache-Control: max-age=600\n  Content-Type: text/plain\n/en/*\n  X-Robots-Tag: noindex\n"
	}
	return files
}

// rawGet sends one request line exactly as written (no client cleaning) and
// returns the response with its body read.
func rawGet(t *testing.T, addr, method, target string, extra ...string) (*http.Response, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	req := method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
	for _, h := range extra {
		req += h + "\r\n"
	}
	if _, err := io.WriteString(c, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: method})
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, string(body)
}

func startServer(t *testing.T, h http.Handler) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config = NewServer(h, Timeouts{})
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// TestPaths sends every spelling of a way out of the site, and the pages that
// must still be reachable.
func TestPaths(t *testing.T) {
	checkPaths(t, startServer(t, Handler(writeSite(t, true))), pathTests)
}

// pathTest is one request and a part of the answer it must get.
type pathTest struct {
	target string
	code   int
	body   string // a part of the body; "lost" is the site's 404 page
}

// pathTests are requests for every spelling of a way out of the site, and
// for the pages that must still be reachable; the site is writeSite's.
var pathTests = []pathTest{
	{"/", 200, "root"},
	{"/index.html", 200, "root"},
	{"/en/", 200, "home"},
	{"/en/index.html", 200, "home"},
	{"/en/news/a/", 200, "news a"},
	{"/en/alias.html", 200, "home"},
	{"/en/deep/", 404, "lost"},       // a link that leaves the site and comes back is refused too
	{"/en/%6Eews/a/", 200, "news a"}, // an ordinary letter encoded is still the page
	{"/en/css/site.0123abcd.css?v=1", 200, "a{}"},
	{"/en/nope/", 404, "lost"},
	{"/en/empty/", 404, "lost"},
	{"/404.html", 200, "lost"},
	// Dotfiles and dot-folders, the cache among them.
	{"/.secret", 404, "lost"},
	{"/.git/config", 404, "lost"},
	{"/.git/", 404, "lost"},
	{"/.dissem-cache/briefs/x.pdf", 404, "lost"},
	{"/en/.hidden.html", 404, "lost"},
	{"/en/.drafts/", 404, "lost"},
	// The one dot-folder a site publishes, at its root only.
	{"/.well-known/security.txt", 200, "Contact:"},
	{"/.well-known/.git/config", 404, "lost"},
	{"/en/.well-known/x.txt", 404, "lost"},
	{"/_headers", 404, "lost"},
	// Traversal in every spelling.
	{"/../outside.txt", 404, "lost"},
	{"/en/../../outside.txt", 404, "lost"},
	{"/en/./index.html", 404, "lost"},
	{"/%2e%2e/outside.txt", 404, "lost"},
	{"/%2E%2E/outside.txt", 404, "lost"},
	{"/en/%2e%2e/%2e%2e/outside.txt", 404, "lost"},
	{"/.%2e/outside.txt", 404, "lost"},
	{"/%2e/index.html", 404, "lost"},
	{"/en%2f..%2f..%2foutside.txt", 404, "lost"},
	{"/en%2findex.html", 404, "lost"},
	{"/en%5c..%5c..%5coutside.txt", 404, "lost"},
	{"/en\\..\\..\\outside.txt", 404, "lost"},
	{"/en/back\\slash.html", 404, "lost"},
	{"/en/back%5cslash.html", 404, "lost"},
	{"/en/index.html%00.txt", 404, "lost"},
	{"/en/%00", 404, "lost"},
	{"//outside.txt", 404, "lost"},
	{"/en//index.html", 404, "lost"},
	{"/en/%252e%252e/index.html", 200, "literal percent"}, // double encoding is a literal name
	{"/en/%c0%ae%c0%ae/outside.txt", 404, "lost"},         // overlong UTF-8 dots
	{"http://127.0.0.1/../outside.txt", 404, "lost"},
	// Symlinks that leave the site, loops, pipes.
	{"/en/up.txt", 404, "lost"},
	{"/en/passwd", 404, "lost"},
	{"/en/outside/", 404, "lost"},
	{"/en/loop", 404, "lost"},
	{"/en/pipe.html", 404, "lost"},
	{"/en/hidden-link.js", 200, "secret"}, // a link inside the site is its target's content; only names are checked
}

// checkPaths sends each request of tests to addr and checks the answer.
func checkPaths(t *testing.T, addr string, tests []pathTest) {
	t.Helper()
	for _, tt := range tests {
		resp, body := rawGet(t, addr, "GET", tt.target)
		if resp.StatusCode != tt.code || !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: %d %q, want %d with %q", tt.target, resp.StatusCode, body, tt.code, tt.body)
		}
		if tt.code != 400 && strings.Contains(body, "secret") != strings.Contains(tt.body, "secret") {
			t.Errorf("GET %s: leaked %q", tt.target, body)
		}
	}
}

// TestMethods checks that only GET and HEAD read the site.
func TestMethods(t *testing.T) {
	addr := startServer(t, Handler(writeSite(t, true)))
	tests := []struct {
		method, target string
		code           int
		body           string
	}{
		{"GET", "/en/", 200, "home"},
		{"HEAD", "/en/", 200, ""},
		{"HEAD", "/en/nope/", 404, ""},
		{"OPTIONS", "/en/", 204, ""},
		{"OPTIONS", "*", 204, ""},
		{"POST", "/en/", 405, "only reads"},
		{"PUT", "/en/index.html", 405, "only reads"},
		{"DELETE", "/en/index.html", 405, "only reads"},
		{"PATCH", "/en/", 405, "only reads"},
		{"TRACE", "/en/", 405, "only reads"},
		{"PROPFIND", "/en/", 405, "only reads"},
		{"POST", "/.git/config", 405, "only reads"},
	}
	for _, tt := range tests {
		resp, body := rawGet(t, addr, tt.method, tt.target, "Content-Length: 0")
		if resp.StatusCode != tt.code || !strings.Contains(body, tt.body) || (tt.body == "" && body != "") {
			t.Errorf("%s %s: %d %q, want %d with %q", tt.method, tt.target, resp.StatusCode, body, tt.code, tt.body)
		}
		if tt.code == 405 || tt.method == "OPTIONS" {
			if got := resp.Header.Get("Allow"); got != "GET, HEAD, OPTIONS" {
				t.Errorf("%s %s: Allow %q", tt.method, tt.target, got)
			}
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s %s: X-Content-Type-Options %q", tt.method, tt.target, got)
		}
	}
}

// TestHeaders checks the Content-Type of each kind of file and the security
// headers, from the site's _headers file and without one.
func TestHeaders(t *testing.T) {
	for _, withFile := range []bool{true, false} {
		addr := startServer(t, Handler(writeSite(t, withFile)))
		csp := defaultHeaders["Content-Security-Policy"]
		if withFile {
			csp = testCSP
		}
		tests := []struct {
			target, ctype, cache string
		}{
			{"/en/", "text/html; charset=utf-8", "no-cache"},
			{"/en/nope/", "text/html; charset=utf-8", "no-cache"},
			{"/en/css/site.0123abcd.css", "text/css; charset=utf-8", "immutable"},
			{"/js/site.js", "text/javascript; charset=utf-8", "no-cache"},
			{"/en/index.xml", "application/xml; charset=utf-8", "no-cache"},
			{"/en/search/index.json", "application/json; charset=utf-8", "no-cache"},
			{"/robots.txt", "text/plain; charset=utf-8", "no-cache"},
			{"/favicon.svg", "image/svg+xml; charset=utf-8", "no-cache"},
			{"/media/kit.zip", "application/zip", "no-cache"},
			{"/media/brief.pdf", "application/pdf", "no-cache"},
			{"/data.bin", "application/octet-stream", "no-cache"},
			{"/en/news/a/attachment.unknown1", "application/octet-stream", "no-cache"},
		}
		for _, tt := range tests {
			for _, method := range []string{"GET", "HEAD"} {
				resp, _ := rawGet(t, addr, method, tt.target)
				h := resp.Header
				want := map[string]string{
					"Content-Type":            tt.ctype,
					"Content-Security-Policy": csp,
					"X-Content-Type-Options":  "nosniff",
					"Referrer-Policy":         "strict-origin-when-cross-origin",
					"X-Frame-Options":         "DENY",
				}
				for k, v := range want {
					if got := h.Values(k); len(got) != 1 || got[0] != v {
						t.Errorf("_headers %v: %s %s: %s %q, want %q", withFile, method, tt.target, k, got, v)
					}
				}
				if !strings.Contains(h.Get("Cache-Control"), tt.cache) {
					t.Errorf("%s %s: Cache-Control %q, want %q", method, tt.target, h.Get("Cache-Control"), tt.cache)
				}
				if robots := h.Get("X-Robots-Tag"); withFile && strings.HasPrefix(tt.target, "/en/") != (robots == "noindex") {
					t.Errorf("%s %s: the /en/* rule of _headers gave X-Robots-Tag %q", method, tt.target, robots)
				}
			}
		}
	}
}

// TestHeadersReloaded checks that a rebuilt _headers file is read again.
func TestHeadersReloaded(t *testing.T) {
	dir := writeSite(t, true)
	addr := startServer(t, Handler(dir))
	if resp, _ := rawGet(t, addr, "GET", "/"); resp.Header.Get("Content-Security-Policy") != testCSP {
		t.Fatalf("CSP %q", resp.Header.Get("Content-Security-Policy"))
	}
	if err := os.WriteFile(filepath.Join(dir, "_headers"), []byte("/*\n  Content-Security-Policy: default-src 'none'\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if resp, _ := rawGet(t, addr, "GET", "/"); resp.Header.Get("Content-Security-Policy") != "default-src 'none'" {
		t.Fatalf("after rewrite: CSP %q", resp.Header.Get("Content-Security-Policy"))
	}
	os.Remove(filepath.Join(dir, "_headers"))
	if resp, _ := rawGet(t, addr, "GET", "/"); resp.Header.Get("Content-Security-Policy") != defaultHeaders["Content-Security-Policy"] {
		t.Fatalf("after removal: CSP %q", resp.Header.Get("Content-Security-Policy"))
	}
}

// TestDefaultHeaders checks that a site without a _headers file is served
// with the policy its pages carry, plus what only a header can say.
func TestDefaultHeaders(t *testing.T) {
	want := map[string]string{
		"Content-Security-Policy": render.ContentSecurityPolicy + "; frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "strict-origin-when-cross-origin",
	}
	for k, v := range want {
		if got := defaultHeaders[k]; got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
}

// TestRedirect checks that a folder without its slash is redirected on this host.
func TestRedirect(t *testing.T) {
	addr := startServer(t, Handler(writeSite(t, false)))
	for target, want := range map[string]string{
		"/en":          "/en/",
		"/en/news/a":   "/en/news/a/",
		"/en?x=1":      "/en/",
		"/en/%6Eews/a": "/en/news/a/",
	} {
		resp, _ := rawGet(t, addr, "GET", target)
		if resp.StatusCode != 301 || resp.Header.Get("Location") != want {
			t.Errorf("GET %s: %d to %q, want 301 to %q", target, resp.StatusCode, resp.Header.Get("Location"), want)
		}
	}
}

// TestLocalOnly checks the defence against DNS rebinding.
func TestLocalOnly(t *testing.T) {
	h := LocalOnly(Handler(writeSite(t, false)))
	for host, code := range map[string]int{
		"127.0.0.1:1313": 200, "localhost:1313": 200, "LOCALHOST": 200, "[::1]:1313": 200,
		"site.localhost:1313": 200, "192.168.1.4:1313": 200,
		"evil.example:1313": 421, "evil.example": 421, "127.0.0.1.nip.io": 421, "": 421,
	} {
		req := httptest.NewRequest("GET", "/en/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != code || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("Host %q: %d, want %d", host, rec.Code, code)
		}
	}
}

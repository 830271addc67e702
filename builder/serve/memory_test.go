package serve

import (
	"net/http/httptest"
	"strings"
	"testing"
)

// testSnapshot is writeSite's site (without its links and pipe) in memory.
// Like writeSite's folder, it holds dotfiles and a cache that no request
// may reach.
func testSnapshot(withHeaders bool) *Snapshot {
	s := &Snapshot{Files: map[string][]byte{}, Generation: 1}
	for name, body := range siteFiles(withHeaders) {
		if !strings.HasPrefix(name, "../") {
			s.Files[name] = []byte(body)
		}
	}
	return s
}

// memoryPathTests are pathTests as a site in memory answers them: the names
// that are symbolic links on disk do not exist there.
func memoryPathTests() []pathTest {
	links := map[string]bool{"/en/alias.html": true, "/en/hidden-link.js": true}
	tests := make([]pathTest, 0, len(pathTests))
	for _, tt := range pathTests {
		if links[tt.target] {
			tt.code, tt.body = 404, "lost"
		}
		tests = append(tests, tt)
	}
	return tests
}

// TestMemoryPaths sends the requests of TestPaths to a site in memory,
// served plain and by the live server.
func TestMemoryPaths(t *testing.T) {
	snap := testSnapshot(true)
	t.Run("Memory", func(t *testing.T) {
		checkPaths(t, startServer(t, Memory(func() *Snapshot { return snap })), memoryPathTests())
	})
	t.Run("Live", func(t *testing.T) {
		checkPaths(t, startServer(t, newTestLive(t, newFake(step{snap: snap}))), memoryPathTests())
	})
}

// TestMemoryHeaders checks the Content-Type and security headers of each
// kind of file in memory, and that the live server forbids storing pages.
func TestMemoryHeaders(t *testing.T) {
	for _, withFile := range []bool{true, false} {
		snap := testSnapshot(withFile)
		csp := defaultHeaders["Content-Security-Policy"]
		if withFile {
			csp = testCSP
		}
		for _, live := range []bool{false, true} {
			h := Memory(func() *Snapshot { return snap })
			if live {
				h = newTestLive(t, newFake(step{snap: snap}))
			}
			addr := startServer(t, h)
			page := "no-cache"
			if live {
				page = "no-store"
			}
			tests := []struct {
				target, ctype, cache string
			}{
				{"/en/", "text/html; charset=utf-8", page},
				{"/en/nope/", "text/html; charset=utf-8", page},
				{"/en/css/site.0123abcd.css", "text/css; charset=utf-8", "immutable"},
				{"/js/site.js", "text/javascript; charset=utf-8", "no-cache"},
				{"/en/index.xml", "application/xml; charset=utf-8", "no-cache"},
				{"/en/search/index.json", "application/json; charset=utf-8", "no-cache"},
				{"/robots.txt", "text/plain; charset=utf-8", "no-cache"},
				{"/favicon.svg", "image/svg+xml; charset=utf-8", "no-cache"},
				{"/media/kit.zip", "application/zip", "no-cache"},
				{"/media/brief.pdf", "application/pdf", "no-cache"},
				{"/data.bin", "application/octet-stream", "no-cache"},
			}
			for _, tt := range tests {
				for _, method := range []string{"GET", "HEAD"} {
					resp, _ := rawGet(t, addr, method, tt.target)
					hd := resp.Header
					want := map[string]string{
						"Content-Type":            tt.ctype,
						"Content-Security-Policy": csp,
						"X-Content-Type-Options":  "nosniff",
						"Referrer-Policy":         "strict-origin-when-cross-origin",
						"X-Frame-Options":         "DENY",
					}
					for k, v := range want {
						if got := hd.Values(k); len(got) != 1 || got[0] != v {
							t.Errorf("live %v, _headers %v: %s %s: %s %q, want %q", live, withFile, method, tt.target, k, got, v)
						}
					}
					if !strings.Contains(hd.Get("Cache-Control"), tt.cache) {
						t.Errorf("live %v: %s %s: Cache-Control %q, want %q", live, method, tt.target, hd.Get("Cache-Control"), tt.cache)
					}
					if robots := hd.Get("X-Robots-Tag"); withFile && strings.HasPrefix(tt.target, "/en/") != (robots == "noindex") {
						t.Errorf("%s %s: the /en/* rule of _headers gave X-Robots-Tag %q", method, tt.target, robots)
					}
				}
			}
		}
	}
}

// TestMemoryNotBuilt checks the answer before the first build.
func TestMemoryNotBuilt(t *testing.T) {
	rec := httptest.NewRecorder()
	Memory(func() *Snapshot { return nil }).ServeHTTP(rec, httptest.NewRequest("GET", "/en/", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "not been built") || rec.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("%d %q %v", rec.Code, rec.Body, rec.Header())
	}
}

package serve

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "en", "css"), 0o755)
	os.WriteFile(filepath.Join(dir, "en", "index.html"), []byte("<p>home"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("<p>lost"), 0o644)
	os.WriteFile(filepath.Join(dir, "en", "css", "site.0123abcd.css"), []byte("a{}"), 0o644)
	tests := []struct {
		path   string
		code   int
		body   string
		header string
	}{
		{"/en/", 200, "home", "no-cache"},
		{"/en/nope/", 404, "lost", ""},
		{"/en/css/", 404, "lost", ""},
		{"/../etc/passwd", 404, "lost", ""},
		{"/en/css/site.0123abcd.css", 200, "a{}", "immutable"},
	}
	h := Handler(dir)
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.path, nil))
		if rec.Code != tt.code || !strings.Contains(rec.Body.String(), tt.body) || !strings.Contains(rec.Header().Get("Cache-Control"), tt.header) {
			t.Errorf("%s: %d %q (%s)", tt.path, rec.Code, rec.Body.String(), rec.Header().Get("Cache-Control"))
		}
	}
}

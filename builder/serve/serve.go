// Package serve previews a built site over HTTP on the local machine.
package serve

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// Handler serves the site in dir like a static host would: folders by their
// index.html, and the site's 404.html with status 404 for anything missing.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		full := filepath.Join(dir, filepath.FromSlash(name))
		st, err := os.Stat(full)
		if err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(full, "index.html"))
		}
		if err != nil {
			notFound(w, dir)
			return
		}
		// Fingerprinted assets never change; everything else is revalidated.
		if strings.Contains(path.Base(name), ".") && fingerprinted(path.Base(name)) {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		files.ServeHTTP(w, r)
	})
}

func notFound(w http.ResponseWriter, dir string) {
	page, err := os.ReadFile(filepath.Join(dir, "404.html"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if err != nil {
		_, _ = w.Write([]byte("<!DOCTYPE html><title>404</title><h1>404 page not found</h1>"))
		return
	}
	_, _ = w.Write(page)
}

// fingerprinted reports whether a file name carries an 8-hex-digit content hash: "site.3f2a9c1b.css".
func fingerprinted(name string) bool {
	parts := strings.Split(name, ".")
	if len(parts) < 3 {
		return false
	}
	h := parts[len(parts)-2]
	if len(h) != 8 {
		return false
	}
	for _, c := range h {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

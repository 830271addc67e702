// Package serve previews a built site over HTTP on the local machine.
//
// It is a development server, hardened as if it were not: only GET and HEAD
// are answered, only the files of the built site are reachable (no dotfiles,
// no traversal in any spelling, no symlinks leading out of the site folder),
// every response carries the same security headers as the published site, and
// the HTTP server has timeouts so that half-sent and idle connections are
// closed (see NewServer).
package serve

import (
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
)

// allow lists the methods the server answers, for the Allow header.
const allow = "GET, HEAD, OPTIONS"

// Handler serves the site in dir like a static host would: folders by their
// index.html, and the site's 404.html with status 404 for anything missing or
// not allowed. Every request opens dir anew, so a build that swaps the folder
// (or a symlink to it) is served at once.
func Handler(dir string) http.Handler {
	return &handler{dir: dir}
}

type handler struct {
	dir     string
	headers siteHeaders
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	root, err := os.OpenRoot(h.dir)
	if err != nil {
		// The site folder is gone (a build is swapping it): no file to serve.
		h.headers.apply(w.Header(), nil, r.URL.Path)
		http.Error(w, "the site folder cannot be read", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	h.headers.apply(w.Header(), root, r.URL.Path)

	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		w.Header().Set("Allow", allow)
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		w.Header().Set("Allow", allow)
		http.Error(w, "this preview server only reads pages (GET and HEAD)", http.StatusMethodNotAllowed)
		return
	}

	name, ok := sitePath(r.URL.Path, r.URL.RawPath)
	if !ok {
		h.notFound(w, root)
		return
	}
	f, st, err := open(root, name)
	if err == nil && st.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			f.Close()
			// name is clean (sitePath), so the target stays on this host.
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		f.Close()
		f, st, err = open(root, path.Join(name, "index.html"))
	}
	if err != nil || !st.Mode().IsRegular() {
		// Folders without index.html, devices and pipes are not pages.
		if err == nil {
			f.Close()
		}
		h.notFound(w, root)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", contentType(st.Name()))
	// Fingerprinted assets never change; everything else is revalidated.
	if fingerprinted(path.Base(name)) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// open opens a file inside the site and returns its information.
func open(root *os.Root, name string) (*os.File, fs.FileInfo, error) {
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// notFound answers with the site's 404.html and status 404.
func (h *handler) notFound(w http.ResponseWriter, root *os.Root) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	var page io.Reader = strings.NewReader("<!DOCTYPE html><title>404</title><h1>404 page not found</h1>")
	if f, st, err := open(root, "404.html"); err == nil {
		defer f.Close()
		if st.Mode().IsRegular() {
			page = f
		}
	}
	w.WriteHeader(http.StatusNotFound)
	_, _ = io.Copy(w, page)
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

// Package serve previews a built site over HTTP on the local machine.
//
// It is a development server, hardened as if it were not: only GET and HEAD
// are answered, only the files of the built site are reachable (no dotfiles,
// no traversal in any spelling, no symlinks leading out of the site folder),
// every response carries the same security headers as the published site, and
// the HTTP server has timeouts so that half-sent and idle connections are
// closed (see NewServer).
//
// The site comes from a folder (Handler) or from memory (Memory, and Live,
// which rebuilds on every save and reloads the browser); both go through one
// handler, so the rules above hold for each.
package serve

import (
	"io"
	"net/http"
	"path"
	"strings"
	"time"
)

// allow lists the methods the server answers, for the Allow header.
const allow = "GET, HEAD, OPTIONS"

// Handler serves the site in dir like a static host would: folders by their
// index.html, and the site's 404.html with status 404 for anything missing or
// not allowed. Every request opens dir anew, so a build that swaps the folder
// (or a symlink to it) is served at once.
func Handler(dir string) http.Handler {
	return &handler{src: &dirSource{dir: dir}}
}

// source is where the handler finds a site: a folder or memory.
type source interface {
	// tree returns one consistent view of the site for request r, or an
	// error when there is no site to serve.
	tree(r *http.Request) (tree, error)
}

// tree is a built site as one request sees it.
type tree interface {
	// open returns the file or folder name (a name from sitePath); ok is
	// false when there is nothing to serve under that name (missing, a
	// device, a link out of the site). err is a failure to make the file.
	open(name string) (e entry, ok bool, err error)
	// rules are the site's _headers rules.
	rules() []headerRule
	close()
}

// entry is one file of a site, or a folder (dir).
type entry struct {
	dir     bool
	body    io.ReadSeeker
	mod     time.Time
	closer  io.Closer // nil when there is nothing to close
	noStore bool      // the page changes with every rebuild: never keep it
	// encoding is the body's Content-Encoding ("gzip": a file kept
	// compressed, sent so), "" for the file as it is; vary is set when
	// the body depends on the request's Accept-Encoding.
	encoding string
	vary     bool
}

func (e entry) close() {
	if e.closer != nil {
		e.closer.Close()
	}
}

// handler serves a site from its source.
type handler struct {
	src source
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t, err := h.src.tree(r)
	if err != nil {
		// The site folder is gone (a build is swapping it): no file to serve.
		msg := "the site folder cannot be read"
		if err == errNotBuilt {
			msg = err.Error()
		}
		applyHeaders(w.Header(), nil, r.URL.Path)
		http.Error(w, msg, http.StatusServiceUnavailable)
		return
	}
	defer t.close()
	applyHeaders(w.Header(), t.rules(), r.URL.Path)
	serveTree(w, r, t)
}

// serveTree answers r from t; the security headers are set already.
func serveTree(w http.ResponseWriter, r *http.Request, t tree) {
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
		notFound(w, t)
		return
	}
	e, ok, err := t.open(name)
	if ok && e.dir {
		e.close()
		if !strings.HasSuffix(r.URL.Path, "/") {
			// name is clean (sitePath), so the target stays on this host.
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		name = path.Join(name, "index.html")
		e, ok, err = t.open(name)
		if ok && e.dir {
			e.close()
			ok = false
		}
	}
	if err != nil {
		w.Header().Set("Cache-Control", "no-store")
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if !ok {
		// Folders without index.html, devices and pipes are not pages.
		notFound(w, t)
		return
	}
	defer e.close()
	w.Header().Set("Content-Type", contentType(name))
	if e.vary {
		w.Header().Add("Vary", "Accept-Encoding")
	}
	if e.encoding != "" {
		w.Header().Set("Content-Encoding", e.encoding)
	}
	// Fingerprinted assets never change; everything else is revalidated.
	switch {
	case fingerprinted(path.Base(name)):
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	case e.noStore:
		w.Header().Set("Cache-Control", "no-store")
	default:
		w.Header().Set("Cache-Control", "no-cache")
	}
	http.ServeContent(w, r, "", e.mod, e.body)
}

// notFound answers with the site's 404.html and status 404.
func notFound(w http.ResponseWriter, t tree) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	var page io.Reader = strings.NewReader("<!DOCTYPE html><title>404</title><h1>404 page not found</h1>")
	if e, ok, _ := t.open("404.html"); ok {
		defer e.close()
		if !e.dir {
			page = e.body
		}
		if e.noStore {
			w.Header().Set("Cache-Control", "no-store")
		}
		if e.vary {
			w.Header().Add("Vary", "Accept-Encoding")
		}
		if e.encoding != "" {
			w.Header().Set("Content-Encoding", e.encoding)
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

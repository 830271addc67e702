package serve

import (
	"embed"
	"encoding/json"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"time"
)

// assets are the live server's own files, served under /_dissem/ and never
// written into a site: the reload script (a file, since the site's
// Content-Security-Policy allows no inline script) and the stylesheet of
// the problem overlay and the status page.
//
//go:embed assets/reload.js assets/dissem.css
var assets embed.FS

// keepAlive is how often an idle event stream sends a comment, so that a
// client that went away without closing is noticed.
const keepAlive = 20 * time.Second

// serveOwn answers the live server's own paths.
func (l *Live) serveOwn(w http.ResponseWriter, r *http.Request) {
	if !readOnly(w, r) {
		return
	}
	if r.URL.Path == eventsURL {
		l.events(w, r)
		return
	}
	name := path.Base(r.URL.Path)
	b, err := assets.ReadFile("assets/" + name)
	if err != nil || "/_dissem/"+name != r.URL.Path {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentType(name))
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// cssEvent is the data of a "css" event: the stylesheets to swap.
type cssEvent []cssSwap

// events streams one event each time the pages change: "reload", or "css"
// with the stylesheets to swap when only they changed. Each event's id is
// the state's version; a page says which version it shows (the since
// parameter, or Last-Event-ID when the browser reconnects), and is told at
// once when that is not the current one, so no change made while it loaded
// is missed.
func (l *Live) events(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodHead {
		// A stream never ends: HEAD gets its headers only.
		w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		return
	}
	if err := Stream(w); err != nil {
		http.Error(w, "this connection cannot stream events", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	since := r.Header.Get("Last-Event-ID")
	if since == "" {
		since = r.URL.Query().Get("since")
	}
	shown, err := strconv.Atoi(since)
	if err != nil {
		shown = -1 // unknown: reload to be sure
	}
	wake := l.hub.subscribe()
	defer l.hub.unsubscribe(wake)
	rc := http.NewResponseController(w)
	w.WriteHeader(http.StatusOK)
	// A browser reconnects after 500 ms when the server restarts.
	fmt.Fprint(w, "retry: 500\n\n")
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		if st := l.state.Load(); st.version != shown {
			if st.version == shown+1 && st.swaps != nil {
				data, _ := json.Marshal(cssEvent(st.swaps))
				fmt.Fprintf(w, "id: %d\nevent: css\ndata: %s\n\n", st.version, data)
			} else {
				fmt.Fprintf(w, "id: %d\nevent: reload\ndata: %d\n\n", st.version, st.version)
			}
			shown = st.version
		}
		if rc.Flush() != nil {
			return
		}
		select {
		case <-wake:
		case <-tick.C:
			fmt.Fprint(w, ": still here\n\n")
		case <-r.Context().Done():
			return
		case <-l.done:
			return
		}
	}
}

package serve

import (
	"net"
	"net/http"
	"strings"
	"time"
)

// Timeouts bound how long one connection may hold the server. Zero fields are
// taken from DefaultTimeouts.
type Timeouts struct {
	// ReadHeader is the time a client has to send a request's headers: a
	// half-sent request is cut off when it runs out.
	ReadHeader time.Duration
	// Read is the time for the whole request, body included.
	Read time.Duration
	// Write is the time from the end of the request's headers to the end of
	// the response. A handler that keeps its response open (Server-Sent
	// Events) lifts it for its own response with Stream.
	Write time.Duration
	// Idle is how long a kept-alive connection may wait for its next request.
	Idle time.Duration
}

// DefaultTimeouts suit a preview on the local machine: generous for a slow
// laptop, short enough that abandoned connections do not pile up.
var DefaultTimeouts = Timeouts{
	ReadHeader: 5 * time.Second,
	Read:       10 * time.Second,
	Write:      60 * time.Second,
	Idle:       60 * time.Second,
}

// MaxHeaderBytes bounds a request's headers. Browsers send a few hundred
// bytes; the bound leaves room for the cookies that other programs on
// localhost set (cookies are shared between ports).
const MaxHeaderBytes = 64 << 10

// NewServer returns an HTTP server for h with the timeouts t and
// MaxHeaderBytes. Call its Serve with a listener (see Exposed), and Close or
// Shutdown it when done.
func NewServer(h http.Handler, t Timeouts) *http.Server {
	d := DefaultTimeouts
	pick := func(v, def time.Duration) time.Duration {
		if v > 0 {
			return v
		}
		return def
	}
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: pick(t.ReadHeader, d.ReadHeader),
		ReadTimeout:       pick(t.Read, d.Read),
		WriteTimeout:      pick(t.Write, d.Write),
		IdleTimeout:       pick(t.Idle, d.Idle),
		MaxHeaderBytes:    MaxHeaderBytes,
		// "OPTIONS *" goes to h too, so it gets the security headers.
		DisableGeneralOptionsHandler: true,
	}
}

// Stream lifts the server's write deadline for one response, for a handler
// that keeps it open for long (Server-Sent Events). Call it before the first
// write; the handler must then return when r.Context() is done, which happens
// when the client goes away. The read deadline needs no lifting: once a
// request without a body has been read, the server waits for the client's
// close without one.
func Stream(w http.ResponseWriter) error {
	return http.NewResponseController(w).SetWriteDeadline(time.Time{})
}

// Exposed reports whether a listener's address can be reached from other
// computers, that is whether it is not a loopback address. An unspecified
// address (0.0.0.0, ::) listens on every interface and is exposed.
func Exposed(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return !ok || !tcp.IP.IsLoopback()
}

// LocalOnly wraps h so that it answers only requests addressed to this
// computer: a Host of localhost, a name ending in .localhost, or an IP
// address. Any web page can point a domain name of its own at 127.0.0.1 (DNS
// rebinding) and then read the preview through the visitor's browser; such a
// request carries that domain name as its Host and is refused with 421.
func LocalOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !localHost(r.Host) {
			for k, v := range defaultHeaders {
				w.Header().Set(k, v)
			}
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.Error(w, "this preview answers only at http://localhost or http://127.0.0.1", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// localHost reports whether a Host header names this computer.
func localHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	return net.ParseIP(host) != nil
}

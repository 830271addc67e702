package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadCase is one request of the load test and the response it must get.
type loadCase struct {
	method, path string
	code         int
	ctype        string
	body         []byte // nil for HEAD
}

// TestLoad runs 50 concurrent clients against the server on 127.0.0.1 while
// 200 connections sit idle or send half a request, checks every response,
// checks that the idle and slow connections are closed, and that no
// goroutine or file descriptor is left once the server is closed. It prints
// throughput and latency; it asserts no timing (the machine may be busy).
func TestLoad(t *testing.T) {
	clients, perClient, idle := 50, 1000, 200
	if testing.Short() {
		perClient = 100
	}
	dir, cases := loadSite(t)

	runtime.GC()
	baseGoroutines, baseFDs := runtime.NumGoroutine(), openFDs(t)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	srv := NewServer(LocalOnly(Handler(dir)), Timeouts{ReadHeader: time.Second, Idle: 2 * time.Second})
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	// Idle and slow connections, open during the whole load.
	var slowWG sync.WaitGroup
	var slowClosed atomic.Int32
	for i := range idle {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		slowWG.Add(1)
		go func() {
			defer slowWG.Done()
			defer c.Close()
			if i%2 == 1 {
				io.WriteString(c, "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
			}
			c.SetReadDeadline(time.Now().Add(30 * time.Second))
			if _, err := io.Copy(io.Discard, c); err == nil {
				slowClosed.Add(1) // EOF: the server closed it
			}
		}()
	}

	tr := &http.Transport{MaxIdleConnsPerHost: clients, DisableCompression: true}
	client := &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	lat := make([][]time.Duration, clients)
	var failures atomic.Int32
	var wg sync.WaitGroup
	start := time.Now()
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat[w] = make([]time.Duration, 0, perClient)
			for i := range perClient {
				c := cases[(w*7919+i)%len(cases)]
				t0 := time.Now()
				err := check(client, addr, c)
				lat[w] = append(lat[w], time.Since(t0))
				if err != nil && failures.Add(1) <= 10 {
					t.Errorf("%s %s: %v", c.method, c.path, err)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	slowWG.Wait()
	if n := slowClosed.Load(); n != int32(idle) {
		t.Errorf("the server closed %d of %d idle and half-sent connections", n, idle)
	}
	tr.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Errorf("serve: %v", err)
	}

	all := slices.Concat(lat...)
	slices.Sort(all)
	pct := func(p float64) time.Duration { return all[int(float64(len(all)-1)*p)] }
	t.Logf("%d requests from %d clients in %v: %.0f requests/s; latency p50 %v, p90 %v, p99 %v, max %v; %d idle and half-sent connections closed",
		len(all), clients, elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(),
		pct(0.50), pct(0.90), pct(0.99), all[len(all)-1], slowClosed.Load())

	// Leaks: goroutines and descriptors return to where they were.
	var g, fds int
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		g, fds = runtime.NumGoroutine(), openFDs(t)
		if g <= baseGoroutines && fds <= baseFDs {
			break
		}
	}
	t.Logf("goroutines %d before, %d after; open files %d before, %d after", baseGoroutines, g, baseFDs, fds)
	if g > baseGoroutines {
		t.Errorf("%d goroutines left running", g-baseGoroutines)
	}
	if fds > baseFDs {
		t.Errorf("%d file descriptors left open", fds-baseFDs)
	}
}

// check sends one request and compares the response with what the case wants.
func check(client *http.Client, addr string, c loadCase) error {
	req, err := http.NewRequest(c.method, "http://"+addr+c.path, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return err
	case resp.StatusCode != c.code:
		return fmt.Errorf("status %d, want %d", resp.StatusCode, c.code)
	case resp.Header.Get("Content-Type") != c.ctype:
		return fmt.Errorf("Content-Type %q, want %q", resp.Header.Get("Content-Type"), c.ctype)
	case resp.Header.Get("X-Content-Type-Options") != "nosniff" || resp.Header.Get("Content-Security-Policy") == "":
		return fmt.Errorf("security headers missing: %v", resp.Header)
	case !bytes.Equal(body, c.body):
		return fmt.Errorf("body of %d bytes differs from the file's %d", len(body), len(c.body))
	}
	return nil
}

// loadSite writes a site of 300 pages and a few assets, and returns the
// requests to make against it.
func loadSite(t *testing.T) (string, []loadCase) {
	dir := t.TempDir()
	write := func(name string, body []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	notFound := []byte("<!DOCTYPE html><title>Not found</title><p>lost")
	write("404.html", notFound)
	write(".secret", []byte("secret"))
	html := "text/html; charset=utf-8"
	var cases []loadCase
	for i := range 300 {
		lang := []string{"en", "hu", "sk"}[i%3]
		body := []byte(fmt.Sprintf("<!DOCTYPE html><title>Page %d</title><p>%s", i, strings.Repeat("text of the page ", 20+i%200)))
		write(fmt.Sprintf("%s/news/p%d/index.html", lang, i), body)
		cases = append(cases, loadCase{"GET", fmt.Sprintf("/%s/news/p%d/", lang, i), 200, html, body})
	}
	assets := map[string]string{
		"/css/site.0123abcd.css": "text/css; charset=utf-8",
		"/js/site.89abcdef.js":   "text/javascript; charset=utf-8",
		"/favicon.svg":           "image/svg+xml; charset=utf-8",
		"/en/search/index.json":  "application/json; charset=utf-8",
		"/sitemap.xml":           "application/xml; charset=utf-8",
	}
	for p, ctype := range assets {
		body := bytes.Repeat([]byte(p), 2000)
		write(p, body)
		for range 20 { // assets are asked for as often as pages
			cases = append(cases, loadCase{"GET", p, 200, ctype, body})
		}
	}
	for i := range 60 {
		cases = append(cases,
			loadCase{"GET", fmt.Sprintf("/en/news/missing-%d/", i), 404, html, notFound},
			loadCase{"HEAD", fmt.Sprintf("/hu/news/p%d/", 1+3*i), 200, html, []byte{}},
			loadCase{"GET", "/.secret", 404, html, notFound},
			loadCase{"GET", "/en/%2e%2e/%2e%2e/etc/passwd", 404, html, notFound},
			loadCase{"POST", "/en/news/p0/", 405, "text/plain; charset=utf-8", []byte("this preview server only reads pages (GET and HEAD)\n")},
		)
	}
	return dir, cases
}

// openFDs counts this process's open file descriptors (Linux).
func openFDs(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd to count open files")
	}
	return len(entries)
}

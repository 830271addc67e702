package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/status"
)

// step is what one Rebuild of a fakeBuilder does: a new snapshot (nil
// keeps the last good one) and the problems it reports.
type step struct {
	snap  *Snapshot
	diags diag.List
	err   error
}

// fakeBuilder stands for the build engine: each Rebuild takes the next
// step.
type fakeBuilder struct {
	mu       sync.Mutex
	steps    []step
	cur      *Snapshot
	calls    [][]string
	briefs   map[string][]byte
	briefErr error
	// gate, when set, holds each Rebuild until it is sent to.
	gate              chan struct{}
	active, maxActive atomic.Int32
	briefCalls        atomic.Int32
}

func newFake(steps ...step) *fakeBuilder { return &fakeBuilder{steps: steps} }

// then queues more steps.
func (f *fakeBuilder) then(steps ...step) {
	f.mu.Lock()
	f.steps = append(f.steps, steps...)
	f.mu.Unlock()
}

func (f *fakeBuilder) Rebuild(changed []string, all bool) (diag.List, error) {
	n := f.active.Add(1)
	defer f.active.Add(-1)
	for m := f.maxActive.Load(); n > m && !f.maxActive.CompareAndSwap(m, n); m = f.maxActive.Load() {
	}
	if f.gate != nil {
		<-f.gate
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, changed)
	if len(f.steps) == 0 {
		return nil, nil
	}
	s := f.steps[0]
	f.steps = f.steps[1:]
	if s.snap != nil {
		f.cur = s.snap
	}
	return s.diags, s.err
}

func (f *fakeBuilder) Snapshot() *Snapshot {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.cur
}

func (f *fakeBuilder) Brief(name string) ([]byte, bool, error) {
	f.briefCalls.Add(1)
	if f.briefErr != nil {
		return nil, false, f.briefErr
	}
	b, ok := f.briefs[name]
	return b, ok, nil
}

// newTestLive makes a live server over b and runs its first build.
func newTestLive(t *testing.T, b Builder) *Live {
	t.Helper()
	l := NewLive(b, LiveOptions{})
	t.Cleanup(l.Close)
	l.Rebuild(nil, true)
	return l
}

// get requests target from h and returns the status and body.
func get(h http.Handler, target string) (int, http.Header, string) {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec.Code, rec.Header(), rec.Body.String()
}

// page is a small page of a built site, minified as dissem writes them.
func page(css, text string) []byte {
	return []byte(`<!doctype html><html lang="hu"><head><meta charset="utf-8"><title>T</title><link rel="stylesheet" href="/` + css +
		`"></head><body class="kind-home"><a class="skip-link" href="#main">Ugrás</a><main id="main"><p>` + text + `</main></body></html>`)
}

func site(css, text string) *Snapshot {
	return &Snapshot{Files: map[string][]byte{
		"index.html":    page(css, "root"),
		"hu/index.html": page(css, text),
		"404.html":      page(css, "lost"),
		css:             []byte("body{color:red}"),
		"hu/index.json": []byte(`{"a":"</head><body>"}`),
		"js/site.js":    []byte("let a"),
	}}
}

// TestLiveInjects checks that the script (and the overlay's stylesheet) go
// into every HTML page served, and nothing else changes: not the other
// files, and not the snapshot, which a build shares with later ones.
func TestLiveInjects(t *testing.T) {
	snap := site("css/site.aaaaaaaa.css", "szia")
	orig := string(snap.Files["hu/index.html"])
	l := newTestLive(t, newFake(step{snap: snap}))
	want := `<link rel="stylesheet" href="/_dissem/dissem.css"><script src="/_dissem/reload.js" data-version="1" defer></script></head>`
	for _, target := range []string{"/hu/", "/hu/index.html", "/", "/hu/nope/"} {
		_, h, body := get(l, target)
		if strings.Count(body, "/_dissem/reload.js") != 1 || !strings.Contains(body, want) {
			t.Errorf("%s: no script before </head>: %s", target, body)
		}
		if h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q", target, h.Get("Cache-Control"))
		}
		if strings.Contains(body, "dissem-problems") {
			t.Errorf("%s: an overlay without problems", target)
		}
	}
	if _, _, body := get(l, "/hu/"); strings.Replace(body, `<link rel="stylesheet" href="/_dissem/dissem.css"><script src="/_dissem/reload.js" data-version="1" defer></script>`, "", 1) != orig {
		t.Errorf("the page changed beyond the script:\n%s\n%s", body, orig)
	}
	if string(snap.Files["hu/index.html"]) != orig {
		t.Error("injecting changed the snapshot")
	}
	for _, target := range []string{"/hu/index.json", "/js/site.js", "/css/site.aaaaaaaa.css"} {
		if _, _, body := get(l, target); body != string(snap.Files[target[1:]]) {
			t.Errorf("%s: %q, want it as built", target, body)
		}
	}
	for target, ctype := range map[string]string{"/_dissem/reload.js": "text/javascript; charset=utf-8", "/_dissem/dissem.css": "text/css; charset=utf-8"} {
		code, h, body := get(l, target)
		if code != 200 || h.Get("Content-Type") != ctype || len(body) < 100 || h.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: %d %q %d bytes", target, code, h.Get("Content-Type"), len(body))
		}
	}
	for _, target := range []string{"/_dissem/", "/_dissem/nope.js", "/_dissem/assets/reload.js", "/_dissem/%2e%2e/serve.go"} {
		if code, _, _ := get(l, target); code != 404 {
			t.Errorf("%s: %d, want 404", target, code)
		}
	}
}

// TestInject places the script and overlay in pages of every shape.
func TestInject(t *testing.T) {
	st := &liveState{head: []byte("<H>"), overlay: []byte("<O>")}
	tests := []struct{ in, want string }{
		{"<html><head><title>x</title></head><body class=a><p>x", "<html><head><title>x</title><H></head><body class=a><O><p>x"},
		{"<head></head><body>", "<head><H></head><body><O>"},
		{"<p>no head or body", "<p>no head or body<H><O>"},
		{"<title>x</title><body><p>", "<title>x</title><H><body><O><p>"},
		{"<head></head><p>no body", "<head><H></head><O><p>no body"},
		{"<head><script>'<body>'</script></head><body>", "<head><script>'<body>'</script><H></head><body><O>"},
	}
	for _, tt := range tests {
		if got := string(st.inject([]byte(tt.in))); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// events connects to the live server's event stream and returns its
// events as "name id data" lines.
func events(t *testing.T, addr, since string) <-chan string {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://"+addr+"/_dissem/events?since="+since, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream; charset=utf-8" {
		t.Fatalf("Content-Type %q", ct)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		var name, id, data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if name != "" {
					out <- name + " " + id + " " + data
				}
				name, id, data = "", "", ""
			case strings.HasPrefix(line, "event: "):
				name = line[7:]
			case strings.HasPrefix(line, "id: "):
				id = line[4:]
			case strings.HasPrefix(line, "data: "):
				data = line[6:]
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return out
}

// next returns the next event, or "" when none comes within d.
func next(ch <-chan string, d time.Duration) string {
	select {
	case e := <-ch:
		return e
	case <-time.After(d):
		return ""
	}
}

// TestLiveEvents checks that each rebuild sends one event to every open
// page, and that a page that shows an older version is told at once.
func TestLiveEvents(t *testing.T) {
	b := newFake(step{snap: site("css/site.aaaaaaaa.css", "one")})
	l := newTestLive(t, b)
	addr := startServer(t, l)
	a, c := events(t, addr, "1"), events(t, addr, "1")
	if e := next(a, 200*time.Millisecond); e != "" {
		t.Fatalf("an event for a page that is up to date: %q", e)
	}
	b.then(step{snap: site("css/site.aaaaaaaa.css", "two")})
	l.Rebuild([]string{"content/hu/x.md"}, false)
	for _, ch := range []<-chan string{a, c} {
		if e := next(ch, 5*time.Second); e != "reload 2 2" {
			t.Errorf("after a rebuild: %q, want reload 2", e)
		}
	}
	if _, _, body := get(l, "/hu/"); !strings.Contains(body, "two") || !strings.Contains(body, `data-version="2"`) {
		t.Errorf("the page after the event: %s", body)
	}
	if e := next(events(t, addr, "1"), 5*time.Second); e != "reload 2 2" {
		t.Errorf("a page of version 1 connecting late: %q, want reload 2", e)
	}
	if e := next(events(t, addr, ""), 5*time.Second); e != "reload 2 2" {
		t.Errorf("a page of no version: %q, want reload 2", e)
	}
	// A save that changes nothing that shows: no reload.
	same := site("css/site.aaaaaaaa.css", "two")
	same.Changed = []string{}
	b.then(step{snap: same})
	l.Rebuild([]string{"content/hu/x.md"}, false)
	if e := next(a, 300*time.Millisecond); e != "" {
		t.Errorf("an event for a rebuild that changed nothing: %q", e)
	}
}

// TestLiveCSS checks that a change of stylesheets alone is sent as a swap.
func TestLiveCSS(t *testing.T) {
	b := newFake(step{snap: site("css/site.aaaaaaaa.css", "one")})
	l := newTestLive(t, b)
	addr := startServer(t, l)
	ch := events(t, addr, "1")
	s2 := site("css/site.bbbbbbbb.css", "one")
	s2.Changed = []string{"404.html", "css/site.aaaaaaaa.css", "css/site.bbbbbbbb.css", "hu/index.html", "index.html"}
	b.then(step{snap: s2})
	l.Rebuild([]string{"static/css/site.css"}, false)
	if e := next(ch, 5*time.Second); e != `css 2 [{"from":"/css/site.aaaaaaaa.css","to":"/css/site.bbbbbbbb.css"}]` {
		t.Errorf("after a stylesheet change: %q", e)
	}
	// Two versions behind: a reload, whatever the last change was.
	if e := next(events(t, addr, "0"), 5*time.Second); e != "reload 2 2" {
		t.Errorf("a page two versions behind: %q", e)
	}
}

// TestCSSOnly decides, for pairs of snapshots, whether a swap is enough.
func TestCSSOnly(t *testing.T) {
	a, b := "css/site.aaaaaaaa.css", "css/site.bbbbbbbb.css"
	prev := site(a, "one")
	with := func(css, text string, changed ...string) *Snapshot {
		s := site(css, text)
		s.Changed = changed
		return s
	}
	tests := []struct {
		name string
		next *Snapshot
		want string
	}{
		{"renamed stylesheet", with(b, "one", a, b, "hu/index.html", "index.html", "404.html"), "/css/site.aaaaaaaa.css>/css/site.bbbbbbbb.css"},
		{"text changed too", with(b, "two", a, b, "hu/index.html", "index.html", "404.html"), ""},
		{"script changed too", with(b, "one", a, b, "js/site.js", "hu/index.html"), ""},
		{"a new stylesheet", with(b, "one", b), ""},
		{"unknown changes", with(b, "one"), ""},
		{"a page removed", with(b, "one", a, b, "gone.html"), ""},
		{"same name", func() *Snapshot {
			s := site(a, "one")
			s.Files[a] = []byte("body{color:blue}")
			s.Changed = []string{a}
			return s
		}(), "/css/site.aaaaaaaa.css>/css/site.aaaaaaaa.css"},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range cssOnly(prev, tt.next) {
			got = append(got, s.From+">"+s.To)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// writeSource writes a source file for a problem to point into and
// returns its path as messages name it.
func writeSource(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "case.hu.md")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(p)
}

// TestLiveOverlay breaks a date and fixes it: the problem shows over every
// page with its position and source line, the last good site stays, and
// the next good build takes the overlay away.
func TestLiveOverlay(t *testing.T) {
	src := writeSource(t, "---\ntitle: A <b>bold</b> case\ndate: 2024-13-01 <x>\n---\nBody\n")
	var log bytes.Buffer
	good := site("css/site.aaaaaaaa.css", "one")
	b := newFake(step{snap: good})
	l := NewLive(b, LiveOptions{Log: &log})
	defer l.Close()
	l.Rebuild(nil, true)
	addr := startServer(t, l)
	ch := events(t, addr, "1")

	bad := diag.List{{Pos: diag.Pos{File: src, Line: 3, Col: 7}, Msg: `"2024-13-01" is not a date <as YYYY-MM-DD>`}}
	bad.Warnf(diag.Pos{File: src, Line: 2, Col: 1}, "a warning is printed, not shown")
	b.then(step{diags: bad})
	l.Rebuild([]string{"content/x.md"}, false)
	if e := next(ch, 5*time.Second); e != "reload 2 2" {
		t.Fatalf("after the error: %q", e)
	}
	for _, target := range []string{"/hu/", "/", "/hu/nope/"} {
		_, _, body := get(l, target)
		for _, want := range []string{
			`<body class="kind-home"><div id="dissem-problems" class="dissem-problems" role="alert"`,
			`<code class="dissem-pos">` + src + `:3:7</code>`,
			`&#34;2024-13-01&#34; is not a date &lt;as YYYY-MM-DD&gt;`,
			`3 | </span>date: 2024-13-01 &lt;x&gt;` + "\n" + `<span aria-hidden="true">          ^</span>`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: no %q in\n%s", target, want, body)
			}
		}
		if strings.Contains(body, "warning is printed") {
			t.Errorf("%s: a warning in the overlay", target)
		}
	}
	if _, _, body := get(l, "/hu/"); !strings.Contains(body, "<p>one") {
		t.Errorf("not the last good site: %s", body)
	}
	if _, _, body := get(l, "/hu/index.json"); strings.Contains(body, "dissem-problems") {
		t.Errorf("the overlay in a JSON file: %s", body)
	}
	printed := log.String()
	for range 5 {
		get(l, "/hu/")
	}
	if log.String() != printed {
		t.Errorf("requests printed the problems again:\n%s", log.String())
	}
	if strings.Count(printed, src+":3:7: ") != 1 || strings.Count(printed, "a warning is printed") != 1 || !strings.Contains(printed, "1 problem after") {
		t.Errorf("the terminal shows:\n%s", printed)
	}

	// The same warning in the next rebuild is not printed again.
	fixed := site("css/site.aaaaaaaa.css", "fixed")
	var warn diag.List
	warn.Warnf(diag.Pos{File: src, Line: 2, Col: 1}, "a warning is printed, not shown")
	b.then(step{snap: fixed, diags: warn})
	l.Rebuild([]string{"content/x.md"}, false)
	if e := next(ch, 5*time.Second); e != "reload 3 3" {
		t.Fatalf("after the fix: %q", e)
	}
	if _, _, body := get(l, "/hu/"); strings.Contains(body, "dissem-problems") || !strings.Contains(body, "fixed") {
		t.Errorf("after the fix:\n%s", body)
	}
	if n := strings.Count(log.String(), "a warning is printed"); n != 1 {
		t.Errorf("the warning was printed %d times:\n%s", n, log.String())
	}
}

// TestLiveNeverBuilt checks that before the first good build every page
// is the list of problems, which reloads once the site builds.
func TestLiveNeverBuilt(t *testing.T) {
	src := writeSource(t, "title: [\n")
	b := newFake(step{diags: diag.List{{Pos: diag.Pos{File: src, Line: 1, Col: 8}, Msg: "a list is not closed"}}}, step{err: errors.New("disk full")})
	l := newTestLive(t, b)
	for _, target := range []string{"/", "/hu/", "/anything.css"} {
		code, h, body := get(l, target)
		if code != 500 || h.Get("Content-Type") != "text/html; charset=utf-8" || !strings.Contains(body, src+":1:8") ||
			!strings.Contains(body, `<script src="/_dissem/reload.js" data-version="1" defer>`) || !strings.Contains(body, "does not build yet") {
			t.Errorf("%s: %d %s", target, code, body)
		}
	}
	l.Rebuild(nil, true)
	if _, _, body := get(l, "/"); !strings.Contains(body, "the rebuild failed: disk full") {
		t.Errorf("a failure of the machine: %s", body)
	}
	b.then(step{snap: site("css/site.aaaaaaaa.css", "built")})
	l.Rebuild(nil, true)
	if code, _, body := get(l, "/hu/"); code != 200 || !strings.Contains(body, "built") || strings.Contains(body, "dissem-problems") {
		t.Errorf("after the first good build: %d %s", code, body)
	}
}

// TestLiveBriefs checks that briefs are made when requested, and only
// those of the snapshot.
func TestLiveBriefs(t *testing.T) {
	snap := site("css/site.aaaaaaaa.css", "x")
	snap.Lazy = map[string]bool{"hu/briefs/a.pdf": true, "hu/briefs/kit.zip": true, "hu/briefs/gone.pdf": true, ".hidden.pdf": true}
	b := newFake(step{snap: snap})
	b.briefs = map[string][]byte{"hu/briefs/a.pdf": []byte("%PDF-1.7"), "hu/briefs/kit.zip": []byte("PK"), "other.pdf": []byte("no")}
	l := newTestLive(t, b)
	tests := []struct {
		target, ctype string
		code          int
		body          string
	}{
		{"/hu/briefs/a.pdf", "application/pdf", 200, "%PDF-1.7"},
		{"/hu/briefs/kit.zip", "application/zip", 200, "PK"},
		{"/hu/briefs/gone.pdf", "text/html; charset=utf-8", 404, "lost"},
		{"/other.pdf", "text/html; charset=utf-8", 404, "lost"},
		{"/.hidden.pdf", "text/html; charset=utf-8", 404, "lost"},
	}
	for _, tt := range tests {
		code, h, body := get(l, tt.target)
		if code != tt.code || h.Get("Content-Type") != tt.ctype || !strings.Contains(body, tt.body) {
			t.Errorf("%s: %d %q %q", tt.target, code, h.Get("Content-Type"), body)
		}
	}
	if n := b.briefCalls.Load(); n != 3 {
		t.Errorf("Brief called %d times, want 3 (the lazy names that are not hidden)", n)
	}
	b.briefErr = errors.New("the brief of hu/briefs/a.pdf cannot be made")
	if code, _, body := get(l, "/hu/briefs/a.pdf"); code != 500 || !strings.Contains(body, "cannot be made") {
		t.Errorf("a failed brief: %d %q", code, body)
	}
}

// TestLiveSerialized checks that rebuilds never overlap and that requests
// during a rebuild get the last good snapshot at once.
func TestLiveSerialized(t *testing.T) {
	b := newFake(step{snap: site("css/site.aaaaaaaa.css", "old")})
	l := newTestLive(t, b)
	b.gate = make(chan struct{})
	for i := range 3 {
		b.then(step{snap: site("css/site.aaaaaaaa.css", fmt.Sprint("new", i))})
	}
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { l.Rebuild([]string{"content/x.md"}, false) })
	}
	time.Sleep(50 * time.Millisecond)
	start := time.Now()
	if _, _, body := get(l, "/hu/"); !strings.Contains(body, "old") || time.Since(start) > time.Second {
		t.Errorf("a request during a rebuild: %s after %v", body, time.Since(start))
	}
	for range 3 {
		b.gate <- struct{}{}
	}
	wg.Wait()
	if n := b.maxActive.Load(); n != 1 {
		t.Errorf("%d rebuilds at once", n)
	}
	if _, _, body := get(l, "/hu/"); !strings.Contains(body, "new2") {
		t.Errorf("after the rebuilds: %s", body)
	}
}

// TestExcerpt checks the part of a long line shown and the caret's place.
func TestExcerpt(t *testing.T) {
	long := strings.Repeat("a", 100) + "X" + strings.Repeat("b", 300)
	tests := []struct {
		line      string
		col       int
		want      string
		wantCaret int
	}{
		{"date: 2024-13-01\r", 7, "date: 2024-13-01", 6},
		{"cím: ő", 6, "cím: ő", 5}, // col counts characters, not bytes (í is two)
		{"short", 0, "short", -1},
		{"short", 99, "short", 5},
		{long, 101, "…" + strings.Repeat("a", 80) + "X" + strings.Repeat("b", 79) + "…", 81},
		{long, 1, strings.Repeat("a", 100) + "X" + strings.Repeat("b", 59) + "…", 0},
		{long, 400, "…" + strings.Repeat("b", 160), 159},
	}
	for _, tt := range tests {
		got, caret := excerpt(tt.line, tt.col)
		if got != tt.want || caret != tt.wantCaret {
			t.Errorf("excerpt(%.20q, %d) = %q, %d; want %q, %d", tt.line, tt.col, got, caret, tt.want, tt.wantCaret)
		}
	}
}

// TestStatusPage checks the translation table served at /_status/.
func TestStatusPage(t *testing.T) {
	rep := &status.Report{Languages: []string{"en", "hu", "sk"}, Rows: []status.Row{{
		Key: "news/<launch>", SourceLang: "en", Langs: map[string]status.Cell{
			"en": {State: status.Source, File: "content/news/launch.md"},
			"hu": {State: status.Stale, File: "content/news/launch.hu.md"},
			"sk": {State: status.Missing},
		}}}}
	l := NewLive(newFake(step{snap: site("css/site.aaaaaaaa.css", "x")}), LiveOptions{Status: func() (*status.Report, error) { return rep, nil }})
	defer l.Close()
	l.Rebuild(nil, true)
	code, h, body := get(l, "/_status/")
	for _, want := range []string{
		`<html lang="en">`, `<h1>Translation status</h1>`, `<caption id="dissem-status-caption">`, `<th scope="col">sk</th>`,
		// Scrolls in the site's box for wide tables on a phone.
		`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="dissem-status-caption"><table>`,
		`<th scope="row">news/&lt;launch&gt;</th>`, `<td class="dissem-state-stale">stale: the source changed<small>content/news/launch.hu.md</small></td>`,
		`<td class="dissem-state-missing">missing</td>`, `1 missing, 1 stale`, `/_dissem/reload.js`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("no %q in\n%s", want, body)
		}
	}
	if code != 200 || h.Get("Content-Type") != "text/html; charset=utf-8" || h.Get("Cache-Control") != "no-store" {
		t.Errorf("%d %v", code, h)
	}
	if code, h, _ := get(l, "/_status"); code != 301 || h.Get("Location") != "/_status/" {
		t.Errorf("/_status: %d %v", code, h)
	}
	if code, _, _ := get(newTestLive(t, newFake(step{snap: site("css/site.aaaaaaaa.css", "x")})), "/_status/"); code != 404 {
		t.Errorf("without a status: %d", code)
	}
}

// TestLiveMethods checks that the live server's own paths only read.
func TestLiveMethods(t *testing.T) {
	l := newTestLive(t, newFake(step{snap: site("css/site.aaaaaaaa.css", "x")}))
	for _, target := range []string{"/_dissem/events", "/_dissem/reload.js", "/_status/", "/hu/"} {
		rec := httptest.NewRecorder()
		l.ServeHTTP(rec, httptest.NewRequest("POST", target, io.NopCloser(strings.NewReader("x"))))
		if rec.Code != 405 || rec.Header().Get("Allow") != allow {
			t.Errorf("POST %s: %d", target, rec.Code)
		}
	}
	done := make(chan int)
	go func() {
		rec := httptest.NewRecorder()
		l.ServeHTTP(rec, httptest.NewRequest("HEAD", "/_dissem/events", nil))
		done <- rec.Code
	}()
	select {
	case code := <-done:
		if code != 200 {
			t.Errorf("HEAD /_dissem/events: %d", code)
		}
	case <-time.After(5 * time.Second):
		t.Error("HEAD /_dissem/events does not end")
	}
}

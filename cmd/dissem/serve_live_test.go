package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer that the server and the test may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// sampleCopy copies the sample site's sources into a temporary folder.
func sampleCopy(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"content", "templates", "static"} {
		copyDir(t.(*testing.T), filepath.Join("..", "..", name), filepath.Join(dir, name))
	}
	data, err := os.ReadFile(filepath.Join("..", "..", "site.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// liveServer is dissem serve running in this process.
type liveServer struct {
	url    string
	stderr *syncBuffer
	stop   func() error
}

// startServe runs dissem serve over src on a free port of 127.0.0.1.
func startServe(t *testing.T, src string, extra ...string) *liveServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	s := &liveServer{stderr: &syncBuffer{}}
	args := append([]string{"--source", src, "--port", "0"}, extra...)
	go func() { done <- serveUntil(ctx, args, io.Discard, s.stderr, func(a net.Addr) { addr <- a }) }()
	select {
	case a := <-addr:
		s.url = "http://" + a.String()
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v\n%s", err, s.stderr)
	case <-time.After(time.Minute):
		cancel()
		t.Fatal("serve did not start within a minute")
	}
	var once sync.Once
	var stopErr error
	s.stop = func() error {
		once.Do(func() {
			cancel()
			select {
			case stopErr = <-done:
			case <-time.After(10 * time.Second):
				t.Error("serve did not stop within 10 s of being told")
			}
		})
		return stopErr
	}
	t.Cleanup(func() { s.stop() })
	return s
}

// fetch returns a page's status and body.
func (s *liveServer) fetch(t testing.TB, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(s.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

var versionAttr = regexp.MustCompile(`data-version="(\d+)"`)

// listen opens the event stream as the page's script does and returns the
// names of the events as they come.
func (s *liveServer) listen(t testing.TB, page string) <-chan string {
	t.Helper()
	m := versionAttr.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no reload script in the page:\n%s", page)
	}
	resp, err := http.Get(s.url + "/_dissem/events?since=" + m[1])
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 64)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if name, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				out <- name
			}
		}
	}()
	t.Cleanup(func() { resp.Body.Close() })
	return out
}

// waitEvent waits for the next event.
func waitEvent(t testing.TB, events <-chan string, what string) string {
	t.Helper()
	select {
	case e := <-events:
		return e
	case <-time.After(30 * time.Second):
		t.Fatalf("no event within 30 s after %s", what)
		return ""
	}
}

// edit rewrites a file with one replacement, as an editor's save would.
func edit(t testing.TB, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s holds no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeLive is the editor's loop over HTTP: dissem serve on a copy of
// the sample site; a Hungarian case study is edited, broken and fixed, and
// each time the open page is told and shows the change. The output folder
// is never written.
func TestServeLive(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site")
	}
	src := sampleCopy(t)
	before := tree(t, src)
	s := startServe(t, src)
	file := filepath.Join(src, "content", "case-studies", "tetemvar.hu.md")
	const page = "/hu/case-studies/tetemvar/"

	code, body := s.fetch(t, page)
	if code != 200 || !strings.Contains(body, `<script src="/_dissem/reload.js"`) || strings.Contains(body, "dissem-problems") {
		t.Fatalf("the page before any change: %d\n%s", code, body)
	}
	events := s.listen(t, body)

	// A new sentence in the body.
	edit(t, file, "\n---\n", "\n---\n\nSzerkesztői mentés után megjelent mondat.\n")
	if e := waitEvent(t, events, "editing the body"); e != "reload" {
		t.Errorf("after editing the body: event %q", e)
	}
	if _, body := s.fetch(t, page); !strings.Contains(body, "Szerkesztői mentés után megjelent mondat.") {
		t.Errorf("the page after the event does not show the new sentence")
	}

	// A broken date: the overlay on every page, the last good site under it.
	edit(t, file, "date: 2023-01-31", "date: 2023-13-31")
	if e := waitEvent(t, events, "breaking the date"); e != "reload" {
		t.Errorf("after breaking the date: event %q", e)
	}
	for _, p := range []string{page, "/en/", "/hu/nope/"} {
		_, body := s.fetch(t, p)
		for _, want := range []string{
			`role="alert"`,
			`tetemvar.hu.md:4:7</code>`,
			`want a date like 2024-05-31, got &#34;2023-13-31&#34;`,
			`4 | </span>date: 2023-13-31`,
		} {
			if !strings.Contains(body, want) {
				t.Errorf("%s with a broken date: no %q", p, want)
			}
		}
	}
	if _, body := s.fetch(t, page); !strings.Contains(body, "Szerkesztői mentés után megjelent mondat.") {
		t.Errorf("the last good version is not served under the overlay")
	}
	if n := strings.Count(s.stderr.String(), `tetemvar.hu.md:4:7: field "date"`); n != 1 {
		t.Errorf("the terminal printed the problem %d times, want once:\n%s", n, s.stderr)
	}

	// Fixed: the overlay goes.
	edit(t, file, "date: 2023-13-31", "date: 2023-01-31")
	if e := waitEvent(t, events, "fixing the date"); e != "reload" {
		t.Errorf("after fixing the date: event %q", e)
	}
	if _, body := s.fetch(t, page); strings.Contains(body, "dissem-problems") {
		t.Errorf("the overlay stays after the fix")
	}

	// A brief is made when asked for.
	if m := regexp.MustCompile(`href="(/hu/[^"]+\.pdf)"`).FindStringSubmatch(body); m == nil {
		t.Errorf("the case study links no brief")
	} else {
		resp, err := http.Get(s.url + m[1])
		if err != nil {
			t.Fatal(err)
		}
		pdf, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Errorf("%s: %d %q %.10q", m[1], resp.StatusCode, resp.Header.Get("Content-Type"), pdf)
		}
	}

	// The search index is made when the search page asks for it, and it
	// knows the text saved above.
	if code, body := s.fetch(t, "/hu/search/meta.json"); code != 200 || !strings.Contains(body, `"lang":"hu"`) {
		t.Errorf("/hu/search/meta.json: %d %.200s", code, body)
	}
	if code, _ := s.fetch(t, "/hu/search/nope.json"); code != 404 {
		t.Errorf("/hu/search/nope.json: %d, want 404", code)
	}

	// A new title: the lists, the downloads page and the register (the
	// last two made when asked for) show it after the reload.
	edit(t, file, "\ntitle: \"", "\ntitle: \"Mentett cím – ")
	if e := waitEvent(t, events, "editing the title"); e != "reload" {
		t.Errorf("after editing the title: event %q", e)
	}
	for _, p := range []string{page, "/hu/case-studies/", "/hu/downloads/", "/hu/register/", "/register.csv"} {
		code, body := s.fetch(t, p)
		if code != 200 || !strings.Contains(body, "Mentett cím") || strings.Contains(body, "dissem-problems") {
			t.Errorf("%s after editing the title: %d, no new title", p, code)
		}
		if strings.HasSuffix(p, "/") && !strings.Contains(body, `<script src="/_dissem/reload.js"`) {
			t.Errorf("%s: no reload script", p)
		}
	}

	// The translation status, and the output folder never written.
	if code, body := s.fetch(t, "/_status/"); code != 200 || !strings.Contains(body, `<th scope="row">case-studies/tetemvar</th>`) {
		t.Errorf("/_status/: %d\n%s", code, body)
	}
	if err := s.stop(); err != nil {
		t.Errorf("serve stopped with %v", err)
	}
	after := tree(t, src)
	for name := range after {
		if strings.HasPrefix(name, ".dissem-cache") || name == filepath.Join("content", "case-studies", "tetemvar.hu.md") {
			delete(after, name)
			delete(before, name)
		}
	}
	if d := changed(before, after); d != "" {
		t.Errorf("serve wrote into the site folder:\n%s", d)
	}
}

// TestServeDrafts checks that serve shows drafts unless told not to.
func TestServeDrafts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site")
	}
	src := sampleCopy(t)
	file := filepath.Join(src, "content", "case-studies", "tetemvar.hu.md")
	edit(t, file, "\n---\n", "\ndraft: true\n---\n")
	for _, tt := range []struct {
		args []string
		code int
	}{{nil, 200}, {[]string{"--drafts=false"}, 404}} {
		s := startServe(t, src, tt.args...)
		code, body := s.fetch(t, "/hu/case-studies/tetemvar/")
		if code != tt.code {
			t.Errorf("serve %q: the draft answers %d, want %d", tt.args, code, tt.code)
		}
		if code == 200 && !strings.Contains(body, `class="draft-badge"`) {
			t.Errorf("serve %q: no draft badge", tt.args)
		}
		s.stop()
	}
}

// TestBuildHasNoReloadScript checks that nothing of serve's is in what
// dissem build writes.
func TestBuildHasNoReloadScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the sample site")
	}
	src := sampleCopy(t)
	dest := filepath.Join(t.TempDir(), "public")
	var out, errb bytes.Buffer
	if code := run([]string{"build", "--source", src, "--dest", dest, "--no-briefs"}, &out, &errb); code != 0 {
		t.Fatalf("build: %d\n%s", code, errb.String())
	}
	var pages []string
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
		for _, word := range []string{"_dissem", "reload.js", "dissem-problems", "EventSource"} {
			if bytes.Contains(data, []byte(word)) {
				t.Errorf("%s holds %q", p, word)
			}
		}
		return nil
	})
	if len(pages) < 100 || !slices.ContainsFunc(pages, func(p string) bool { return strings.HasSuffix(p, "tetemvar/index.html") }) {
		t.Errorf("only %d pages built", len(pages))
	}
}

// TestServeSaveToReload measures the editor's loop on the sample site, 50
// times: a document's body saved → the event reaches the page → the page
// fetched again shows the new text. It prints the median and the 95th
// percentile; it asserts only that every save arrived (timings depend on
// the machine).
func TestServeSaveToReload(t *testing.T) {
	if testing.Short() {
		t.Skip("50 rebuilds of the sample site")
	}
	src := sampleCopy(t)
	s := startServe(t, src, "--quiet")
	file := filepath.Join(src, "content", "case-studies", "tetemvar.hu.md")
	const page = "/hu/case-studies/tetemvar/"
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	_, body := s.fetch(t, page)
	events := s.listen(t, body)
	var took []time.Duration
	for i := range 50 {
		text := fmt.Sprintf("Mérés %d: mentés után megjelent mondat.", i)
		start := time.Now()
		if err := os.WriteFile(file, bytes.Replace(orig, []byte("\n---\n"), []byte("\n---\n\n"+text+"\n"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		waitEvent(t, events, "a save")
		if _, body := s.fetch(t, page); !strings.Contains(body, text) {
			t.Fatalf("save %d: the page after the event does not show the new text", i)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	t.Logf("save → event → page with the new text, %d saves of the sample site: median %v, p95 %v, max %v",
		len(took), took[len(took)/2].Round(time.Millisecond), took[len(took)*95/100].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond))
}

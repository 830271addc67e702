package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"maps"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/internal/packed"
)

// packSnapshot is s as a session keeps it: text files packed.
func packSnapshot(s *Snapshot) *Snapshot {
	p := *s
	p.Files = maps.Clone(s.Files)
	for name, data := range p.Files {
		p.Files[name] = packed.Pack(name, data)
	}
	p.Packed = true
	return &p
}

// TestMemoryPackedPaths sends the requests of TestPaths to a site kept
// packed: the same answers, byte for byte, to a client that does not ask
// for gzip.
func TestMemoryPackedPaths(t *testing.T) {
	snap := packSnapshot(testSnapshot(true))
	t.Run("Memory", func(t *testing.T) {
		checkPaths(t, startServer(t, Memory(func() *Snapshot { return snap })), memoryPathTests())
	})
	t.Run("Live", func(t *testing.T) {
		checkPaths(t, startServer(t, newTestLive(t, newFake(step{snap: snap}))), memoryPathTests())
	})
}

// TestPackedEncoding checks what a packed site sends for each
// Accept-Encoding: gzip as kept to a browser that takes it, the contents
// to one that does not, Vary on every file whose answer depends on it, and
// the live server's pages (rewritten for each request) never compressed.
func TestPackedEncoding(t *testing.T) {
	raw := testSnapshot(true)
	snap := packSnapshot(raw)
	accepts := []struct {
		header string
		gzip   bool
	}{
		{"", false},
		{"Accept-Encoding: gzip", true},
		{"Accept-Encoding: gzip, deflate, br, zstd", true},
		{"Accept-Encoding: br;q=1.0, GZIP;q=0.5", true},
		{"Accept-Encoding: x-gzip", true},
		{"Accept-Encoding: gzip;q=0", false},
		{"Accept-Encoding: gzip; q=0.000", false},
		{"Accept-Encoding: identity", false},
		{"Accept-Encoding: br, *", true},
		{"Accept-Encoding: *;q=0", false},
		{"Accept-Encoding: *, gzip;q=0", false},
		{"Accept-Encoding: gzip;q=bad", false},
	}
	files := []struct {
		target, name string
		page         bool // HTML: the live server rewrites it
		packs        bool
	}{
		{"/en/", "en/index.html", true, true},
		{"/en/nope/", "404.html", true, true},
		{"/en/css/site.0123abcd.css", "en/css/site.0123abcd.css", false, true},
		{"/en/index.xml", "en/index.xml", false, true},
		{"/robots.txt", "robots.txt", false, true},
		{"/media/brief.pdf", "media/brief.pdf", false, false},
	}
	for _, live := range []bool{false, true} {
		h := Memory(func() *Snapshot { return snap })
		if live {
			h = newTestLive(t, newFake(step{snap: snap}))
		}
		addr := startServer(t, h)
		for _, f := range files {
			for _, a := range accepts {
				for _, method := range []string{"GET", "HEAD"} {
					var extra []string
					if a.header != "" {
						extra = append(extra, a.header)
					}
					resp, body := rawGet(t, addr, method, f.target, extra...)
					zipped := f.packs && a.gzip && !(live && f.page)
					if got := resp.Header.Get("Content-Encoding"); (got == "gzip") != zipped || (!zipped && got != "") {
						t.Errorf("live %v: %s %s with %q: Content-Encoding %q, want gzip %v", live, method, f.target, a.header, got, zipped)
					}
					vary := f.packs && !(live && f.page)
					if got := strings.Join(resp.Header.Values("Vary"), ","); (got == "Accept-Encoding") != vary {
						t.Errorf("live %v: %s %s with %q: Vary %q, want Accept-Encoding: %v", live, method, f.target, a.header, got, vary)
					}
					if method == "HEAD" {
						if body != "" {
							t.Errorf("HEAD %s: a body", f.target)
						}
						continue
					}
					if zipped {
						r, err := gzip.NewReader(strings.NewReader(body))
						if err != nil {
							t.Errorf("%s: %v", f.target, err)
							continue
						}
						b, _ := io.ReadAll(r)
						body = string(b)
					}
					want := string(raw.Files[f.name])
					if live && f.page {
						if !strings.Contains(body, want) || !strings.Contains(body, scriptURL) {
							t.Errorf("live %s with %q: %q, want %q with the reload script", f.target, a.header, body, want)
						}
					} else if body != want {
						t.Errorf("live %v: %s with %q: %q, want %q", live, f.target, a.header, body, want)
					}
				}
			}
		}
	}
}

// TestPackedCSSOnly: a stylesheet swap is told apart from a page change on
// packed snapshots too (the pages are compared unpacked).
func TestPackedCSSOnly(t *testing.T) {
	a, b := "css/site.aaaaaaaa.css", "css/site.bbbbbbbb.css"
	prev := packSnapshot(site(a, "one"))
	for text, want := range map[string]bool{"one": true, "two": false} {
		next := packSnapshot(site(b, text))
		next.Changed = []string{a, b, "hu/index.html", "index.html", "404.html"}
		if got := cssOnly(prev, next) != nil; got != want {
			t.Errorf("pages with %q: a swap is %v, want %v", text, got, want)
		}
	}
}

// TestPacer checks the memory limit serve sets after its rebuilds: above
// what the process holds, not twice as much, put back on Close, and left
// alone with GOGC=off or a lower GOMEMLIMIT.
func TestPacer(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	// Something live to measure: 64 MB the test holds.
	hold := bytes.Repeat([]byte{1}, 64<<20)
	b := newFake(step{snap: testSnapshot(true)}, step{snap: testSnapshot(true)})
	l := NewLive(b, LiveOptions{PaceGC: true})
	l.Rebuild(nil, true)
	first := l.pacer.limit
	if got := debug.SetMemoryLimit(-1); got != first {
		t.Errorf("the process's limit is %d, the pacer set %d", got, first)
	}
	if first < 64<<20+64<<20 || first > 4*(64<<20)+256<<20 {
		t.Errorf("limit %d MB with 64 MB live", first>>20)
	}
	l.Rebuild([]string{"content/x.md"}, false)
	if l.pacer.limit > first+first/4 {
		t.Errorf("a small rebuild moved the limit from %d to %d MB", first>>20, l.pacer.limit>>20)
	}
	l.Close()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("after Close the limit is %d, want %d", got, before)
	}
	runtime.KeepAlive(hold)

	// A lower limit of the user's stays.
	debug.SetMemoryLimit(32 << 20)
	l = NewLive(newFake(step{snap: testSnapshot(true)}), LiveOptions{PaceGC: true})
	l.Rebuild(nil, true)
	if got := debug.SetMemoryLimit(-1); got != 32<<20 {
		t.Errorf("with GOMEMLIMIT 32 MiB the limit became %d", got)
	}
	l.Close()
	debug.SetMemoryLimit(before)

	// GOGC=off: the user chose; nothing is set.
	old := debug.SetGCPercent(-1)
	l = NewLive(newFake(step{snap: testSnapshot(true)}), LiveOptions{PaceGC: true})
	l.Rebuild(nil, true)
	got := debug.SetMemoryLimit(-1)
	debug.SetGCPercent(old)
	if got != before {
		t.Errorf("with GOGC=off the limit became %d", got)
	}
	l.Close()
}

package serve

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// short are timeouts small enough for a quick test.
// Each differs from the others, so that a missing one is noticed.
var short = Timeouts{ReadHeader: 200 * time.Millisecond, Read: 2 * time.Second, Write: 300 * time.Millisecond, Idle: 400 * time.Millisecond}

func startShort(t *testing.T, h http.Handler, to Timeouts) string {
	t.Helper()
	srv := httptest.NewUnstartedServer(h)
	srv.Config = NewServer(h, to)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String()
}

// closedAfter reads from c until the server closes it and returns how long that took.
func closedAfter(t *testing.T, c net.Conn, start time.Time) time.Duration {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := io.Copy(io.Discard, c)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatalf("the server kept the connection open for 5 s")
	}
	return time.Since(start)
}

// TestCutOff checks that connections that send nothing, half a request, or a
// request a byte at a time are closed once the header timeout has passed,
// and that an idle kept-alive connection is closed after the idle timeout.
func TestCutOff(t *testing.T) {
	addr := startShort(t, Handler(writeSite(t, false)), short)
	full := "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n"
	tests := []struct {
		name  string
		send  func(c net.Conn)
		limit time.Duration
	}{
		{"nothing sent", func(net.Conn) {}, short.ReadHeader},
		{"half a request line", func(c net.Conn) { io.WriteString(c, "GET /en/ HT") }, short.ReadHeader},
		{"headers without the blank line", func(c net.Conn) { io.WriteString(c, "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n") }, short.ReadHeader},
		{"a byte every 20 ms", func(c net.Conn) {
			for i := range len(full) {
				if _, err := c.Write([]byte{full[i]}); err != nil {
					return
				}
				time.Sleep(20 * time.Millisecond)
			}
		}, short.ReadHeader},
		{"idle after one request", func(c net.Conn) {
			io.WriteString(c, full)
		}, short.Idle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			start := time.Now()
			go tt.send(c)
			took := closedAfter(t, c, start)
			// Closed by the timeout, not before it; the upper bound is loose
			// for a loaded machine.
			if took < tt.limit*3/4 || took > tt.limit+time.Second {
				t.Errorf("closed after %v, want about %v", took, tt.limit)
			}
		})
	}
}

// TestWriteTimeout checks that a client that stops reading a large file does
// not hold the server past the write timeout.
func TestWriteTimeout(t *testing.T) {
	dir := writeSite(t, false)
	big := bytes.Repeat([]byte("0123456789abcdef"), 4<<20) // 64 MB: more than the socket buffers hold
	if err := os.WriteFile(filepath.Join(dir, "big.pdf"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	addr := startShort(t, Handler(dir), short)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /big.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	time.Sleep(short.Write + 500*time.Millisecond) // read nothing
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	n, _ := io.Copy(io.Discard, c)
	if n >= int64(len(big)) {
		t.Errorf("the server sent all %d bytes to a client that stopped reading for longer than the write timeout", n)
	}
}

// TestStream checks that a handler that calls Stream keeps its response
// open past the read and write timeouts (as Server-Sent Events will), while
// the same handler without it is cut off at the write timeout.
func TestStream(t *testing.T) {
	to := Timeouts{ReadHeader: 100 * time.Millisecond, Read: 200 * time.Millisecond, Write: 200 * time.Millisecond}
	for _, tt := range []struct {
		name string
		lift func(http.ResponseWriter) error
		want string
	}{
		{"Stream", Stream, "0,1,2,3"},
		{"nothing lifted", nil, "0,1"}, // the third event is due after 300 ms
	} {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if tt.lift != nil {
				if err := tt.lift(w); err != nil {
					t.Error(err)
				}
			}
			w.Header().Set("Content-Type", "text/event-stream")
			for i := range 4 {
				fmt.Fprintf(w, "data: %d\n\n", i)
				http.NewResponseController(w).Flush()
				select {
				case <-time.After(150 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
			}
		})
		addr := startShort(t, h, to)
		resp, err := http.Get("http://" + addr + "/events")
		if err != nil {
			t.Fatal(err)
		}
		var events []string
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if line, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				events = append(events, line)
			}
		}
		resp.Body.Close()
		if got := strings.Join(events, ","); got != tt.want {
			t.Errorf("%s: events %q, want %q", tt.name, got, tt.want)
		}
	}
}

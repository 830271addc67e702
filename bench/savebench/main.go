// Command savebench measures dissem serve the way an editor meets it: it
// starts the real server on a site, and for each save writes a document
// (its body, or its title), waits for the reload event on the live
// server's event stream, fetches the page and checks the new text is in
// it. It prints the median and 95th percentile of the time from the write
// to the checked page, and serve's memory (resident set) after the saves.
//
//	go run ./bench/savebench -bin bin/dissem -site /tmp/dissem-bench/10000/site -saves 20
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	bin := flag.String("bin", "bin/dissem", "the dissem binary")
	site := flag.String("site", "", "the site folder (bench/gencorpus's site/)")
	saves := flag.Int("saves", 20, "saves of each kind")
	memSaves := flag.Int("mem-saves", 0, "after the timed saves, this many more body saves, printing serve's memory at the half and at the end")
	flag.Parse()
	if err := run(*bin, *site, *saves, *memSaves); err != nil {
		fmt.Fprintln(os.Stderr, "savebench:", err)
		os.Exit(1)
	}
}

func run(bin, site string, saves, memSaves int) (err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--source", site, "--addr", addr)
	// serve's own lines ("rebuilt in …") are shown only when something fails.
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	defer func() {
		if err != nil {
			os.Stderr.Write(log.Bytes())
		}
	}()
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	// A Hungarian guide, as BenchmarkRebuild edits.
	docs, _ := filepath.Glob(filepath.Join(site, "content", "guides", "*.hu.md"))
	if len(docs) == 0 {
		return fmt.Errorf("no Hungarian guide in %s", site)
	}
	slices.Sort(docs)
	file := docs[0]
	base := strings.TrimSuffix(filepath.Base(file), ".hu.md")
	page := "http://" + addr + "/hu/guides/" + base + "/"
	orig, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	defer os.WriteFile(file, orig, 0o644)
	start := time.Now()
	var body string
	for {
		if body, err = get(page); err == nil {
			break
		}
		if time.Since(start) > 30*time.Minute {
			return fmt.Errorf("the server did not answer: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	fmt.Printf("first build and page: %.1f s\n", time.Since(start).Seconds())
	version := regexp.MustCompile(`data-version="(\d+)"`).FindStringSubmatch(body)
	if version == nil {
		return fmt.Errorf("the page has no live version (data-version)")
	}
	resp, err := http.Get("http://" + addr + "/_dissem/events?since=" + version[1])
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- ev
			}
		}
		close(events)
	}()
	title := regexp.MustCompile(`(?m)^title: .*$`)
	save := func(data []byte, want string) (time.Duration, error) {
		t0 := time.Now()
		if err := os.WriteFile(file, data, 0o644); err != nil {
			return 0, err
		}
		select {
		case ev, ok := <-events:
			if !ok || ev != "reload" {
				return 0, fmt.Errorf("event %q, want reload", ev)
			}
		case <-time.After(2 * time.Minute):
			return 0, fmt.Errorf("no reload event")
		}
		body, err := get(page)
		if err != nil {
			return 0, err
		}
		if !strings.Contains(body, want) {
			return 0, fmt.Errorf("the page does not show %q", want)
		}
		return time.Since(t0), nil
	}
	for _, kind := range []string{"body", "title"} {
		var times []time.Duration
		for i := range saves {
			w := fmt.Sprintf("szerkesztés%d%s", i, kind)
			data := append(bytes.Clone(orig), "\n\n"+w+"\n"...)
			if kind == "title" {
				data = title.ReplaceAll(orig, []byte(`title: "`+w+`"`))
			}
			d, err := save(data, w)
			if err != nil {
				return fmt.Errorf("%s save %d: %v", kind, i+1, err)
			}
			times = append(times, d)
			time.Sleep(100 * time.Millisecond) // an editor types between saves
		}
		slices.Sort(times)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		fmt.Printf("save %s → page: median %.1f ms, p95 %.1f ms (%d saves)\n", kind, ms(times[len(times)/2]), ms(times[len(times)*95/100]), len(times))
	}
	for i := range memSaves {
		w := fmt.Sprintf("mem%d", i)
		if _, err := save(append(bytes.Clone(orig), "\n\n"+w+"\n"...), w); err != nil {
			return fmt.Errorf("save %d: %v", i+1, err)
		}
		if i+1 == memSaves/2 || i+1 == memSaves {
			fmt.Printf("serve after %d more saves: %s\n", i+1, memory(cmd.Process.Pid))
		}
	}
	return nil
}

func get(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: %s", url, resp.Status)
	}
	return string(b), err
}

// memory is the process's resident set now and at its peak (Linux).
func memory(pid int) string {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "unknown"
	}
	var parts []string
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && (k == "VmRSS" || k == "VmHWM") {
			parts = append(parts, k+" "+strings.TrimSpace(v))
		}
	}
	return strings.Join(parts, ", ")
}

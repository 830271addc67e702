//go:build e2e

package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The dissem binary the serve tests run, built once.
var (
	dissemOnce sync.Once
	dissemBin  string
	dissemErr  error
)

// dissemBinary builds cmd/dissem into a temporary folder.
func dissemBinary(t *testing.T) string {
	t.Helper()
	dissemOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dissem-e2e-bin-")
		if err != nil {
			dissemErr = err
			return
		}
		dissemBin = filepath.Join(dir, "dissem")
		cmd := exec.Command("go", "build", "-o", dissemBin, "./cmd/dissem")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			dissemErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if dissemErr != nil {
		t.Fatal(dissemErr)
	}
	return dissemBin
}

// sampleSource copies the sample site's sources (not its output) into a
// temporary folder that the test may edit.
func sampleSource(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, name := range []string{"content", "templates", "static"} {
		if err := os.CopyFS(filepath.Join(dir, name), os.DirFS(filepath.Join(repoRoot, name))); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "site.yaml"))
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var servingLine = regexp.MustCompile(`on (http://127\.0\.0\.1:\d+)/`)

// startDissemServe runs `dissem serve` over src on a free port and returns
// its address; it is stopped with Ctrl+C when the test ends, and must then
// stop by itself.
func startDissemServe(t *testing.T, src string) (string, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(dissemBinary(t), "serve", "--source", src, "--port", "0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("dissem serve after Ctrl+C: %v\n%s", err, stderr.String())
			}
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			t.Errorf("dissem serve did not stop within 10 s of Ctrl+C")
		}
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case u := <-found:
		return u, &stderr
	case <-time.After(time.Minute):
		t.Fatalf("dissem serve printed no address within a minute\n%s", stderr.String())
		return "", nil
	}
}

// waitFor polls js in the tab until it is true. Errors are expected while
// the page reloads (its JavaScript context goes away) and are retried.
func waitFor(t *testing.T, ctx context.Context, what, js string) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := start.Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && ok {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 30 s (last error: %v)", what, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// editFile replaces old with new in file, as an editor's save would.
func editFile(t *testing.T, file, old, new string) {
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

// listening waits until the page's reload script is connected.
const listening = `!!window.dissemEvents && window.dissemEvents.readyState === 1`

// TestServeEditorLoop is the "done when": dissem serve on the
// sample site, a Hungarian case study edited in a text editor, Chromium
// reloading by itself with the change, a broken date shown in the overlay
// at its line, the fix taking the overlay away, and a stylesheet change
// swapped in without a reload.
func TestServeEditorLoop(t *testing.T) {
	ctx := tab(t)
	watchCSP(t, ctx)
	src := sampleSource(t)
	u, stderr := startDissemServe(t, src)
	file := filepath.Join(src, "content", "case-studies", "tetemvar.hu.md")
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/hu/case-studies/tetemvar/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the reload script connects", listening)

	// 1. An edit of the body: the page reloads by itself and shows it.
	eval[bool](t, ctx, `window.notReloaded = true`)
	editFile(t, file, "\n---\n", "\n---\n\nSzerkesztői mentés után megjelent mondat.\n")
	took := waitFor(t, ctx, "the new sentence in the page",
		`!window.notReloaded && document.body.innerText.includes("Szerkesztői mentés után megjelent mondat.")`)
	t.Logf("save to new text in Chromium: %v", took.Round(time.Millisecond))

	// 2. A broken date: the overlay points at the line.
	waitFor(t, ctx, "the reload script reconnects", listening)
	editFile(t, file, "date: 2023-01-31", "date: 2023-13-31")
	waitFor(t, ctx, "the overlay", `!!document.getElementById("dissem-problems")`)
	text := eval[string](t, ctx, `document.getElementById("dissem-problems").innerText`)
	for _, want := range []string{"tetemvar.hu.md:4:7", `want a date like 2024-05-31, got "2023-13-31"`, "4 | date: 2023-13-31"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overlay does not say %q:\n%s", want, text)
		}
	}
	if role := eval[string](t, ctx, `document.getElementById("dissem-problems").getAttribute("role")`); role != "alert" {
		t.Errorf("the overlay's role is %q", role)
	}
	// Styled by the served stylesheet (no inline style under the policy).
	if pos := eval[string](t, ctx, `getComputedStyle(document.getElementById("dissem-problems")).position`); pos != "fixed" {
		t.Errorf("the overlay is not styled: position %q", pos)
	}
	if !eval[bool](t, ctx, `document.body.innerText.includes("Szerkesztői mentés után megjelent mondat.")`) {
		t.Error("under the overlay is not the last good version")
	}

	// 3. Fixed: the overlay goes by itself.
	waitFor(t, ctx, "the reload script reconnects", listening)
	editFile(t, file, "date: 2023-13-31", "date: 2023-01-31")
	waitFor(t, ctx, "the overlay goes", `document.readyState === "complete" && !document.getElementById("dissem-problems") && document.body.innerText.includes("Tetemvár")`)

	// 4. A stylesheet change is swapped in: the page keeps its state.
	waitFor(t, ctx, "the reload script reconnects", listening)
	eval[bool](t, ctx, `window.keptState = 42; true`)
	css := filepath.Join(src, "static", "css", "site.css")
	data, err := os.ReadFile(css)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(css, append(data, "\n:root{--dissem-e2e:7px}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the new stylesheet", `getComputedStyle(document.documentElement).getPropertyValue("--dissem-e2e").trim() === "7px"`)
	if got := eval[int](t, ctx, `window.keptState || 0`); got != 42 {
		t.Errorf("the page reloaded for a stylesheet change (a variable set before is %d)", got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('link[rel="stylesheet"][href^="/css/site."]').length`); n != 1 {
		t.Errorf("%d site stylesheets after the swap, want 1", n)
	}

	if v := violations(t, ctx); len(v) > 0 {
		t.Errorf("Content-Security-Policy violations: %q", v)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("dissem serve wrote public/")
	}
	t.Logf("dissem serve printed:\n%s", stderr.String())
}

// TestServeOverlayAccessible runs axe on a page under the overlay, on the
// page served before any good build, and on the translation status page.
func TestServeOverlayAccessible(t *testing.T) {
	axe := axeSource(t)
	ctx := tab(t)
	check := func(u string, pages ...string) {
		t.Helper()
		for _, page := range pages {
			msgs, err := axeCheck(ctx, axe, u+page, page)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range msgs {
				t.Error(m)
			}
		}
	}

	// A page under the overlay, and the status page.
	src := sampleSource(t)
	file := filepath.Join(src, "content", "case-studies", "tetemvar.hu.md")
	u, _ := startDissemServe(t, src)
	if err := chromedp.Do(ctx, chromedp.Navigate(u+"/hu/case-studies/tetemvar/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the reload script connects", listening)
	editFile(t, file, "date: 2023-01-31", "date: 2023-13-31")
	waitFor(t, ctx, "the overlay", `!!document.getElementById("dissem-problems")`)
	check(u, "/hu/case-studies/tetemvar/", "/_status/")
	if !eval[bool](t, ctx, `document.querySelector("table caption") !== null`) {
		t.Error("the status page has no table")
	}

	// The page served before the first good build.
	u, _ = startDissemServe(t, src)
	check(u, "/hu/")
	if !eval[bool](t, ctx, `document.body.innerText.includes("tetemvar.hu.md:4:7")`) {
		t.Error("the page before the first good build does not show the problem")
	}
}

//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath is Debian's Chromium, which scripts/e2e-setup.sh installs.
const chromiumPath = "/usr/bin/chromium"

// One Chromium serves every test: starting it costs more than a page.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel = func() {}
	profileDir    string
)

func startBrowser() {
	profileDir, browserErr = os.MkdirTemp("", "dissem-e2e-chromium-")
	if browserErr != nil {
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	browserCancel = func() { cancelBrowser(); cancelAlloc() }
	// Start it now, so the first test does not pay for it inside its timeout.
	browserErr = chromedp.Do(ctx)
	browserCtx = ctx
}

func stopBrowser() {
	browserCancel()
	if profileDir != "" {
		os.RemoveAll(profileDir)
	}
}

// tab opens a new tab for t, closed when t ends. When t has failed by then,
// a screenshot of the tab goes to e2e/screenshots/<test name>.png.
func tab(t *testing.T) context.Context {
	t.Helper()
	need(t, "Chromium ("+chromiumPath+")", exists(chromiumPath))
	browserOnce.Do(startBrowser)
	if browserErr != nil {
		t.Fatalf("starting Chromium: %v", browserErr)
	}
	ctx, cancelTab := chromedp.NewContext(browserCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() {
		if t.Failed() {
			screenshot(t, ctx)
		}
		cancelTimeout()
		cancelTab()
	})
	return ctx
}

// screenshotDir is where failures leave their screenshots (git-ignored).
func screenshotDir() string { return filepath.Join(repoRoot, "e2e", "screenshots") }

// screenshot saves what the tab shows, for the reader of a failed CI run.
func screenshot(t *testing.T, ctx context.Context) {
	dir := screenshotDir()
	name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name()) + ".png"
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100) /* 100 gives PNG */)
	if err == nil {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
	if err != nil {
		t.Logf("no screenshot: %v", err)
		return
	}
	t.Logf("screenshot of the failure: %s", filepath.Join(dir, name))
}

// open loads a page of the test server and waits until it is ready.
func open(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(server+path)); err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
}

// eval runs JavaScript in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// path is the path, query and fragment of the tab's address.
func path(t *testing.T, ctx context.Context) string {
	t.Helper()
	return eval[string](t, ctx, `location.pathname + location.search + location.hash`)
}

// follow clicks the element sel, which must lead to another page, and
// waits for that page to load.
func follow(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	before := eval[string](t, ctx, `location.href`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		t.Fatalf("click %s on %s: %v", sel, before, err)
	}
	waitNavigation(t, ctx, before)
}

// waitNavigation waits until the tab shows a loaded page other than before.
// It polls from Go, not with chromedp.Poll: the poll's JavaScript context
// dies with the old page, and that error is expected here, not a failure.
func waitNavigation(t *testing.T, ctx context.Context, before string) {
	t.Helper()
	js := fmt.Sprintf(`location.href !== %q && document.readyState === "complete"`, before)
	deadline := time.Now().Add(20 * time.Second)
	for {
		done, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err == nil && done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no new page after %s (last error: %v)", before, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

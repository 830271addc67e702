//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// axeTags are the WCAG 2.0 and 2.1 A and AA rules: what the EU Web
// Accessibility Directive asks of public-sector sites (via EN 301 549).
const axeTags = `["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]`

// axeRun runs axe-core in the page and returns one line per violated rule.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ` + axeTags + `}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, url: v.helpUrl,
    nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160), summary: n.failureSummary})), count: v.nodes.length})))`

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	URL    string `json:"url"`
	Count  int    `json:"count"`
	Nodes  []struct {
		Target  string `json:"target"`
		HTML    string `json:"html"`
		Summary string `json:"summary"`
	} `json:"nodes"`
}

// String names the rule and the elements, so the message alone says what
// to fix and where.
func (v axeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rule %s (%s): %s, %d element(s); see %s", v.ID, v.Impact, v.Help, v.Count, v.URL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t\t%s: %s\n\t\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}

// axeSource reads axe-core from node_modules, where `make e2e-setup` puts it.
func axeSource(t *testing.T) string {
	t.Helper()
	p := filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js")
	need(t, "axe-core ("+p+")", exists(p))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// axeCheck opens u, injects axe and returns its violations, each prefixed
// with the page, e.g. "/en/: rule image-alt (critical): …".
func axeCheck(ctx context.Context, axe, u, page string) ([]string, error) {
	violations, err := chromedp.Run(ctx, func(ctx context.Context, t *chromedp.Target) ([]axeViolation, error) {
		if _, err := chromedp.Navigate(u)(ctx, t); err != nil {
			return nil, err
		}
		if _, err := chromedp.Evaluate[chromedp.Void](axe)(ctx, t); err != nil {
			return nil, fmt.Errorf("injecting axe-core: %w", err)
		}
		return chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise)(ctx, t)
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", page, err)
	}
	var msgs []string
	for _, v := range violations {
		msgs = append(msgs, page+": "+v.String())
	}
	return msgs, nil
}

// TestAccessibility runs axe on every page of the site, in the light and
// the dark colour scheme (prefers-color-scheme). It also watches the
// network: no page may make a request to another host.
func TestAccessibility(t *testing.T) {
	axe := axeSource(t)
	var pages []pageRef
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range allPages(t) {
			pages = append(pages, pageRef{kind: p.kind + ", " + scheme, path: p.path})
		}
	}
	// A tab per core and scheme shares the pages (axe is CPU-bound);
	// results[i] keeps the report in page order.
	perScheme := max(min(runtime.NumCPU(), 4)/2, 1)
	tabs := 2 * perScheme
	results := make([][]string, len(pages))
	errs := make([]error, len(pages))
	offSite := make([]func() []string, tabs)
	next := map[string]chan int{"light": make(chan int), "dark": make(chan int)}
	var wg sync.WaitGroup
	for w := range tabs {
		ctx := tab(t)
		scheme := "light"
		if w%2 == 1 {
			scheme = "dark"
		}
		setScheme(t, ctx, scheme)
		offSite[w] = watchRequests(t, ctx)
		wg.Go(func() {
			for i := range next[scheme] {
				p := pages[i]
				results[i], errs[i] = axeCheck(ctx, axe, server+p.path, p.path+" ("+p.kind+")")
			}
		})
	}
	// The schemes are fed side by side: fed one after the other, the dark
	// tabs waited idle for every light page to be handed out.
	for _, scheme := range []string{"light", "dark"} {
		go func() {
			for i, p := range pages {
				if strings.HasSuffix(p.kind, ", "+scheme) {
					next[scheme] <- i
				}
			}
			close(next[scheme])
		}()
	}
	wg.Wait()

	violations := 0
	for i := range pages {
		if errs[i] != nil {
			t.Error(errs[i])
		}
		violations += len(results[i])
		for _, m := range results[i] {
			t.Error(m)
		}
	}
	t.Logf("axe-core checked %d pages against %s: %d rule violation(s)", len(pages), axeTags, violations)
	for _, list := range offSite {
		for _, r := range list() {
			t.Errorf("third-party request: %s", r)
		}
	}
}

// setScheme makes the tab report the colour scheme the reader's system
// prefers ("light" or "dark") to the pages' CSS.
func setScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
	if err != nil {
		t.Fatal(err)
	}
}

// watchRequests records every request of the tab to a host other than the
// test server's; the returned func lists them.
func watchRequests(t *testing.T, ctx context.Context) func() []string {
	t.Helper()
	own, _ := url.Parse(server)
	var mu sync.Mutex
	var off []string
	err := chromedp.Listen(ctx, func(ev any) {
		var req *network.Request
		var doc string
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			req, doc = e.Request, e.DocumentURL
		case network.EventRequestWillBeSent:
			req, doc = e.Request, e.DocumentURL
		default:
			return
		}
		u, err := url.Parse(req.URL)
		if err != nil || u.Scheme == "data" || u.Host == own.Host {
			return
		}
		mu.Lock()
		off = append(off, req.URL+" from "+doc)
		mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	return func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), off...)
	}
}

// TestAxeFindsPlantedDefects makes sure the gate bites: a page without
// lang and with an image without alt must fail with the page and the rules.
func TestAxeFindsPlantedDefects(t *testing.T) {
	axe := axeSource(t)
	ctx := tab(t)
	planted := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Planted</title></head>
<body><main><h1>Planted defects</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"></main></body></html>`)
	}))
	defer planted.Close()
	msgs, err := axeCheck(ctx, axe, planted.URL+"/planted/", "/planted/")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"/planted/: rule html-has-lang (serious)", "/planted/: rule image-alt (critical)"} {
		if !strings.Contains(got, want) {
			t.Errorf("axe missed a planted defect: want %q in\n%s", want, got)
		}
	}
	if len(msgs) != 2 {
		t.Errorf("got %d violations, want the 2 planted:\n%s", len(msgs), got)
	}
}

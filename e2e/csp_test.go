//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// watchCSP makes every page the tab loads record the Content-Security-
// Policy violations it reports. The listener is installed by the browser,
// not by the page, so the policy does not stop it.
func watchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.effectiveDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`})
	if err != nil {
		t.Fatal(err)
	}
}

// violations are the policy violations the page has reported so far.
func violations(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `window.__csp || ["the violation listener is missing"]`)
}

// Every kind of page carries the policy, and under it the site's script,
// styles, fonts and JSON-LD work without one violation.
func TestContentSecurityPolicy(t *testing.T) {
	ctx := tab(t)
	watchCSP(t, ctx)
	pages := append(pageKinds(t, "en"), sitePages...)
	pages = append(pages, pageKinds(t, "hu")[:3]...)
	for _, p := range pages {
		open(t, ctx, p.path)
		if got := eval[string](t, ctx, `(document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || ""`); !strings.Contains(got, "script-src 'self'") {
			t.Errorf("%s (%s): policy %q", p.kind, p.path, got)
		}
		// JSON-LD is data: the policy does not touch it, and it must parse.
		ld := eval[string](t, ctx, `(document.querySelector('script[type="application/ld+json"]') || {}).textContent || ""`)
		var v map[string]any
		if err := json.Unmarshal([]byte(ld), &v); err != nil || v["@context"] != "https://schema.org" {
			t.Errorf("%s (%s): JSON-LD %q: %v", p.kind, p.path, ld, err)
		}
		if v := violations(t, ctx); len(v) > 0 {
			t.Errorf("%s (%s): policy violations: %v", p.kind, p.path, v)
		}
	}

	// The site's script runs: search loads its index and lists results.
	open(t, ctx, "/en/search/?q=miskolc")
	deadline := time.Now().Add(10 * time.Second)
	for eval[int](t, ctx, `document.querySelectorAll('#search-results li').length`) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("search shows no results under the policy; violations: %v", violations(t, ctx))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if v := violations(t, ctx); len(v) > 0 {
		t.Errorf("search: policy violations: %v", v)
	}
}

// The policy bites: an inline script put into a page does not run and is
// reported, while a style attribute (how goldmark aligns table columns) is
// allowed. Without this, the test above would pass with no policy at all.
func TestContentSecurityPolicyBlocksInlineScript(t *testing.T) {
	ctx := tab(t)
	watchCSP(t, ctx)
	open(t, ctx, "/en/")
	ran := eval[bool](t, ctx, `(function () {
  window.__ran = false;
  var s = document.createElement("script");
  s.textContent = "window.__ran = true";
  document.body.appendChild(s);
  var a = document.createElement("a");
  a.setAttribute("onclick", "window.__ran = true");
  document.body.appendChild(a);
  a.click();
  var td = document.createElement("td");
  td.setAttribute("style", "text-align:right");
  document.body.appendChild(td);
  return window.__ran;
})()`)
	if ran {
		t.Error("an inline script ran under the policy")
	}
	// Violations are reported asynchronously.
	var v []string
	for i := 0; i < 40 && len(v) < 2; i++ {
		time.Sleep(25 * time.Millisecond)
		v = violations(t, ctx)
	}
	if len(v) != 2 {
		t.Errorf("violations %v, want the inline script and the event handler", v)
	}
	for _, s := range v {
		if strings.HasPrefix(s, "style-src") {
			t.Errorf("a style attribute was refused: %s", s)
		}
	}
	if got := eval[string](t, ctx, `getComputedStyle(document.body.lastElementChild).textAlign`); got != "right" {
		t.Errorf("a style attribute did not apply: text-align %q", got)
	}
}

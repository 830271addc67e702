//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The reader's journeys, in the order a first visit takes them.

func TestChooseLanguage(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/")
	for _, lang := range []string{"en", "hu", "sk"} {
		if n := eval[int](t, ctx, fmt.Sprintf(`document.querySelectorAll('.choose-lang a[hreflang=%q]').length`, lang)); n != 1 {
			t.Errorf("the chooser has %d links to %s, want 1", n, lang)
		}
	}
	// site.js marks the browser's language (en-US here) without redirecting.
	if got := eval[string](t, ctx, `(document.querySelector('.choose-lang a.suggested') || {}).hreflang || ""`); got != "en" {
		t.Errorf("the chooser suggests %q, want en for an en-US browser", got)
	}
	follow(t, ctx, `.choose-lang a[hreflang="hu"]`)
	if got := path(t, ctx); got != "/hu/" {
		t.Errorf("choosing Magyar led to %s, want /hu/", got)
	}
	if got := eval[string](t, ctx, `document.documentElement.lang`); got != "hu" {
		t.Errorf("the Hungarian home has <html lang=%q>", got)
	}
}

func TestCaseStudySwitchLanguage(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/")
	follow(t, ctx, `.main-nav a[href="/en/case-studies/"]`)
	follow(t, ctx, `.cards a`)
	en := path(t, ctx)
	if !strings.HasPrefix(en, "/en/case-studies/") || en == "/en/case-studies/" {
		t.Fatalf("the first case study card led to %s", en)
	}
	for _, lang := range []string{"sk", "hu"} {
		follow(t, ctx, fmt.Sprintf(`.lang-switch a[hreflang=%q]`, lang))
		got := path(t, ctx)
		if !strings.HasPrefix(got, "/"+lang+"/case-studies/") {
			t.Errorf("switching to %s led to %s, want the case study in %s", lang, got, lang)
		}
		if l := eval[string](t, ctx, `document.documentElement.lang`); l != lang {
			t.Errorf("%s has <html lang=%q>, want %q", got, l, lang)
		}
		// The same document: its English alternate is where we came from.
		back := eval[string](t, ctx, `(document.querySelector('link[rel=alternate][hreflang=en]') || {}).href || ""`)
		if u, err := url.Parse(back); err != nil || u.Path != en {
			t.Errorf("%s is not the translation of %s: its English alternate is %q", got, en, back)
		}
		follow(t, ctx, `.lang-switch a[hreflang="en"]`)
		if got := path(t, ctx); got != en {
			t.Errorf("switching back to English led to %s, want %s", got, en)
		}
	}
}

// A page with no Slovak counterpart that is not a document (documents show
// their own notice: TestNotTranslatedNotice) leads to the Slovak home,
// whose notice shows by CSS :target (no JavaScript needed).
func TestMissingTranslationNotice(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/sk/")
	if shown := eval[bool](t, ctx, `getComputedStyle(document.getElementById('untranslated')).display !== 'none'`); shown {
		t.Errorf("the untranslated notice shows on /sk/ without #untranslated")
	}
	open(t, ctx, "/sk/#untranslated")
	notice := `document.getElementById('untranslated')`
	if !eval[bool](t, ctx, `getComputedStyle(`+notice+`).display !== 'none' && `+notice+`.getBoundingClientRect().height > 0`) {
		t.Errorf("the untranslated notice is hidden on /sk/#untranslated")
	}
	if text := eval[string](t, ctx, notice+`.innerText.trim()`); text == "" {
		t.Errorf("the untranslated notice is empty")
	}
	// site.js moves focus to it, so a screen reader announces it.
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "untranslated" {
		t.Errorf("focus is on #%s, want the notice", id)
	}
}

func TestFollowLinkBetweenDocuments(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/news/kosice-study-visit/")
	href := eval[string](t, ctx, `document.querySelector('.prose a[href^="/en/"]').getAttribute('href')`)
	follow(t, ctx, `.prose a[href^="/en/"]`)
	if got := path(t, ctx); got != href {
		t.Errorf("the link to %s led to %s", href, got)
	}
	if h1 := eval[string](t, ctx, `(document.querySelector('h1') || {}).innerText || ""`); h1 == "" || strings.Contains(h1, "not found") {
		t.Errorf("%s shows heading %q", href, h1)
	}
}

func TestMissingPageShows404(t *testing.T) {
	ctx := tab(t)
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(server+"/en/no-such-page/"))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 404 {
		t.Errorf("status %d, want 404", resp.Status)
	}
	// site.js sends the reader to the English 404 page, which links the
	// other languages' homes.
	waitPath(t, ctx, "/en/404.html")
	follow(t, ctx, `main a[hreflang="sk"]`)
	if got := path(t, ctx); got != "/sk/" {
		t.Errorf("the 404 page's Slovak link led to %s", got)
	}
}

// focusInfo describes the focused element and whether its focus is visible.
const focusInfo = `(() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  return {desc: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + (e.getAttribute('href') || ''),
    visible: ring && onScreen, inNav: !!e.closest('.main-nav'), href: e.getAttribute('href') || ''};
})()`

type focused struct {
	Desc    string `json:"desc"`
	Visible bool   `json:"visible"`
	InNav   bool   `json:"inNav"`
	Href    string `json:"href"`
}

func press(t *testing.T, ctx context.Context, key string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
		t.Fatalf("key %q: %v", key, err)
	}
}

func TestKeyboardOnly(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/case-studies/")
	press(t, ctx, kb.Tab)
	f := eval[focused](t, ctx, focusInfo)
	if !strings.Contains(f.Desc, "skip-link") || !f.Visible {
		t.Fatalf("the first Tab focuses %s (focus visible: %v), want the visible skip link", f.Desc, f.Visible)
	}
	press(t, ctx, kb.Enter)
	if got := eval[string](t, ctx, `location.hash + ' ' + document.activeElement.id`); got != "#main main" {
		t.Errorf("the skip link leads to %q, want #main with focus on main", got)
	}

	// From the top, Tab reaches the main navigation, every stop visible.
	open(t, ctx, "/en/case-studies/")
	for i := 0; ; i++ {
		if i == 20 {
			t.Fatalf("the main navigation is not reached in 20 Tabs")
		}
		press(t, ctx, kb.Tab)
		f = eval[focused](t, ctx, focusInfo)
		if !f.Visible {
			t.Errorf("Tab %d: focus on %s is not visible", i+1, f.Desc)
		}
		if f.InNav && f.Href == "/en/guides/" {
			break
		}
	}
	before := eval[string](t, ctx, `location.href`)
	press(t, ctx, kb.Enter)
	waitNavigation(t, ctx, before)
	if got := path(t, ctx); got != "/en/guides/" {
		t.Errorf("Enter on the Guides link led to %s", got)
	}
}

// overflow lists the elements that stick out of the viewport on either
// side (on the left they cannot even be scrolled to), except inside a scroll box that fits (wide tables scroll on their own,
// which WCAG 1.4.10 allows).
const overflow = `(() => {
  const w = document.documentElement.clientWidth, out = [];
  const contained = e => {
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if ((o === "auto" || o === "scroll") && a.getBoundingClientRect().right <= w + 1) return true;
    }
    return false;
  };
  for (const e of document.body.querySelectorAll("*")) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || contained(e) || (r.right <= w + 1 && r.left >= -1)) continue;
    out.push(e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ").join(".") : "") + " " + (e.getAttribute("href") || "") +
      " (from " + Math.round(r.left) + " to " + Math.round(r.right) + " px)");
  }
  return {scroll: document.documentElement.scrollWidth, width: w, out: out.slice(0, 5)};
})()`

type widths struct {
	Scroll int      `json:"scroll"`
	Width  int      `json:"width"`
	Out    []string `json:"out"`
}

// With JavaScript off, a reader still chooses a language, reads, switches
// language and sees the missing-translation notice.
func TestNoJavaScript(t *testing.T) {
	ctx := tab(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/")
	// Proof that scripts are off: site.js marks the reader's language.
	if n := eval[int](t, ctx, `document.querySelectorAll('.choose-lang a.suggested').length`); n != 0 {
		t.Fatalf("site.js ran: JavaScript is not disabled")
	}
	follow(t, ctx, `.choose-lang a[hreflang="sk"]`)
	follow(t, ctx, `.main-nav a[href="/sk/case-studies/"]`)
	follow(t, ctx, `.cards a`)
	if h := eval[string](t, ctx, `document.querySelector('main h1').innerText`); h == "" {
		t.Errorf("%s has no visible heading without JavaScript", path(t, ctx))
	}
	follow(t, ctx, `.lang-switch a[hreflang="en"]`)
	if got := path(t, ctx); !strings.HasPrefix(got, "/en/case-studies/") {
		t.Errorf("the language switch led to %s without JavaScript", got)
	}
	open(t, ctx, "/en/news/kosice-study-visit/")
	follow(t, ctx, `.lang-switch a[lang="sk"]`)
	if !eval[bool](t, ctx, `getComputedStyle(document.getElementById('not-in-sk')).display !== 'none'`) {
		t.Errorf("the not-translated notice is hidden without JavaScript")
	}
	// The search page must say something useful without its script.
	open(t, ctx, "/en/search/")
	if n := eval[int](t, ctx, `document.querySelectorAll('main form, main noscript, main p').length`); n == 0 {
		t.Errorf("the search page is empty without JavaScript")
	}
}

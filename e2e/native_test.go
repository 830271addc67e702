//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// notFoundHeading is each language's 404 heading (templates/i18n).
var notFoundHeading = map[string]string{"en": "Page not found", "hu": "Az oldal nem található", "sk": "Stránka sa nenašla"}

// A missing address under a language shows that language's 404 page: the
// host serves the root 404.html (status 404), whose script sends the
// reader to /hu/404.html; every 404 page stays out of search engines.
func TestNotFoundInTheReadersLanguage(t *testing.T) {
	ctx := tab(t)
	for _, lang := range []string{"en", "hu", "sk"} {
		resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(server+"/"+lang+"/no-such-page/"))
		if err != nil {
			t.Fatal(err)
		}
		if resp.Status != 404 {
			t.Errorf("/%s/no-such-page/: status %d, want 404", lang, resp.Status)
		}
		waitPath(t, ctx, "/"+lang+"/404.html")
		if got := eval[string](t, ctx, `document.documentElement.lang`); got != lang {
			t.Errorf("/%s/404.html has <html lang=%q>", lang, got)
		}
		if h1 := eval[string](t, ctx, `document.querySelector('main h1').innerText.replace(/\u00a0/g, " ")`); h1 != notFoundHeading[lang] {
			t.Errorf("/%s/404.html: heading %q, want %q", lang, h1, notFoundHeading[lang])
		}
		if nav := eval[string](t, ctx, `document.querySelector('.main-nav').getAttribute('aria-label')`); lang != "en" && nav == "Main" {
			t.Errorf("/%s/404.html: the navigation is English", lang)
		}
		checkNoIndex(t, ctx, "/"+lang+"/404.html")
		// Its way home is in its language.
		if href := eval[string](t, ctx, `document.querySelector('.not-found-links a').getAttribute('href')`); href != "/"+lang+"/" {
			t.Errorf("/%s/404.html: the first link leads to %s", lang, href)
		}
	}
	// Without a language in the address the root 404 page speaks all three.
	open(t, ctx, "/nowhere")
	time.Sleep(300 * time.Millisecond) // the script would have moved on by now
	if got := path(t, ctx); got != "/nowhere" {
		t.Errorf("/nowhere led to %s", got)
	}
	for lang, h := range notFoundHeading {
		if n := eval[int](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('main h1 [lang=%q]')].filter(e => e.innerText.replace(/\u00a0/g, " ") === %q).length`, lang, h)); n != 1 {
			t.Errorf("the root 404 page lacks the %s heading %q", lang, h)
		}
	}
	checkNoIndex(t, ctx, "/nowhere")
}

// checkNoIndex fails unless the page asks search engines not to index it
// and names no canonical address (a 404 has none of its own).
func checkNoIndex(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	if got := eval[string](t, ctx, `(document.querySelector('meta[name=robots]') || {}).content || ""`); got != "noindex" {
		t.Errorf("%s: robots meta %q, want noindex", page, got)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('link[rel=canonical], link[rel=alternate][hreflang]').length`); n != 0 {
		t.Errorf("%s: %d canonical or alternate links, want none", page, n)
	}
}

// waitPath waits until the tab shows path.
func waitPath(t *testing.T, ctx context.Context, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.pathname : ""`))
		if err == nil && got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("still on %q (%v), want %s", got, err, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// On a term page the switcher leads to the same term in the other
// language when it exists.
func TestTermSwitcher(t *testing.T) {
	ctx := tab(t)
	tests := []struct{ page, lang, want string }{
		{"/en/cities/miskolc/", "hu", "/hu/cities/miskolc/"},
		{"/en/cities/miskolc/", "sk", "/sk/cities/miskolc/"},
		{"/sk/topics/byvanie/", "en", "/en/topics/housing/"},
		{"/sk/topics/byvanie/", "hu", "/hu/topics/lakhatas/"},
		{"/hu/topics/foglalkoztatas/", "sk", "/sk/topics/zamestnanost/"},
	}
	for _, tt := range tests {
		open(t, ctx, tt.page)
		follow(t, ctx, fmt.Sprintf(`.lang-switch a[lang=%q]`, tt.lang))
		if got := path(t, ctx); got != tt.want {
			t.Errorf("%s: the %s switch led to %s, want %s", tt.page, tt.lang, got, tt.want)
		}
	}
}

// A document without a Slovak version: the Slovak switch stays on it and
// shows, in Slovak, which document it is and where it can be read; with
// JavaScript off too (CSS :target).
func TestNotTranslatedNotice(t *testing.T) {
	for _, js := range []bool{true, false} {
		ctx := tab(t)
		if !js {
			if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
				t.Fatal(err)
			}
		}
		open(t, ctx, "/en/news/kosice-study-visit/")
		notice := `document.getElementById('not-in-sk')`
		if eval[bool](t, ctx, `getComputedStyle(`+notice+`).display !== 'none'`) {
			t.Errorf("the Slovak notice shows before it is asked for")
		}
		follow(t, ctx, `.lang-switch a[lang="sk"]`)
		if got := path(t, ctx); got != "/en/news/kosice-study-visit/#not-in-sk" {
			t.Fatalf("the Slovak switch led to %s", got)
		}
		if !eval[bool](t, ctx, `getComputedStyle(`+notice+`).display !== 'none'`) {
			t.Errorf("the Slovak notice is hidden (JavaScript %v)", js)
		}
		text := eval[string](t, ctx, notice+`.innerText.replace(/\u00a0/g, " ")`)
		title := eval[string](t, ctx, `document.querySelector('main h1').innerText.replace(/\u00a0/g, " ")`)
		for _, want := range []string{"nie je preložený do slovenčiny", "„" + title + "“", "English", "Magyar"} {
			if !strings.Contains(text, want) {
				t.Errorf("the Slovak notice %q does not say %q", text, want)
			}
		}
		if lang := eval[string](t, ctx, notice+`.lang`); lang != "sk" {
			t.Errorf("the Slovak notice has lang=%q", lang)
		}
		if js {
			if id := eval[string](t, ctx, `document.activeElement.id`); id != "not-in-sk" {
				t.Errorf("focus is on #%s, want the notice", id)
			}
		}
		follow(t, ctx, `#not-in-sk a[hreflang="hu"]`)
		if got := path(t, ctx); !strings.HasPrefix(got, "/hu/news/") {
			t.Errorf("the notice's Magyar link led to %s", got)
		}
	}
}

// The chooser at 320 px: one language a row, each in its own words, no
// other language's menu.
func TestChooserOnAPhone(t *testing.T) {
	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, "/")
	if n := eval[int](t, ctx, `document.querySelectorAll('.main-nav, .lang-switch').length`); n != 0 {
		t.Errorf("the chooser has a language's menu or switcher")
	}
	rows := eval[[]float64](t, ctx, `[...document.querySelectorAll('.choose-lang a')].map(a => a.getBoundingClientRect().top)`)
	for i := 1; i < len(rows); i++ {
		if rows[i] <= rows[i-1] {
			t.Errorf("the chooser's languages share a row at 320 px: %v", rows)
		}
	}
	// All three choices are on the first screen.
	if bottom := eval[float64](t, ctx, `document.querySelector('.choose-lang li:last-child').getBoundingClientRect().bottom`); bottom > 640 {
		t.Errorf("the last language ends at %.0f px, below the first screen (640 px)", bottom)
	}
	checkFits(t, ctx, pageRef{"language chooser", "/"}, "320 px")
}

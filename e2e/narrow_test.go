//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneWidths are the narrowest phones still sold (320 px) and the most
// common small Android width (360 px).
var phoneWidths = []int64{320, 360}

// fallbackFont is what a phone without the site's fonts shows instead:
// DejaVu Sans, Debian's default sans-serif and one of the widest, so a page
// that fits with it fits with the narrower fonts phones ship (Roboto, Noto
// Sans, San Francisco). scripts/e2e-setup.sh installs it (fonts-dejavu-core).
const fallbackFont = `"DejaVu Sans"`

// useFont makes every element of the page use font instead of the site's
// fonts, through the CSSOM (the page's policy forbids a <style> element, not
// a rule added to its own stylesheet). It returns the width of a long
// Hungarian word in that font and in the site's first font, so that the
// test can tell a font that is not installed (same width) from one that is.
const useFont = `((font) => {
  const c = document.createElement("canvas").getContext("2d"), word = "Célközönség Bábonyibérc";
  c.font = "16px " + font; const w = c.measureText(word).width;
  c.font = '16px "Liberation Sans"'; const site = c.measureText(word).width;
  c.font = "16px monospace"; const mono = c.measureText(word).width;
  document.styleSheets[0].insertRule("*, *::before, *::after { font-family: " + font + " !important }", document.styleSheets[0].cssRules.length);
  return {font: w, site: site, mono: mono};
})`

type fontWidths struct {
	Font float64 `json:"font"`
	Site float64 `json:"site"`
	Mono float64 `json:"mono"`
}

// narrowPages are every kind of page in every language and the pages
// outside the languages.
func narrowPages(t *testing.T) []pageRef {
	pages := append([]pageRef(nil), sitePages...)
	for _, lang := range []string{"en", "hu", "sk"} {
		pages = append(pages, pageKinds(t, lang)...)
		pages = append(pages, pageRef{"404", "/" + lang + "/404.html"})
	}
	// A document with its notice for a language it is not translated into.
	pages = append(pages, pageRef{"document with its not-translated notice", "/en/news/kosice-study-visit/#not-in-sk"})
	return pages
}

// TestNarrowViewport loads every kind of page in the three languages at 320
// and 360 px, first with the site's fonts and then with a wider fallback
// font, and fails for any element that sticks out of the screen (a reader
// would have to scroll sideways). At 320 px with the site's fonts it runs
// axe too: a table that scrolls on a phone must be reachable by keyboard
// (rule scrollable-region-focusable).
func TestNarrowViewport(t *testing.T) {
	ctx := tab(t)
	axe := axeSource(t)
	pages := narrowPages(t)
	// The site's fonts must be installed, or "the site's fonts" would be
	// the fallback twice over.
	open(t, ctx, "/en/")
	w := eval[fontWidths](t, ctx, `(`+useFont+`)('"Liberation Sans"')`)
	if w.Site == w.Mono {
		need(t, "the Liberation fonts (fonts-liberation)", false)
	}
	for _, width := range phoneWidths {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 740, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, font := range []string{"", fallbackFont} {
			label := fmt.Sprintf("%d px, site fonts", width)
			if font != "" {
				label = fmt.Sprintf("%d px, %s", width, font)
			}
			for _, p := range pages {
				if font == "" && width == phoneWidths[0] {
					msgs, err := axeCheck(ctx, axe, server+p.path, p.path+" ("+p.kind+") at "+label)
					if err != nil {
						t.Fatal(err)
					}
					for _, m := range msgs {
						t.Error(m)
					}
				} else {
					open(t, ctx, p.path)
				}
				if font != "" {
					fw := eval[fontWidths](t, ctx, `(`+useFont+`)(`+jsString(font)+`)`)
					if fw.Font == fw.Site || fw.Font == fw.Mono {
						need(t, "the fallback font "+font+" (fonts-dejavu-core)", false)
					}
				}
				checkFits(t, ctx, p, label)
			}
		}
	}
}

// checkFits fails when the page is wider than the screen or an element
// sticks out of it.
func checkFits(t *testing.T, ctx context.Context, p pageRef, label string) {
	t.Helper()
	o := eval[widths](t, ctx, overflow)
	if o.Scroll > o.Width || len(o.Out) > 0 {
		t.Errorf("%s (%s) does not fit at %s (page %d px wide); sticking out: %s", p.path, p.kind, label, o.Scroll, strings.Join(o.Out, ", "))
	}
}

// jsString quotes s for JavaScript source.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// galleryPage is the sample's event report with a gallery, videoPage its
// news item with a captioned video.
const (
	galleryPage = "/en/events/kick-off-conference/"
	videoPage   = "/hu/news/resource-centre-opens/"
)

// lightboxState is what a reader of the lightbox meets.
type lightboxState struct {
	Open     bool   `json:"open"`
	Modal    string `json:"modal"`
	Label    string `json:"label"`
	Count    string `json:"count"`
	Src      string `json:"src"`
	Alt      string `json:"alt"`
	Caption  string `json:"caption"`
	Status   string `json:"status"`   // what the live region says
	Focus    string `json:"focus"`    // the focused element: "close", "prev", "next", "link N" or its tag
	InDialog bool   `json:"inDialog"` // focus is inside the dialog
}

const lightboxJS = `(() => {
  const d = document.querySelector("dialog.lightbox"), a = document.activeElement;
  const links = Array.from(document.querySelectorAll("a.gallery-link"));
  let focus = a ? a.tagName.toLowerCase() : "";
  if (a && a === d) focus = "dialog";
  if (a && a.classList.contains("lightbox-close")) focus = "close";
  if (a && a.classList.contains("lightbox-prev")) focus = "prev";
  if (a && a.classList.contains("lightbox-next")) focus = "next";
  if (links.indexOf(a) >= 0) focus = "link " + (links.indexOf(a) + 1);
  const img = d && d.querySelector("img");
  return {open: !!(d && d.open), modal: d ? d.getAttribute("aria-modal") || "" : "", label: d ? d.getAttribute("aria-label") || "" : "",
    count: d ? d.querySelector(".lightbox-count").textContent : "", src: img ? img.src : "", alt: img ? img.alt : "",
    caption: d ? d.querySelector("figcaption").textContent : "", status: d ? d.querySelector("[role=status]").textContent : "", focus: focus, inDialog: !!(d && d.contains(a))};
})()`

func lightbox(t *testing.T, ctx context.Context) lightboxState {
	t.Helper()
	return eval[lightboxState](t, ctx, lightboxJS)
}

// linkHref is the address the gallery's n-th thumbnail (from 1) links to.
func linkHref(t *testing.T, ctx context.Context, n int) string {
	return eval[string](t, ctx, fmt.Sprintf(`document.querySelectorAll("a.gallery-link")[%d].href`, n-1))
}

// TestGalleryKeyboard: a keyboard reader opens a thumbnail with Enter, the
// dialog takes the focus (itself: the Enter's keypress must not press a
// button in it), the arrow keys go through the pictures (round
// the ends), Tab stays inside, and Escape closes it with the focus back on
// the thumbnail.
func TestGalleryKeyboard(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, galleryPage)
	n := eval[int](t, ctx, `document.querySelectorAll("a.gallery-link").length`)
	if n < 3 {
		t.Fatalf("%s has %d gallery pictures, want at least 3", galleryPage, n)
	}
	eval[bool](t, ctx, `(document.querySelectorAll("a.gallery-link")[1].focus(), true)`)
	press(t, ctx, kb.Enter)
	waitUntil(t, ctx, "the lightbox", `document.querySelector("dialog.lightbox") && document.querySelector("dialog.lightbox").open`)
	s := lightbox(t, ctx)
	if s.Modal != "true" || s.Focus != "dialog" || s.Count != fmt.Sprintf("2 / %d", n) || s.Src != linkHref(t, ctx, 2) || s.Alt == "" || s.Caption == "" || s.Label == "" {
		t.Errorf("after Enter on the second thumbnail: %+v", s)
	}
	press(t, ctx, kb.ArrowRight)
	if s = lightbox(t, ctx); s.Count != fmt.Sprintf("3 / %d", n) || s.Src != linkHref(t, ctx, 3) || s.Status != s.Count+": "+s.Alt {
		t.Errorf("after →: %+v", s)
	}
	for range 3 {
		press(t, ctx, kb.ArrowLeft)
	}
	if s = lightbox(t, ctx); s.Count != fmt.Sprintf("%d / %d", n, n) || s.Src != linkHref(t, ctx, n) {
		t.Errorf("after three ← from the third picture (round the start): %+v", s)
	}
	for i := range 5 {
		press(t, ctx, kb.Tab)
		if s = lightbox(t, ctx); !s.InDialog {
			t.Fatalf("Tab %d left the dialog: focus on %s", i+1, s.Focus)
		}
	}
	// The buttons work with the keyboard as well.
	eval[bool](t, ctx, `(document.querySelector(".lightbox-next").focus(), true)`)
	press(t, ctx, kb.Enter)
	if s = lightbox(t, ctx); s.Count != fmt.Sprintf("1 / %d", n) {
		t.Errorf("Enter on the next button after the last picture: %+v", s)
	}
	press(t, ctx, kb.Escape)
	if s = lightbox(t, ctx); s.Open || s.Focus != "link 2" {
		t.Errorf("after Escape: open %v, focus on %s, want closed with focus on link 2", s.Open, s.Focus)
	}
	// The close button too.
	press(t, ctx, kb.Enter)
	waitUntil(t, ctx, "the lightbox again", `document.querySelector("dialog.lightbox").open`)
	eval[bool](t, ctx, `(document.querySelector(".lightbox-close").focus(), true)`)
	press(t, ctx, kb.Enter)
	if s = lightbox(t, ctx); s.Open || s.Focus != "link 2" {
		t.Errorf("after the close button: %+v", s)
	}
}

// TestGalleryWithoutJavaScript: every thumbnail links to a picture the
// server has, so the gallery works with scripts off.
func TestGalleryWithoutJavaScript(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, galleryPage)
	hrefs := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("a.gallery-link")).map(a => a.href)`)
	for _, h := range hrefs {
		resp, err := http.Get(h)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "image/jpeg" && ct != "image/png" && ct != "image/webp" {
			t.Errorf("%s: %d %s", h, resp.StatusCode, ct)
		}
	}
}

// TestMediaOnAPhone: at 320 px the gallery page, the open lightbox and the
// video page fit the screen and pass axe in both colour schemes, the lightbox loads a picture sized for the
// phone, its buttons are at least 44 px and inside the screen, and axe
// finds nothing with the lightbox open.
func TestMediaOnAPhone(t *testing.T) {
	ctx := tab(t)
	axe := axeSource(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(320, 640, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	// Both colour schemes here: the whole-site axe run may not reach these
	// pages in time on a busy machine.
	for _, scheme := range []string{"dark", "light"} {
		setScheme(t, ctx, scheme)
		for _, p := range []pageRef{{"event report with a gallery", galleryPage}, {"news with a video", videoPage}} {
			msgs, err := axeCheck(ctx, axe, server+p.path, p.path+" at 320 px, "+scheme)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range msgs {
				t.Error(m)
			}
			checkFits(t, ctx, p, "320 px")
		}
	}
	open(t, ctx, galleryPage)
	eval[bool](t, ctx, `(document.querySelector("a.gallery-link").click(), true)`)
	waitUntil(t, ctx, "the lightbox", `document.querySelector("dialog.lightbox").open`)
	waitUntil(t, ctx, "the large picture", `document.querySelector("dialog.lightbox img").complete`)
	if cur := eval[string](t, ctx, `document.querySelector("dialog.lightbox img").currentSrc`); cur == linkHref(t, ctx, 1) {
		t.Errorf("the lightbox loads the largest picture on a 320 px phone (%s): it should pick a size from the thumbnail's srcset", cur)
	}
	bad := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("dialog.lightbox button:not([hidden]), dialog.lightbox img")).flatMap(e => {
	  const r = e.getBoundingClientRect(), out = [];
	  if (r.left < 0 || r.top < 0 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) out.push(e.className + " outside the screen " + JSON.stringify(r));
	  if (e.tagName === "BUTTON" && (r.width < 44 || r.height < 44)) out.push(e.className + " smaller than 44 px");
	  return out;
	})`)
	for _, b := range bad {
		t.Error("lightbox at 320 px: " + b)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](axe)); err != nil {
		t.Fatal(err)
	}
	vs := await[[]axeViolation](t, ctx, axeRun)
	for _, v := range vs {
		t.Error("lightbox open: " + v.String())
	}
}

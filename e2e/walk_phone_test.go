//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// loadPictures loads the lazy pictures of the page (a full-page screenshot
// does not scroll, so the gallery's thumbnails would be blank boxes) and
// waits until every picture is decoded; it returns the broken ones. The
// closed lightbox's picture has no address until a thumbnail is opened.
const loadPictures = `(async () => {
  const imgs = Array.from(document.images).filter(i => !i.closest(".lightbox"));
  imgs.forEach(i => { i.loading = "eager"; });
  await Promise.all(imgs.map(i => i.decode().catch(() => {})));
  return imgs.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute("src"));
})()`

// TestWalkPhoneScreenshots writes what a reader sees on a 390 px phone (the
// most common iPhone width), the whole page with its pictures loaded: the
// downloads page, a case study, the event report with the gallery and the
// news item with the video, in every language, light and dark, as
// e2e/screenshots/phone/<page>-<lang>-<scheme>-390.png (git-ignored), for
// people to look at. It fails when a page does not fit or a picture does
// not load.
func TestWalkPhoneScreenshots(t *testing.T) {
	dir := filepath.Join(screenshotDir(), "phone")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		ctx := tab(t)
		setScheme(t, ctx, scheme)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "hu", "sk"} {
			for _, p := range []struct{ name, path string }{
				{"downloads", "/" + lang + "/downloads/"},
				{"case-study", "/" + lang + "/case-studies/tetemvar/"},
				{"event-gallery", "/" + lang + "/events/kick-off-conference/"},
				{"news-video", "/" + lang + "/news/resource-centre-opens/"},
			} {
				open(t, ctx, p.path)
				if broken := await[[]string](t, ctx, loadPictures); len(broken) > 0 {
					t.Errorf("%s (%s): pictures that do not load: %q", p.path, scheme, broken)
				}
				checkFits(t, ctx, pageRef{p.name, p.path}, "390 px, "+scheme)
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, p.name+"-"+lang+"-"+scheme+"-390.png")
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("%s (%s): %s", p.path, scheme, file)
			}
		}
	}
}

//go:build e2e

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPhoneScreenshots writes what a reader sees on a 360 px phone, the
// whole page, of the downloads page, a case study and the 404 page in every
// language and of the language chooser, in
// the light and the dark scheme: e2e/screenshots/phone/<page>-<lang>-<scheme>.png
// (git-ignored), for people to look at. It fails if a page does not fit.
func TestPhoneScreenshots(t *testing.T) {
	dir := filepath.Join(screenshotDir(), "phone")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, scheme := range []string{"light", "dark"} {
		ctx := tab(t)
		setScheme(t, ctx, scheme)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2))); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "hu", "sk"} {
			caseStudy := firstChild(filepath.Join(siteDir, lang, "case-studies"))
			for name, path := range map[string]string{
				"downloads":  "/" + lang + "/downloads/",
				"case-study": "/" + lang + "/case-studies/" + caseStudy + "/",
				"404":        "/" + lang + "/404.html",
				"chooser":    "/", // the same in every language: written three times
			} {
				open(t, ctx, path)
				if dark := eval[bool](t, ctx, `matchMedia("(prefers-color-scheme: dark)").matches`); dark != (scheme == "dark") {
					t.Fatalf("%s: the page sees prefers-color-scheme dark = %v in the %s scheme", path, dark, scheme)
				}
				checkFits(t, ctx, pageRef{name, path}, "360 px, "+scheme)
				png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				file := filepath.Join(dir, name+"-"+lang+"-"+scheme+".png")
				if err := os.WriteFile(file, png, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("%s (%s): %s", path, scheme, file)
			}
		}
	}
}

//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// cutCaptions lists the table captions that stick out of the box the table
// scrolls in: a caption is as wide as its table, so a wide table's caption
// ran on past the phone's edge ("Nyelvi változatok típus és nyelv szerint,
// és a do"), and the reader had to scroll the table sideways to read what
// it is.
const cutCaptions = `Array.from(document.querySelectorAll('.table-wrap caption')).flatMap(c => {
  const r = c.getBoundingClientRect(), w = c.closest('.table-wrap').getBoundingClientRect();
  return r.right > w.right + 0.5 || r.left < w.left - 0.5 ? [c.textContent.trim() + " (" + Math.round(r.width) + " px in " + Math.round(w.width) + ")"] : [];
})`

// TestWalkTableCaptionsOnAPhone: the register's tables and a case study's
// indicators scroll sideways on a phone, but their captions wrap within the
// screen, in every language.
func TestWalkTableCaptionsOnAPhone(t *testing.T) {
	ctx := tab(t)
	for _, width := range []int64{320, 360, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 740, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"en", "hu", "sk"} {
			for _, page := range []string{"/" + lang + "/register/", "/" + lang + "/case-studies/tetemvar/"} {
				open(t, ctx, page)
				if n := eval[int](t, ctx, `document.querySelectorAll('.table-wrap caption').length`); n == 0 {
					t.Fatalf("%s has no table with a caption to check", page)
				}
				if cut := eval[[]string](t, ctx, cutCaptions); len(cut) > 0 {
					t.Errorf("%s at %d px: captions wider than the screen: %q", page, width, cut)
				}
				checkFits(t, ctx, pageRef{"table", page}, fmt.Sprintf("%d px", width))
			}
		}
	}
}

//go:build e2e

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// filterLines finds the search filters whose checkbox and text a phone
// shows on different lines ("Rendezvénybeszámoló (3) ☐" at a line's end,
// "Sajtóközlemény (1)" at the next one's start), or whose name and count
// part: a reader cannot tell which box is whose.
const filterLines = `Array.from(document.querySelectorAll('#search-filters label')).flatMap(l => {
  const box = l.querySelector('input').getBoundingClientRect();
  const r = document.createRange(); r.selectNodeContents(l);
  const lines = Array.from(r.getClientRects()).filter(x => x.width > 0);
  const text = Array.from(l.childNodes).find(n => n.nodeType === 3);
  const tr = document.createRange(); tr.selectNodeContents(text);
  const first = tr.getClientRects()[0], mid = box.top + box.height / 2;
  const fits = tr.getBoundingClientRect().width + box.width < l.closest('fieldset').clientWidth;
  const bad = mid < first.top || mid > first.bottom || (fits && tr.getClientRects().length > 1);
  return bad ? [l.textContent.trim()] : [];
})`

// TestWalkSearchFiltersOnAPhone: the filters with their counts, on the
// phones readers use, keep each checkbox on the line of its name and count.
func TestWalkSearchFiltersOnAPhone(t *testing.T) {
	ctx := tab(t)
	for _, width := range []int64{320, 360, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 740, chromedp.EmulateMobile)); err != nil {
			t.Fatal(err)
		}
		for _, page := range []string{"/hu/search/?q=felm%C3%A9r%C3%A9st", "/sk/search/?q=kosice", "/en/search/?q=miskolc"} {
			open(t, ctx, page)
			waitUntil(t, ctx, "filters", `!document.getElementById('search-filters').hidden`)
			if bad := eval[[]string](t, ctx, filterLines); len(bad) > 0 {
				t.Errorf("%s at %d px: filters split from their checkbox or count: %q", page, width, bad)
			}
			checkFits(t, ctx, pageRef{"search", page}, fmt.Sprintf("%d px", width))
		}
	}
}

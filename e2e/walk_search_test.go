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

// TestWalkSearchFiltersOnADesktop: on a desktop the filters stand beside
// the results, in the first screen, where a reader looks for them; they
// were under the ten results and the "more" button, two screens down,
// and the results ran the whole width of the page (lines of 150
// characters). The keyboard order stays: box, results, filters.
func TestWalkSearchFiltersOnADesktop(t *testing.T) {
	ctx := tab(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"/en/search/?q=survey", "/hu/search/?q=felm%C3%A9r%C3%A9st", "/sk/search/?q=kosice"} {
		open(t, ctx, page)
		waitUntil(t, ctx, "filters", `!document.getElementById('search-filters').hidden`)
		type box struct{ Top, Left, Right, Width float64 }
		f := eval[box](t, ctx, `(() => { const r = document.getElementById('search-filters').getBoundingClientRect(); return {top: r.top, left: r.left, right: r.right, width: r.width}; })()`)
		res := eval[box](t, ctx, `(() => { const r = document.getElementById('search-results').getBoundingClientRect(); return {top: r.top, left: r.left, right: r.right, width: r.width}; })()`)
		if f.Top > 800 {
			t.Errorf("%s: the filters start %.0f px down, below the first screen (800 px)", page, f.Top)
		}
		if f.Left < res.Right {
			t.Errorf("%s: the filters (from %.0f px) are not beside the results (to %.0f px)", page, f.Left, res.Right)
		}
		if res.Width > 800 {
			t.Errorf("%s: results %.0f px wide, too long a line to read", page, res.Width)
		}
		checkFits(t, ctx, pageRef{"search", page}, "1280 px")
	}
}

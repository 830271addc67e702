//go:build e2e

package e2e

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// pictureStats is what a page cost in pictures once loaded: the bytes of
// every picture fetched (lazy ones below the first screen are not), how
// many, and the cumulative layout shift so far.
type pictureStats struct {
	Bytes   float64 `json:"bytes"`
	Count   int     `json:"count"`
	CLS     float64 `json:"cls"`
	Largest string  `json:"largest"`
}

// picturesJS waits for the pictures the page loads at once, then sums
// their bytes from the resource timings and the layout shifts recorded
// since the page started (buffered: the observer sees the earlier ones).
const picturesJS = `(async () => {
  await Promise.all([...document.images].filter(i => i.loading !== "lazy")
    .map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  await new Promise(r => setTimeout(r, 300));
  const shots = performance.getEntriesByType("resource")
    .filter(e => e.initiatorType === "img" || /\.(jpe?g|png|gif|webp|svg)$/.test(new URL(e.name).pathname));
  let bytes = 0, largest = "", most = 0;
  for (const e of shots) {
    const n = e.encodedBodySize || e.transferSize;
    bytes += n;
    if (n > most) { most = n; largest = new URL(e.name).pathname; }
  }
  const o = new PerformanceObserver(() => {});
  o.observe({type: "layout-shift", buffered: true});
  let cls = 0;
  for (const e of o.takeRecords()) if (!e.hadRecentInput) cls += e.value;
  o.disconnect();
  return {bytes, count: shots.length, cls, largest};
})()`

// TestPicturesOnAPhone checks the Targets of the site's pictures on a
// 390 px phone at device pixel ratios 2 and 3: a case study page with its
// lead picture fetches ≤ 200 KB of pictures, and no page with pictures
// moves while it loads (cumulative layout shift 0: every picture has its
// width and height). bench/media.sh prints its log lines.
func TestPicturesOnAPhone(t *testing.T) {
	var pages []string
	for _, dir := range []string{"case-studies", "events"} {
		matches, _ := filepath.Glob(filepath.Join(siteDir, "en", dir, "*", "index.html"))
		for _, m := range matches {
			rel, _ := filepath.Rel(siteDir, filepath.Dir(m))
			pages = append(pages, "/"+filepath.ToSlash(rel)+"/")
		}
	}
	if len(pages) < 5 {
		t.Fatalf("pages %v: want the case studies and event reports", pages)
	}
	for _, dpr := range []float64{2, 3} {
		ctx := tab(t)
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(dpr))); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			open(t, ctx, p)
			st, err := chromedp.Run(ctx, chromedp.Evaluate[pictureStats](picturesJS, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("target: %s at 390 px, DPR %.0f: %.0f KB of pictures in %d files (largest %s), layout shift %.4f",
				p, dpr, st.Bytes/1024, st.Count, st.Largest, st.CLS)
			if st.CLS != 0 {
				t.Errorf("%s: the page moved while loading (layout shift %.4f); target 0", p, st.CLS)
			}
			if filepath.Base(filepath.Dir(p)) == "case-studies" && st.Bytes > 200*1024 {
				t.Errorf("%s at DPR %.0f: %.0f KB of pictures, target ≤ 200 KB", p, dpr, st.Bytes/1024)
			}
		}
	}
}

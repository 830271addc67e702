package site

import (
	"slices"

	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// A save that changes a document's title or summary (resolve.DisplayOnly)
// places it nowhere new, but other outputs show what changed. Which ones
// is what the digests say (digest.go): a page shows the cards of the pages
// it points to, and a card holds the idents of the pages it points to, so
// a document's front reaches the pages up to two pointers away; a feed
// shows its newest items' idents; the downloads page shows the cards of
// its language's documents that offer a file; the register, every
// document. rebody makes exactly these again (TestIncrementalIsFull
// compares the result with a full build).

// shownOn returns the pages besides fronts themselves that show the front
// of one of fronts (pages of site): those pointing to them, those pointing
// to these, and the downloads pages that list one of the first unless
// they are made when asked for (lazyWhole, lazyregister.go). ok is
// false when the site cannot tell who points where, or a document is a
// top-level page (the menu of every page shows its title).
func shownOn(site *resolve.Site, fronts []*resolve.Page, downloads resolve.Downloads, lazyWhole bool) (pages []*resolve.Page, ok bool) {
	seen := map[*resolve.Page]bool{}
	for _, p := range fronts {
		seen[p] = true
	}
	add := func(q *resolve.Page) {
		if !seen[q] {
			seen[q] = true
			pages = append(pages, q)
		}
	}
	// near are fronts and the pages pointing to them: their cards show
	// the fronts, and the pages pointing to them show those cards.
	near := slices.Clone(fronts)
	for _, p := range fronts {
		if top := site.ByLang[p.Lang].TopLevel[p.Doc.Base]; top != nil && top.Doc == p.Doc {
			return nil, false
		}
		refs, ok := site.Referrers(p)
		if !ok {
			return nil, false
		}
		for _, q := range refs {
			add(q)
			near = append(near, q)
		}
	}
	for _, q := range near[len(fronts):] {
		refs, ok := site.Referrers(q)
		if !ok {
			return nil, false
		}
		for _, x := range refs {
			add(x)
		}
	}
	if !lazyWhole {
		for _, q := range near {
			if len(downloads[q]) > 0 {
				if d := site.ByLang[q.Lang].Downloads; d != nil {
					add(d)
				}
			}
		}
	}
	return pages, true
}

// writeShownFeeds writes into w the feeds of site whose items shown
// (render.FeedItems, newest first) include one of fronts.
func writeShownFeeds(w *output.Writer, r *render.Renderer, site *resolve.Site, fronts []*resolve.Page) error {
	var shown []feedJob
	for _, job := range feedJobs(r, site, nil) {
		if job.items == nil {
			continue // a sitemap: addresses and dates only
		}
		items := job.items()
		if slices.ContainsFunc(items[:min(len(items), render.FeedItems)], func(p *resolve.Page) bool { return slices.Contains(fronts, p) }) {
			shown = append(shown, job)
		}
	}
	return runFeedJobs(w, shown, nil)
}

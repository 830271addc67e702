//go:build e2e

package e2e

import (
	"strings"
	"testing"
)

// A shared link whose filter names a value the index does not have (a
// topic renamed since, a year typed by hand) shows the results of the
// filters that exist, and the address loses the unknown one: before, it
// showed "No documents match" with no box to untick.
func TestSearchUnknownFilterValue(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/search/?q=miskolc&type=no-such-type&year=1999&topic=governance")
	waitUntil(t, ctx, "results", `document.querySelectorAll('#search-results li').length > 0`)
	waitUntil(t, ctx, "filters", `!document.getElementById('search-filters').hidden`)
	if got := path(t, ctx); strings.Contains(got, "no-such-type") || strings.Contains(got, "1999") || !strings.Contains(got, "topic=governance") {
		t.Errorf("address %s: want the unknown values dropped and topic=governance kept", got)
	}
	if !eval[bool](t, ctx, `document.querySelector('#search-filters input[name=topic][value=governance]').checked`) {
		t.Error("the known filter is not ticked")
	}
}

// A query word that names something every JavaScript object has
// ("constructor", "valueOf") finds the documents holding it, as
// builder/search's Engine does: the page looked such words up in what
// objects inherit and dropped them. The shard holding "constructor" is
// made up here; the sample has no such word.
func TestSearchWordsObjectsInherit(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/search/")
	got := await[[]int](t, ctx, `(async () => {
		const real = window.fetch;
		const shard = {version: 1, t: {constructor: {d: "A", i: "_", m: 1}}, f: {constructors: "constructor"}, p: {}, x: {}};
		window.fetch = (u, o) => /\/s\/_636f6e\.json$/.test(u) ? Promise.resolve(new Response(JSON.stringify(shard))) : real(u, o);
		const out = [];
		for (const q of ["constructor", "constructors", "valueof", "hasownproperty"]) { out.push((await window.dissemSearch.search(q)).hits.length); }
		return out;
	})()`)
	if len(got) != 4 || got[0] != 1 || got[1] != 1 || got[2] != 0 || got[3] != 0 {
		t.Errorf("hits for constructor, constructors, valueof, hasownproperty: %v, want [1 1 0 0]", got)
	}
}

// TestSearchCompatForms: the page finds with a query typed with a
// ligature or full-width letters what it finds with the plain one (as the
// index and builder/search's Engine do), and a footnote's back-arrow with
// its variation selector is no word to look up.
func TestSearchCompatForms(t *testing.T) {
	ctx := tab(t)
	open(t, ctx, "/en/search/")
	got := await[[]int](t, ctx, `(async () => {
		const out = [];
		for (const q of ["financial fieldwork", "ﬁnancial ﬁeldwork", "miskolc", "Ｍｉｓｋｏｌｃ", "↩\ufe0e"]) { out.push((await window.dissemSearch.search(q)).hits.length); }
		return out;
	})()`)
	if len(got) != 5 || got[0] == 0 || got[1] != got[0] || got[2] == 0 || got[3] != got[2] || got[4] != 0 {
		t.Errorf("hits for plain, ligatures, plain, full-width, back-arrow: %v; want the odd forms to equal the plain ones, the arrow none", got)
	}
}

package site

import (
	"reflect"
	"slices"
	"testing"

	"github.com/4im-project/dissem/builder/resolve"
)

// digested are the fields of resolve.Page the digests of digest.go stand
// for, and how: a field added to Page fails TestDigestCoversPage until it
// is digested and listed here.
var digested = []string{
	"Kind", "Lang", "Path", "URL", "Title", "Summary", "Date", "Section", "Key", "Slug", "Taxonomy", // ident
	"Doc", "Meta", // ident: the document's front matter and path (docEntry.front)
	"Body", "HTML", // page: the document's file (docEntry.sum)
	"LinkDests",                                      // page
	"Alternates", "Terms", "TermList", "Attachments", // card
	"Pager",                                                                  // card
	"Toolkit", "Prev", "Next", "Guides", "Items", "Toolkits", "Translations", // refs
	"termPos", // positions for messages only
	"idx",     // the page's place in Site.Pages, the same in every site WithBodies makes
}

func TestDigestCoversPage(t *testing.T) {
	typ := reflect.TypeOf(resolve.Page{})
	var fields []string
	for i := range typ.NumField() {
		fields = append(fields, typ.Field(i).Name)
		if !slices.Contains(digested, typ.Field(i).Name) {
			t.Errorf("resolve.Page.%s is new: add it to the digests in digest.go and to digested", typ.Field(i).Name)
		}
	}
	for _, f := range digested {
		if !slices.Contains(fields, f) {
			t.Errorf("resolve.Page has no field %s any more: take it out of digested", f)
		}
	}
}

// siteDigested are the fields of resolve.Lang and resolve.Site that the
// digests stand for (siteWide, the downloads page, feeds, the search
// index), or that templates reach only through pages; a new field fails
// TestDigestCoversSite until it is considered.
var siteDigested = []string{
	"Lang.Code", "Lang.Home", "Lang.Sections", "Lang.Taxonomy", "Lang.TopLevel", "Lang.Search", "Lang.Downloads", // siteWide
	"Lang.Register", "Lang.Reuse", // siteWide; the register page: every document (page)
	"Lang.Docs",                    // downloads page, feeds, search index
	"Lang.Toolkits",                // the home page's Toolkits
	"Site.Config", "Site.BasePath", // a full rebuild when site.yaml changes
	"Site.Pages", "Site.Docs", "Site.ByLang", // the pages' digests
	"Site.Media", // media files, kept by path unless changed
	"Site.urls",
	"Site.patch", // what WithBodies reads: the same site, with bodies swapped in
}

func TestDigestCoversSite(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeOf(resolve.Lang{}), reflect.TypeOf(resolve.Site{})} {
		for i := range typ.NumField() {
			if name := typ.Name() + "." + typ.Field(i).Name; !slices.Contains(siteDigested, name) {
				t.Errorf("resolve.%s is new: add it to the digests in digest.go and to siteDigested", name)
			}
		}
	}
}

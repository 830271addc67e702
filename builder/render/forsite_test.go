package render

import (
	"reflect"
	"slices"
	"testing"
)

// forSiteCarries are the fields of parsed that ForSite sets; cached and
// depth belong to the templates' partialCached, which stays bound to the
// Renderer New made. A new field fails TestForSiteCarriesParsed until
// ForSite considers it.
var forSiteCarries = []string{"site", "cat", "assets", "byKind", "tmplDir", "content", "picture", "av", "cached", "depth"}

func TestForSiteCarriesParsed(t *testing.T) {
	typ := reflect.TypeOf(parsed{})
	for i := range typ.NumField() {
		if name := typ.Field(i).Name; !slices.Contains(forSiteCarries, name) {
			t.Errorf("parsed.%s is new: give it to the copy ForSite makes and add it to forSiteCarries", name)
		}
	}
}

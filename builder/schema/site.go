package schema

import (
	"sort"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// CheckSite checks what site.yaml says about the content model, once, at
// site.yaml's lines: that each folder of "sections" names a content type
// (otherwise every file of the folder would be blamed for it), and that each
// taxonomy is a list field of the front matter (otherwise no document can
// have terms in it).
func CheckSite(cfg *config.Config) diag.List {
	var d diag.List
	folders := make([]string, 0, len(cfg.Sections))
	for f := range cfg.Sections {
		folders = append(folders, f)
	}
	sort.Strings(folders)
	for _, f := range folders {
		if t := cfg.Sections[f]; !known(t) {
			d.Errorf(cfg.Pos("sections."+f), "field \"sections\", %q: want one of %s, got %q", f, strings.Join(Types, ", "), t)
		}
	}
	for i, tax := range cfg.Taxonomies {
		if !listField(tax) {
			d.Errorf(cfg.Pos("taxonomies."+strconv.Itoa(i)), "field \"taxonomies\": %q is not a list field of the front matter, so no document can have terms in it; use list fields such as topics, partners, cities or authors", tax)
		}
	}
	return d
}

// listField reports whether the front-matter field name takes a list of
// texts, by decoding one with the field's own decoder.
func listField(name string) bool {
	f := fieldIndex[name]
	if f == nil || name == "type" {
		return false
	}
	var d diag.List
	list := &content.Value{Kind: content.List, Items: []*content.Value{{Kind: content.Scalar, Text: "x"}}}
	f.decode(name, list, &Meta{Pos: map[string]diag.Pos{}}, &d)
	return !d.HasErrors()
}

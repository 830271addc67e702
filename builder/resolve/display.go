package resolve

import (
	"reflect"

	"github.com/4im-project/dissem/builder/schema"
)

// DisplayOnly reports whether front matter b differs from a only in fields
// that a page shows and no relation is made of: the title, the summary and
// the texts of a type's boxes (audience, steps, recommendations, outcomes,
// organisers, place, participants) and the picture's alt text and credit.
// Resolve reads none of them to place a document (its URL, translations,
// toolkit, terms, lists and their order are made of the other fields), so
// WithBodies may swap them in. Every other field, and where each field was
// written (messages point there), must be equal; a field added to
// schema.Meta is so on the safe side until it is listed here.
func DisplayOnly(a, b *schema.Meta) bool {
	if a == nil || b == nil {
		return false
	}
	x, y := *a, *b
	for _, m := range []*schema.Meta{&x, &y} {
		m.Title, m.Summary = "", ""
		m.Audience, m.Steps, m.Recommendations, m.Outcomes = "", nil, nil, nil
		m.Organisers, m.Location, m.Participants = nil, "", 0
		m.ImageAlt, m.ImageCredit = "", ""
	}
	return reflect.DeepEqual(x, y)
}

// Referrers returns the pages of s that point to p (as an item of a list,
// a toolkit's guide or a guide's toolkit, a neighbour, a translation), in
// the order of Site.Pages: the pages that show p's title and summary. ok
// is false when s was not made by Resolve or WithBodies, or p is not one
// of its pages.
func (s *Site) Referrers(p *Page) (refs []*Page, ok bool) {
	pd := s.patch
	if pd == nil || s.Current(p) != p {
		return nil, false
	}
	pd.graph.once.Do(func() { pd.graph.build(s) })
	if !pd.graph.ok {
		return nil, false
	}
	for _, j := range pd.graph.refBy[p.idx] {
		refs = append(refs, s.Pages[j])
	}
	return refs, true
}

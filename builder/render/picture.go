package render

import (
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
)

// LeadPicture is a document's front-matter picture (image:, image_alt:,
// image_credit:) as templates show it: above the text, on its list card,
// as og:image and in JSON-LD.
type LeadPicture struct {
	*markdown.Picture
	// Alt describes it; Credit names who made it ("Photo: …"), or "".
	Alt, Credit string
	// Abs is the absolute address of its largest size, for og:image.
	Abs string
}

// LeadSizes and CardSizes are the sizes attributes of a lead picture (the
// text column, as in the body) and of a card's (a grid column of at least
// 16rem; one column on a phone).
const (
	LeadSizes = markdown.Sizes
	CardSizes = "(min-width: 40rem) 20rem, calc(100vw - 4rem)"
)

// Lead returns the page's front-matter picture, nil when it has none or
// the build cannot show it (the build reports why).
func (v *View) Lead() *LeadPicture {
	if v.r.picture == nil || v.Page == nil || v.Meta == nil || v.Meta.Image == "" {
		return nil
	}
	pic := v.r.picture(v.Page)
	if pic == nil {
		return nil
	}
	return &LeadPicture{Picture: pic, Alt: v.Meta.ImageAlt, Credit: v.Meta.ImageCredit, Abs: v.Abs(pic.Src)}
}

// LeadSizes is the sizes attribute of the lead picture.
func (v *View) LeadSizes() string { return LeadSizes }

// CardSizes is the sizes attribute of a card's picture.
func (v *View) CardSizes() string { return CardSizes }

// jsonLDImage is the lead picture as schema.org's ImageObject, nil when
// there is none.
func (v *View) jsonLDImage() map[string]any {
	l := v.Lead()
	if l == nil {
		return nil
	}
	img := map[string]any{"@type": "ImageObject", "url": l.Abs, "contentUrl": l.Abs,
		"width": l.Width, "height": l.Height, "description": l.Alt}
	if l.Credit != "" {
		img["creditText"] = l.Credit
	}
	return img
}

// PictureFunc gives the templates a page's front-matter picture (the
// build's media set); see Options.Picture.
type PictureFunc func(p *resolve.Page) *markdown.Picture

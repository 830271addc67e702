package av

import (
	"github.com/4im-project/dissem/builder/resolve"
)

// Picture is a raster image as the site publishes it (builder/media):
// its largest size and all sizes, and a thumbnail.
type Picture struct {
	// Src is the largest published size, Width × Height; Srcset lists
	// every size ("" when there is one).
	Src           string
	Srcset        string
	Width, Height int
	// Thumb is the smallest size at least as wide as asked for
	// (ThumbWidth for a gallery, PosterWidth for a poster).
	Thumb                   string
	ThumbWidth, ThumbHeight int
}

// ThumbWidth is the width a gallery's thumbnails are made for: a grid
// cell is at most 15em (240 CSS px) wide, so 480 px is sharp at 2× DPR.
const ThumbWidth = 480

// Photo is a gallery picture as its page shows it.
type Photo struct {
	Picture
	Alt, Caption, Credit string
}

// gallery checks p's photos: each must be a picture of the content tree
// that can be read (Options.Pictures reports corrupt, huge and lying
// files).
func (pr *preparer) gallery(p *resolve.Page) []Photo {
	var out []Photo
	for _, ph := range p.Meta.Gallery {
		rel, ok := pr.file(p, "gallery", ph.Src, ph.SrcPos)
		if !ok {
			continue
		}
		pic, err := pr.picture(rel)
		if err != nil {
			pr.diags.Errorf(ph.SrcPos, "field \"gallery\": %v", err)
			continue
		}
		out = append(out, Photo{Picture: pic, Alt: ph.Alt, Caption: ph.Caption, Credit: ph.Credit})
	}
	return out
}

// picture publishes the image rel through Options.Pictures.
func (pr *preparer) picture(rel string) (Picture, error) {
	if pr.opts.Pictures == nil {
		// Without the image pipeline (a test of this package): the file
		// as it is.
		u := pr.url(rel)
		return Picture{Src: u, Thumb: u}, nil
	}
	return pr.opts.Pictures(rel, ThumbWidth)
}

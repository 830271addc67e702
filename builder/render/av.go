package render

import "github.com/4im-project/dissem/builder/av"

// Video is the document's video as builder/av prepared it, or nil.
func (v *View) Video() *av.Video {
	if m := v.r.av.Of(v.Page); m != nil {
		return m.Video
	}
	return nil
}

// Gallery is the document's photos as builder/av prepared them.
func (v *View) Gallery() []av.Photo {
	if m := v.r.av.Of(v.Page); m != nil {
		return m.Gallery
	}
	return nil
}

package site

import (
	"strings"

	"github.com/4im-project/dissem/builder/av"
	"github.com/4im-project/dissem/builder/diag"
)

// prepareAV checks the documents' galleries and videos (builder/av) once
// they are resolved; prefix names the content folder in messages. Gallery
// photos and video posters are published in their sizes by the build's
// media set, like every other picture.
func prepareAV(l *loaded, prefix string) (*av.Media, diag.List) {
	opts := av.Options{FS: l.contentFS, Files: l.tree.Files, Prefix: prefix}
	if l.pictures != nil && l.pictures.set != nil {
		set := l.pictures.set
		opts.Pictures = func(rel string, width int) (av.Picture, error) {
			img, err := set.Image(rel)
			if err != nil {
				return av.Picture{}, err
			}
			thumb := img.Fit(width)
			return av.Picture{Src: img.Src, Srcset: img.Srcset, Width: img.Width, Height: img.Height,
				Thumb: thumb.URL, ThumbWidth: thumb.Width, ThumbHeight: thumb.Height}, nil
		}
	}
	return av.Prepare(l.site, opts)
}

// transcriptFile reports whether a changed content file may be a video's
// transcript, whose text is on the pages that show the video.
func transcriptFile(rel string) bool { return strings.HasSuffix(strings.ToLower(rel), ".txt") }

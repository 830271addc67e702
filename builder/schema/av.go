package schema

import (
	"strings"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// GalleryPhoto is one picture of a document's gallery (front matter
// "gallery:", a list of {src, alt, caption, credit}).
type GalleryPhoto struct {
	// Src is the picture's name relative to the document; Alt describes it
	// (required); Caption and Credit are shown under it.
	Src, Alt, Caption, Credit string
	// Pos is where the item was written; SrcPos where its src was.
	Pos, SrcPos diag.Pos
}

// Video is a document's self-hosted video (front matter "video:").
type Video struct {
	// Sources are the video files relative to the document (an MP4, a
	// WebM, or both: the browser plays the first it can).
	Sources []string
	// Poster is the still shown before the video plays.
	Poster string
	// Caption is shown under the video.
	Caption string
	// Transcript is the transcript as written, or the name of a .txt file
	// beside the document that holds it (see TranscriptFile).
	Transcript string
	// Pos is where "video:" was written; SrcPos, PosterPos and
	// TranscriptPos are where those fields were (Pos when absent).
	Pos, SrcPos, PosterPos, TranscriptPos diag.Pos
}

// TranscriptFile is the name of the file the transcript is in, or "" when
// it is written in the front matter: a one-line value ending in ".txt".
func (v *Video) TranscriptFile() string {
	t := v.Transcript
	if strings.HasSuffix(strings.ToLower(t), ".txt") && !strings.ContainsAny(t, "\n") {
		return t
	}
	return ""
}

// galleryExample is how a gallery item is written, for messages.
const galleryExample = `- {src: workshop.jpg, alt: "Residents around a table", caption: "Planning the access point", credit: "Photo: Anna Kovács"}`

// gallery decodes "gallery:": a list of photos, each with src and alt.
func gallery(name string, v *content.Value, m *Meta, d *diag.List) {
	if v.Kind != content.List {
		wrongType(v, d, name, "a list of photos", galleryExample)
		return
	}
	for i, it := range v.Items {
		if it.Kind == content.Scalar {
			d.Errorf(it.Pos, "field \"gallery\": photo %d %q needs alt text; write it as %s", i+1, it.Text, galleryExample)
			continue
		}
		if it.Kind != content.Map {
			wrongType(it, d, name, "a photo with src and alt in each item", galleryExample)
			continue
		}
		ph := GalleryPhoto{Pos: it.Pos, SrcPos: it.Pos}
		ok := true
		for _, k := range it.Keys {
			f := it.Fields[k]
			var dst *string
			switch k {
			case "src":
				dst, ph.SrcPos = &ph.Src, f.Pos
			case "alt":
				dst = &ph.Alt
			case "caption":
				dst = &ph.Caption
			case "credit":
				dst = &ph.Credit
			default:
				d.Warnf(it.KeyPos[k], "field \"gallery\": photo %d: %q is ignored; a photo has src, alt, caption and credit", i+1, k)
				continue
			}
			if f.Kind == content.Null {
				continue
			}
			s, good := scalar(f, d, "gallery."+k, "a text", `"Residents around a table"`)
			ok = ok && good
			*dst = strings.TrimSpace(s)
		}
		if !ok {
			continue
		}
		if ph.Src == "" {
			d.Errorf(it.Pos, "field \"gallery\": photo %d has no src; name the picture file, e.g. src: workshop.jpg", i+1)
			continue
		}
		if ph.Alt == "" {
			d.Errorf(it.Pos, "field \"gallery\": photo %d (%s) has no alt text; describe what it shows for readers who cannot see it: alt: \"…\"", i+1, ph.Src)
			continue
		}
		m.Gallery = append(m.Gallery, ph)
	}
}

// videoExample is how a video is written, for messages.
const videoExample = "{src: clip.mp4, poster: clip.jpg}"

// video decodes "video:": {src, poster, caption, transcript}; src may be a
// list (an MP4 and a WebM of the same video).
func video(name string, v *content.Value, m *Meta, d *diag.List) {
	if v.Kind != content.Map {
		wrongType(v, d, name, "a video with src and poster", videoExample)
		return
	}
	vid := &Video{Pos: v.Pos, SrcPos: v.Pos, PosterPos: v.Pos, TranscriptPos: v.Pos}
	ok := true
	for _, k := range v.Keys {
		f := v.Fields[k]
		if f.Kind == content.Null {
			continue
		}
		switch k {
		case "src":
			vid.SrcPos = f.Pos
			if f.Kind == content.List {
				for _, it := range f.Items {
					s, good := scalar(it, d, "video.src", "a file name in each item", "clip.mp4")
					ok = ok && good
					if s = strings.TrimSpace(s); s != "" {
						vid.Sources = append(vid.Sources, s)
					}
				}
				continue
			}
			s, good := scalar(f, d, "video.src", "a file name or a list of them", "clip.mp4")
			ok = ok && good
			if s = strings.TrimSpace(s); s != "" {
				vid.Sources = append(vid.Sources, s)
			}
		case "poster", "caption", "transcript":
			s, good := scalar(f, d, "video."+k, "a text", `"clip.jpg"`)
			ok = ok && good
			switch k {
			case "poster":
				vid.Poster, vid.PosterPos = strings.TrimSpace(s), f.Pos
			case "caption":
				vid.Caption = strings.TrimSpace(s)
			default:
				vid.Transcript, vid.TranscriptPos = strings.TrimSpace(s), f.Pos
			}
		default:
			d.Warnf(v.KeyPos[k], "field \"video\": %q is ignored; a video has src, poster, caption and transcript", k)
		}
	}
	if !ok {
		return
	}
	if len(vid.Sources) == 0 {
		d.Errorf(v.Pos, "field \"video\": no src; name the video file beside the document, e.g. video: %s", videoExample)
		return
	}
	m.Video = vid
}

package av

import (
	"bytes"
	"image"
	_ "image/jpeg" // posters' sizes
	_ "image/png"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	_ "golang.org/x/image/webp"
)

// Video is a video as its page shows it.
type Video struct {
	Sources []Source
	// Poster is the still's URL; Width and Height are its size, which the
	// video takes before it loads (no layout shift).
	Poster        string
	Width, Height int
	// Tracks are the caption files, the page's language first.
	Tracks  []Track
	Caption string
	// Transcript is the transcript's text in paragraphs (blank lines
	// separate them), or nil.
	Transcript []string
}

// Source is one file of a video.
type Source struct{ URL, Type string }

// Track is a caption file in one language.
type Track struct {
	URL, Lang, Label string
	// Default is set on the page's language.
	Default bool
}

// videoTypes are the containers every current browser plays, with the
// first bytes that show a file really is one.
var videoTypes = map[string]struct {
	mime, name string
	is         func([]byte) bool
}{
	".mp4":  {"video/mp4", "MP4", isMP4},
	".webm": {"video/webm", "WebM", isWebM},
}

// isMP4 sees an ISO media file's first box, "ftyp".
func isMP4(b []byte) bool { return len(b) >= 8 && string(b[4:8]) == "ftyp" }

// isWebM sees the EBML header with the doctype "webm".
func isWebM(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0x1a, 0x45, 0xdf, 0xa3}) && bytes.Contains(b, []byte("webm"))
}

// whatIs names what a file's first bytes look like, for a message about a
// file whose extension lies.
func whatIs(b []byte) string {
	switch {
	case isMP4(b):
		return "an MP4 video"
	case isWebM(b):
		return "a WebM video"
	case bytes.HasPrefix(b, []byte{0x1a, 0x45, 0xdf, 0xa3}):
		return "a Matroska (MKV) video, which not every browser plays"
	case bytes.HasPrefix(b, []byte("RIFF")) && len(b) >= 12 && string(b[8:12]) == "AVI ":
		return "an AVI video, which browsers do not play"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return "a JPEG picture"
	case bytes.HasPrefix(b, []byte("\x89PNG")):
		return "a PNG picture"
	case len(b) == 0:
		return "empty"
	}
	return "not a video"
}

// PosterWidth is the size a poster is published at: a poster has no
// srcset, and 800 px is sharp on a phone (a 390 px screen at 2×) while
// costing a quarter of the largest size; on a desktop the video is at most
// 52em wide.
const PosterWidth = 800

// maxTranscript caps a transcript file: a long talk is some 100 KB.
const maxTranscript = 1 << 20

// video checks p's video and returns it as the page shows it, or nil when
// it cannot be shown (every problem reported).
func (pr *preparer) video(p *resolve.Page) *Video {
	mv := p.Meta.Video
	v := &Video{Caption: mv.Caption}
	ok := true
	var first string
	for _, name := range mv.Sources {
		ext := strings.ToLower(path.Ext(name))
		kind, known := videoTypes[ext]
		if !known {
			pr.diags.Errorf(mv.SrcPos, "field \"video\": %q is not a video every browser plays; convert it to MP4 (H.264) or WebM and name it %s.mp4 or %s.webm", name, strings.TrimSuffix(path.Base(name), path.Ext(name)), strings.TrimSuffix(path.Base(name), path.Ext(name)))
			ok = false
			continue
		}
		rel, found := pr.file(p, "video", name, mv.SrcPos)
		if !found {
			ok = false
			continue
		}
		head, err := pr.head(rel, 64)
		if err != nil {
			pr.diags.Errorf(diag.Pos{File: pr.show(rel)}, "cannot read the video: %v", err)
			ok = false
			continue
		}
		if !kind.is(head) {
			pr.diags.Errorf(mv.SrcPos, "field \"video\": %s is not %s file: it is %s; export the video again as %s, or give the file its right extension", pr.show(rel), aOrAn(kind.name), whatIs(head), kind.name)
			ok = false
			continue
		}
		if first == "" {
			first = rel
		}
		v.Sources = append(v.Sources, Source{URL: pr.url(rel), Type: kind.mime})
	}
	if !pr.poster(p, mv, v) {
		ok = false
	}
	if first != "" && !pr.tracks(p, mv, first, v) {
		ok = false
	}
	if !pr.transcript(p, mv, v) {
		ok = false
	}
	if !ok {
		return nil
	}
	return v
}

func aOrAn(name string) string {
	if name == "MP4" {
		return "an MP4"
	}
	return "a " + name
}

// poster checks the video's still: required, a JPEG, PNG or WebP picture
// beside the document. A video with preload="none" shows nothing else
// before it plays: without a poster a reader sees an empty black box.
func (pr *preparer) poster(p *resolve.Page, mv *schema.Video, v *Video) bool {
	if mv.Poster == "" {
		base := strings.TrimSuffix(path.Base(mv.Sources[0]), path.Ext(mv.Sources[0]))
		pr.diags.Errorf(mv.Pos, "field \"video\": no poster; add poster: %s.jpg, a still from the video that readers see before they play it (the video itself is not loaded until then)", base)
		return false
	}
	ext := strings.ToLower(path.Ext(mv.Poster))
	if ext != ".jpg" && ext != ".jpeg" && ext != ".png" && ext != ".webp" {
		pr.diags.Errorf(mv.PosterPos, "field \"video\": poster %q is not a JPEG, PNG or WebP picture; export a still of the video as .jpg", mv.Poster)
		return false
	}
	rel, ok := pr.file(p, "video", mv.Poster, mv.PosterPos)
	if !ok {
		return false
	}
	if pr.opts.Pictures != nil {
		pic, err := pr.opts.Pictures(rel, PosterWidth)
		if err != nil {
			pr.diags.Errorf(mv.PosterPos, "field \"video\": poster: %v", err)
			return false
		}
		v.Poster, v.Width, v.Height = pic.Thumb, pic.ThumbWidth, pic.ThumbHeight
		return true
	}
	head, err := pr.head(rel, 64<<10)
	if err == nil {
		var cfg image.Config
		cfg, _, err = image.DecodeConfig(bytes.NewReader(head))
		v.Width, v.Height = cfg.Width, cfg.Height
	}
	if err != nil || v.Width <= 0 || v.Height <= 0 || v.Width > 20000 || v.Height > 20000 {
		pr.diags.Errorf(mv.PosterPos, "field \"video\": poster %s is not a picture that can be read; export the still again as a JPEG", pr.show(rel))
		return false
	}
	v.Poster = pr.url(rel)
	return true
}

// tracks finds the caption files beside the video, named after it with a
// language: clip.mp4 has clip.hu.vtt, clip.en.vtt, clip.sk.vtt. One in the
// page's language is required.
func (pr *preparer) tracks(p *resolve.Page, mv *schema.Video, video string, v *Video) bool {
	stem := strings.TrimSuffix(video, path.Ext(video))
	ok := true
	var own *Track
	var others []Track
	for _, code := range pr.site.Config.Codes() {
		rel := stem + "." + code + ".vtt"
		if !pr.opts.Files[rel] {
			continue
		}
		if !pr.checkVTT(rel) {
			ok = false
			continue
		}
		t := Track{URL: pr.url(rel), Lang: code, Label: pr.language(code).Name}
		if code == p.Lang {
			t.Default = true
			own = &t
		} else {
			others = append(others, t)
		}
	}
	if own == nil {
		if pr.opts.Files[stem+"."+p.Lang+".vtt"] {
			return false // reported: the file is broken
		}
		pr.diags.Errorf(mv.SrcPos, "field \"video\": %s has no captions in %s; add the caption file %s (WebVTT: the line WEBVTT, then each caption's timing and text). A video without captions in the page's language cannot be published: deaf and hard-of-hearing readers could not follow it",
			pr.show(video), pr.language(p.Lang).Name, pr.show(stem+"."+p.Lang+".vtt"))
		return false
	}
	v.Tracks = append([]Track{*own}, others...)
	return ok
}

// checkVTT validates a caption file once per build, however many pages
// show its video.
func (pr *preparer) checkVTT(rel string) bool {
	if r, seen := pr.vtt[rel]; seen {
		return r.ok
	}
	data, small, err := pr.readSmall(rel, maxVTT)
	var d diag.List
	switch {
	case err != nil:
		d.Errorf(diag.Pos{File: pr.show(rel)}, "cannot read the caption file: %v", err)
	case !small:
		d.Errorf(diag.Pos{File: pr.show(rel)}, "is over %d MB, too large for a caption file; is it the right file?", maxVTT>>20)
	default:
		_, d = CheckVTT(pr.show(rel), data)
	}
	pr.diags.Append(d)
	pr.vtt[rel] = vttResult{ok: !d.HasErrors()}
	return !d.HasErrors()
}

// transcript reads the transcript, written in the front matter or in a
// .txt file beside the document, into paragraphs.
func (pr *preparer) transcript(p *resolve.Page, mv *schema.Video, v *Video) bool {
	text := mv.Transcript
	if name := mv.TranscriptFile(); name != "" {
		rel, ok := pr.file(p, "video", name, mv.TranscriptPos)
		if !ok {
			return false
		}
		pr.read[rel] = true
		data, small, err := pr.readSmall(rel, maxTranscript)
		switch {
		case err != nil:
			pr.diags.Errorf(mv.TranscriptPos, "field \"video\": cannot read the transcript %s: %v", pr.show(rel), err)
			return false
		case !small:
			pr.diags.Errorf(mv.TranscriptPos, "field \"video\": the transcript %s is over %d MB; is it the right file?", pr.show(rel), maxTranscript>>20)
			return false
		case !utf8.Valid(data):
			pr.diags.Errorf(mv.TranscriptPos, "field \"video\": the transcript %s is not UTF-8 text; save it as UTF-8", pr.show(rel))
			return false
		}
		text = string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
	}
	v.Transcript = Paragraphs(text)
	return true
}

// Paragraphs splits text at blank lines, joining each paragraph's lines
// with spaces.
func Paragraphs(text string) []string {
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n\n") {
		if s := strings.Join(strings.Fields(para), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

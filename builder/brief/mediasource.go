package brief

import (
	"path"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/resolve"
)

// media fills d's video and gallery from p's front matter, reading the
// poster and the photos into images (the cache key holds their bytes).
// Briefs of documents without media do no work here.
func (s *Source) media(p *resolve.Page, d *Document, li *i18n.Lang, images map[string][]byte) {
	if p.Meta.Video == nil && len(p.Meta.Gallery) == 0 {
		return
	}
	lang, ty := p.Lang, li.Typeset
	prefix := s.Site.MediaURL("")
	// read returns the destination of a file named beside the document,
	// or "" when it cannot be read (the brief goes without it).
	read := func(name string) string {
		if name == "" {
			return ""
		}
		dest := prefix + path.Clean(path.Join(p.Doc.Dir, name))
		data, err := d.ReadFile(dest)
		if err != nil {
			return ""
		}
		images[dest] = data
		return dest
	}
	if v := p.Meta.Video; v != nil {
		dv := &Video{Poster: read(v.Poster), Still: s.Catalog.T(lang, "brief.video_still"),
			Caption: ty(v.Caption), URL: d.URL, Heading: s.Catalog.T(lang, "brief.video"),
			TranscriptHeading: s.Catalog.T(lang, "transcript"), Watch: s.Catalog.T(lang, "brief.video_watch")}
		var paras []string
		switch {
		case s.Transcript != nil:
			paras = s.Transcript(p)
		case v.TranscriptFile() == "":
			paras = paragraphs(v.Transcript)
		}
		for _, para := range paras {
			dv.Transcript = append(dv.Transcript, ty(para))
		}
		d.Video = dv
	}
	if len(p.Meta.Gallery) > 0 {
		g := &Gallery{Heading: s.Catalog.T(lang, "gallery")}
		for _, ph := range p.Meta.Gallery {
			g.Photos = append(g.Photos, Photo{Src: read(ph.Src), Alt: ty(ph.Alt), Caption: ty(ph.Caption), Credit: ty(ph.Credit)})
		}
		d.Gallery = g
	}
}

// paragraphs splits a transcript written in the front matter at blank
// lines, as the page does (builder/av), for a Source without Transcript.
func paragraphs(text string) []string {
	var out []string
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for _, para := range strings.Split(text, "\n\n") {
		if s := strings.Join(strings.Fields(para), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// mediaWarnings tells the editor about a poster or gallery photo a brief
// cannot print (WebP, AVIF: browsers show them, fpdf cannot): the brief
// shows the video's caption without the still, or leaves the photo out.
func mediaWarnings(p *resolve.Page, d *Document, images map[string][]byte) diag.List {
	var diags diag.List
	unprintable := func(dest string) bool {
		data, ok := images[dest]
		return ok && !printablePicture(data)
	}
	kind := func(name string) string {
		return strings.ToUpper(strings.TrimPrefix(path.Ext(name), "."))
	}
	if v := d.Video; v != nil && unprintable(v.Poster) {
		name := p.Meta.Video.Poster
		diags.Warnf(p.Meta.Video.PosterPos, "field \"video\": the PDF brief cannot print the %s poster %s and shows the caption without it; give a JPEG or PNG copy (poster: %s)",
			kind(name), name, strings.TrimSuffix(name, path.Ext(name))+".jpg")
	}
	if g := d.Gallery; g != nil {
		for i, ph := range g.Photos {
			if i < len(p.Meta.Gallery) && unprintable(ph.Src) {
				name := p.Meta.Gallery[i].Src
				diags.Warnf(p.Meta.Gallery[i].SrcPos, "field \"gallery\": the PDF brief cannot print the %s photo %s and leaves it out; give a JPEG or PNG copy (src: %s)",
					kind(name), name, strings.TrimSuffix(name, path.Ext(name))+".jpg")
			}
		}
	}
	return diags
}

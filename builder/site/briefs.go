package site

import (
	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/resolve"
)

// briefSource is what the brief stage reads of a loaded site.
func (l *loaded) briefSource(cache *brief.Cache) (*brief.Source, error) {
	eng, err := brief.SharedEngine()
	if err != nil {
		return nil, err
	}
	return &brief.Source{Site: l.site, Catalog: l.cat, Body: l.body, Files: l.tree.Files,
		ReadFile: l.contentFS.ReadFile, Static: l.staticFS, Engine: eng, Cache: cache,
		Transcript: l.transcript}, nil
}

// transcript is a document's video transcript in paragraphs, as checked
// and read by builder/av for its page, for the brief.
func (l *loaded) transcript(p *resolve.Page) []string {
	if m := l.av.Of(p); m != nil && m.Video != nil {
		return m.Video.Transcript
	}
	return nil
}

// writeBriefs is the brief stage of a build: it makes every brief, bundle
// and kit (brief.Plan), writes them, and returns what each page offers for
// the page stage, and how many PDFs it made.
func writeBriefs(w *output.Writer, l *loaded, cache *brief.Cache) (resolve.Downloads, int, diag.List, error) {
	src, err := l.briefSource(cache)
	if err != nil {
		return nil, 0, nil, err
	}
	plan := brief.Plan(l.site.Docs)
	made, diags, err := src.MakeAll(plan, workers(), w.WriteRaw, w.ReadBack)
	if err != nil || diags.HasErrors() {
		return nil, 0, diags, err
	}
	pdfs := 0
	for _, j := range plan {
		if j.Kind != brief.KindKit {
			pdfs++
		}
	}
	return brief.Downloads(plan, l.site.BasePath, made), pdfs, diags, nil
}

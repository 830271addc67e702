package render

import (
	"github.com/4im-project/dissem/builder/av"
	"github.com/4im-project/dissem/builder/resolve"
)

// ForSite returns a Renderer of r's templates for s, a site that differs
// from r's only in documents' bodies (resolve.Site.WithBodies), whose
// galleries and videos are m: serve renders a saved document's page with
// it instead of parsing every template again. The outputs of
// partialCached (parts that are the same on every page of a language) are
// shared with r; r's downloads and register stay.
func (r *Renderer) ForSite(s *resolve.Site, m *av.Media) *Renderer {
	p := &parsed{site: s, cat: r.cat, assets: r.assets, byKind: r.byKind, tmplDir: r.tmplDir,
		content: r.content, picture: r.picture, av: m}
	return &Renderer{parsed: p, downloads: r.downloads, register: r.register}
}

package brief

import (
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// The kinds of download a document may offer.
const (
	KindBrief  = "brief"  // a document's own PDF
	KindBundle = "bundle" // a toolkit's PDF with its guides
	KindKit    = "kit"    // a toolkit's ZIP: the bundle, the guides' briefs, their attachments
)

// Planned is one download the site offers.
type Planned struct {
	Page *resolve.Page
	Kind string
	// Name is the output file ("en/guides/x/x-en.pdf").
	Name string
}

// Wants reports whether a document gets a PDF of its own.
func Wants(p *resolve.Page) bool {
	return p.Meta.Brief && p.Meta.Type != schema.Toolkit && p.Meta.Type != schema.Page
}

// HasBundle reports whether a toolkit gets a bundle and a kit: one with guides.
func HasBundle(p *resolve.Page) bool {
	return p.Meta.Type == schema.Toolkit && len(p.Guides) > 0
}

// Plan lists the downloads of a site's documents (resolve.Site.Docs): every
// brief, then every toolkit's bundle, then every kit, each in the order of
// docs. It reads the pages and changes nothing; a build makes the files in
// this order and a server makes each when it is asked for.
func Plan(docs []*resolve.Page) []Planned {
	var plan []Planned
	for _, p := range docs {
		if Wants(p) {
			plan = append(plan, Planned{Page: p, Kind: KindBrief, Name: pdfName(p)})
		}
	}
	for _, p := range docs {
		if HasBundle(p) {
			plan = append(plan, Planned{Page: p, Kind: KindBundle, Name: pdfName(p)})
		}
	}
	for _, p := range docs {
		if HasBundle(p) {
			plan = append(plan, Planned{Page: p, Kind: KindKit, Name: p.Path + p.Slug + "-" + p.Lang + "-kit.zip"})
		}
	}
	return plan
}

func pdfName(p *resolve.Page) string { return p.Path + p.Slug + "-" + p.Lang + ".pdf" }

// Made describes a file made for a plan: its PDF pages (none for a kit) and size.
type Made struct {
	Pages int
	Size  int64
}

// Downloads returns what each page offers, in plan order, as the renderer
// shows it: with the pages and size of the files made (made), or without
// them for a file not made yet (serve makes them when they are asked for).
// A planned file that failed (absent from made while made is not nil) is
// left out. basePath is the site's ("/" or "/sub/").
func Downloads(plan []Planned, basePath string, made map[string]Made) resolve.Downloads {
	d := resolve.Downloads{}
	for _, j := range plan {
		m, ok := made[j.Name]
		if made != nil && !ok {
			continue
		}
		d[j.Page] = append(d[j.Page], &resolve.Download{Path: j.Name, URL: basePath + j.Name, Kind: j.Kind, Pages: m.Pages, Size: m.Size})
	}
	return d
}

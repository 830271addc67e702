package linkcheck

import (
	"net/url"
	"path"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
)

// target is where an internal reference leads.
type target struct {
	file, fragment string
}

// resolve finds the file a reference in file from points at. internal is
// false for other sites and for schemes a browser does not fetch from us
// (mailto:, tel:, data: …); problem says why an internal one cannot work.
func (s *site) resolve(from, ref string) (t target, internal bool, problem string) {
	u, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return t, true, "is not a valid URL"
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return t, false, ""
	}
	if u.Host != "" && !strings.EqualFold(u.Host, s.host) {
		return t, false, ""
	}
	p := (&url.URL{Path: s.base + from}).ResolveReference(u).Path
	if p+"/" == s.base {
		p = s.base
	}
	if !strings.HasPrefix(p, s.base) {
		return t, true, "is outside the site's base path " + s.base + ": start it with " + s.base
	}
	rel := strings.TrimPrefix(p, s.base)
	t.fragment = u.Fragment
	switch {
	case rel == "" || strings.HasSuffix(rel, "/"):
		t.file = rel + "index.html"
	case s.files[rel]:
		t.file = rel
	case s.files[rel+"/index.html"]:
		// A folder without its slash: servers redirect to the slash.
		t.file = rel + "/index.html"
	default:
		t.file = rel
	}
	if !s.files[t.file] {
		return t, true, "leads nowhere: there is no file " + t.file + " in the built site"
	}
	if t.fragment != "" && isHTML(t.file) && !s.ids[t.file][t.fragment] && t.fragment != "top" {
		return t, true, `leads to a missing anchor: ` + t.file + ` has no id="` + t.fragment + `"`
	}
	return t, true, ""
}

func isHTML(file string) bool {
	ext := path.Ext(file)
	return ext == ".html" || ext == ".htm"
}

// checkRefs checks the references of one HTML or CSS file and returns how
// many internal ones it checked.
func (s *site) checkRefs(file string, p *page, diags *diag.List) int {
	if p.err != nil {
		diags.Errorf(diag.Pos{File: file}, "cannot read: %v", p.err)
		return 0
	}
	n := 0
	for _, r := range p.refs {
		pos := diag.Pos{File: file, Line: r.line}
		_, internal, problem := s.resolve(file, r.url)
		switch {
		case !internal && r.resource && offSite(r.url):
			diags.Errorf(pos, "%s %q loads a file from another site; published pages make no third-party requests: copy the file into static/ and link to it there", r.what, r.url)
		case !internal:
		case problem != "":
			n++
			diags.Errorf(pos, "broken link: %s %q %s", r.what, r.url, problem)
		default:
			n++
		}
	}
	return n
}

// offSite reports whether an external reference is fetched over the
// network (data: and blob: URLs are not).
func offSite(ref string) bool {
	u, err := url.Parse(strings.TrimSpace(ref))
	return err == nil && (u.Host != "" || u.Scheme == "http" || u.Scheme == "https" || strings.HasPrefix(ref, "//"))
}

// checkAlternates checks that hreflang alternates point at pages that list
// the page back: search engines ignore one-sided pairs.
func (s *site) checkAlternates(pages []*page, diags *diag.List) {
	type edge struct {
		from, to string
		alt      alternate
	}
	var edges []edge
	for i, p := range pages {
		from := s.html[i]
		set := map[string]bool{}
		for _, a := range p.alts {
			t, internal, problem := s.resolve(from, a.href)
			if !internal || problem != "" {
				// Other sites cannot be checked; broken ones are reported by checkRefs.
				continue
			}
			set[t.file] = true
			if t.file != from {
				edges = append(edges, edge{from, t.file, a})
			}
		}
		s.alts[from] = set
	}
	for _, e := range edges {
		if !s.alts[e.to][e.from] {
			diags.Errorf(diag.Pos{File: e.from, Line: e.alt.line},
				"hreflang %q alternate %q is not reciprocal: %s does not list this page among its alternates; link the translations both ways (same translationKey or file base name)",
				e.alt.lang, e.alt.href, e.to)
		}
	}
}

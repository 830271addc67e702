// Package linkcheck verifies a built site: every internal href and src
// reaches a file, every #fragment reaches an id, hreflang alternates are
// reciprocal, every sitemap URL exists, and no page loads anything from
// another site.
//
// It reads the output folder, not the build's data, so it checks what
// readers will get, including links written by hand in Markdown and in
// templates.
package linkcheck

import (
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
)

// Report counts what Check looked at.
type Report struct {
	// Pages is the number of HTML files parsed.
	Pages int
	// Links is the number of internal references checked (HTML, CSS and sitemap).
	Links int
}

// Check verifies the site built into dir, whose pages are published at
// baseURL (its host tells own absolute URLs from other sites', its path is
// the prefix of every internal link). Positions name files relative to dir.
func Check(dir, baseURL string) (Report, diag.List) {
	var diags diag.List
	s, err := newSite(dir, baseURL)
	if err != nil {
		diags.Errorf(diag.Pos{File: filepath.ToSlash(dir)}, "cannot read the built site: %v", err)
		return Report{}, diags
	}
	// Parse each file once, in parallel; results[i] keeps the order stable.
	pages := make([]*page, len(s.html))
	pool.Each(len(s.html), pool.PerCPU(1), func(i int) { pages[i] = parseHTMLFile(dir, s.html[i]) })
	sheets := make([]*page, len(s.css))
	pool.Each(len(s.css), pool.PerCPU(1), func(i int) { sheets[i] = parseCSSFile(dir, s.css[i]) })

	s.ids = make(map[string]map[string]bool, len(pages))
	s.alts = make(map[string]map[string]bool, len(pages))
	for i, p := range pages {
		s.ids[s.html[i]] = p.ids
	}
	rep := Report{Pages: len(pages)}
	for i, p := range pages {
		rep.Links += s.checkRefs(s.html[i], p, &diags)
	}
	for i, p := range sheets {
		rep.Links += s.checkRefs(s.css[i], p, &diags)
	}
	s.checkAlternates(pages, &diags)
	rep.Links += s.checkSitemap(dir, &diags)
	diags.Sort()
	return rep, diags
}

// site holds what every check looks up: the files and the URL space.
type site struct {
	host string // the base URL's host, lower case; "" when it has none
	base string // the base URL's path, always ending in "/"
	// files holds every file's path relative to dir, with slashes.
	files     map[string]bool
	html, css []string
	ids       map[string]map[string]bool // HTML file → its ids and anchor names
	alts      map[string]map[string]bool // HTML file → files its hreflang alternates point at
}

func newSite(dir, baseURL string) (*site, error) {
	u, err := url.Parse(baseURL)
	if err != nil {
		return nil, err
	}
	s := &site{host: strings.ToLower(u.Host), base: u.Path, files: map[string]bool{}}
	if !strings.HasSuffix(s.base, "/") {
		s.base += "/"
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		s.files[rel] = true
		switch path.Ext(rel) {
		case ".html", ".htm":
			s.html = append(s.html, rel)
		case ".css":
			s.css = append(s.css, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	sort.Strings(s.html)
	sort.Strings(s.css)
	return s, nil
}

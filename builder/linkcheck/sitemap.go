package linkcheck

import (
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
)

// sitemapFile is where search engines look for the sitemap.
const sitemapFile = "sitemap.xml"

// checkSitemap checks that every <loc> and xhtml:link href of the sitemap
// is a page of this site. A site without a sitemap has nothing to check.
func (s *site) checkSitemap(dir string, diags *diag.List) int {
	f, err := os.Open(filepath.Join(dir, sitemapFile))
	if errors.Is(err, os.ErrNotExist) {
		return 0
	}
	if err != nil {
		diags.Errorf(diag.Pos{File: sitemapFile}, "cannot read: %v", err)
		return 0
	}
	defer f.Close()
	n := 0
	check := func(what, ref string, line int) {
		n++
		pos := diag.Pos{File: sitemapFile, Line: line}
		_, internal, problem := s.resolve(sitemapFile, ref)
		switch {
		case !internal:
			diags.Errorf(pos, "%s %q is not on this site (%s%s): a sitemap lists only the site's own pages", what, ref, s.host, s.base)
		case problem != "":
			diags.Errorf(pos, "broken link: %s %q %s", what, ref, problem)
		}
	}
	d := xml.NewDecoder(f)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			diags.Errorf(diag.Pos{File: sitemapFile, Line: line}, "not valid XML: %v", err)
			return n
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "loc":
			var loc string
			if err := d.DecodeElement(&loc, &se); err != nil {
				diags.Errorf(diag.Pos{File: sitemapFile, Line: line}, "not valid XML: %v", err)
				return n
			}
			check("<loc>", strings.TrimSpace(loc), line)
		case "link":
			for _, a := range se.Attr {
				if a.Name.Local == "href" {
					check("<xhtml:link href>", a.Value, line)
				}
			}
		}
	}
}

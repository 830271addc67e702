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
// is a page of this site. When the sitemap is an index (<sitemapindex>),
// every file it names must exist and is checked in turn. A site without a
// sitemap has nothing to check.
func (s *site) checkSitemap(dir string, diags *diag.List) int {
	n, files := s.checkSitemapFile(dir, sitemapFile, diags)
	for _, f := range files {
		m, _ := s.checkSitemapFile(dir, f, diags)
		n += m
	}
	return n
}

// checkSitemapFile checks one sitemap file and returns the files an index
// names (only when file is the top sitemap: indexes do not nest).
func (s *site) checkSitemapFile(dir, file string, diags *diag.List) (n int, files []string) {
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(file)))
	if errors.Is(err, os.ErrNotExist) && file == sitemapFile {
		return 0, nil
	}
	if err != nil {
		diags.Errorf(diag.Pos{File: file}, "cannot read: %v", err)
		return 0, nil
	}
	defer f.Close()
	index := false
	check := func(what, ref string, line int) {
		n++
		pos := diag.Pos{File: file, Line: line}
		t, internal, problem := s.resolve(file, ref)
		switch {
		case !internal:
			diags.Errorf(pos, "%s %q is not on this site (%s%s): a sitemap lists only the site's own pages", what, ref, s.host, s.base)
		case problem != "":
			diags.Errorf(pos, "broken link: %s %q %s", what, ref, problem)
		case index && file != sitemapFile:
			diags.Errorf(pos, "%s %q: a sitemap index names sitemaps, and only %s may be one", what, ref, sitemapFile)
		case index:
			files = append(files, t.file)
		}
	}
	d := xml.NewDecoder(f)
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			return n, files
		}
		if err != nil {
			diags.Errorf(diag.Pos{File: file, Line: line}, "not valid XML: %v", err)
			return n, files
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "sitemapindex":
			index = true
		case "loc":
			var loc string
			if err := d.DecodeElement(&loc, &se); err != nil {
				diags.Errorf(diag.Pos{File: file, Line: line}, "not valid XML: %v", err)
				return n, files
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

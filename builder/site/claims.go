package site

import (
	"io/fs"
	"strings"
)

// staticNames lists the static files the way writeStatic picks them, for
// resolve's URL registry: a static file must not replace a page, a feed or a
// content file under media/. Unreadable folders are reported by writeStatic.
func staticNames(fsys fs.FS) []string {
	var names []string
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, ".go") {
			names = append(names, p)
		}
		return nil
	})
	return names
}

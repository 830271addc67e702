package site

import (
	"errors"
	"io/fs"
	"path/filepath"
	"sort"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/sitefs"
)

// siteOverlay lays the site's own folder name ("templates", "static") over
// dissem's embedded defaults. The folder is read under sitefs's rule, and
// every file it refuses (a link out of the folder, a loop) is reported
// here, before any stage reads it; hidden files are left out of the
// overlay, so they are never published.
func siteOverlay(source, name string, lower fs.FS) (fs.FS, diag.List) {
	display := relPath(filepath.Join(source, name))
	tree, diags := sitefs.OpenTree(source, name, display)
	if tree == nil {
		return overlay{lower: lower}, diags
	}
	diags.Append(sitefs.Walk(tree, display, nil))
	return overlay{upper: tree, lower: lower}, diags
}

// overlay is a file system where upper's files hide lower's: a site's own
// templates and static files over dissem's embedded defaults.
type overlay struct{ upper, lower fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if o.upper != nil {
		if f, err := o.upper.Open(name); err == nil {
			if st, err := f.Stat(); err == nil && !st.IsDir() {
				return f, nil
			}
			f.Close()
		}
	}
	return o.lower.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]fs.DirEntry{}
	var errs []error
	layers := 0
	for _, f := range []fs.FS{o.lower, o.upper} {
		if f == nil {
			continue
		}
		layers++
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	// A folder one layer has is a folder, even empty (static/logos/ holding
	// only .gitkeep) and missing from the other layer.
	if len(errs) == layers {
		return nil, errors.Join(errs...)
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

package site

import (
	"errors"
	"io/fs"
	"sort"
)

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
	for _, f := range []fs.FS{o.lower, o.upper} {
		if f == nil {
			continue
		}
		entries, err := fs.ReadDir(f, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, e := range entries {
			seen[e.Name()] = e
		}
	}
	if len(seen) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := make([]fs.DirEntry, 0, len(seen))
	for _, e := range seen {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

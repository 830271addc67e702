package site

import (
	"bytes"
	"slices"
	"sync"

	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/render"
	"github.com/4im-project/dissem/builder/resolve"
)

// In serve the outputs that list every document of the site (the register
// of outputs: its page in each language and its three exports; each
// language's downloads page) are made when one of them is asked for, as
// briefs and search indexes are: on a site of 10,000 documents making them
// takes longer than the rest of a title's save. Options.LazyRegister asks
// for it; dissem build always makes them.

// lazyRegister makes one snapshot's register and downloads pages once,
// when one of them is first asked for.
type lazyRegister struct {
	l         *loaded
	downloads resolve.Downloads
	// r renders the snapshot's pages (the register is added to it).
	r        *render.Renderer
	cacheDir string
	minify   bool

	once  sync.Once
	files map[string][]byte
	err   error
}

// newLazyRegister is the register and downloads pages of l's site, made
// with r (which has the downloads) when first asked for.
func newLazyRegister(l *loaded, downloads resolve.Downloads, r *render.Renderer, o *Options) *lazyRegister {
	return &lazyRegister{l: l, downloads: downloads, r: r, cacheDir: o.CacheDir, minify: !o.NoMinify}
}

// names are the files it makes: the register's pages and exports and the
// downloads pages.
func (z *lazyRegister) names() []string {
	names := []string{"register.csv", "register.json", "register.xlsx"}
	for _, p := range wholePages(z.l.site) {
		names = append(names, render.OutputName(p))
	}
	slices.Sort(names)
	return names
}

// file returns the register's file name, made with the others the first
// time one is asked for; ok is false when name is not one of them.
func (z *lazyRegister) file(name string) (data []byte, ok bool, err error) {
	if files, err := z.all(); err != nil {
		return nil, slices.Contains(z.names(), name), err
	} else if data, ok = files[name]; ok {
		return data, true, nil
	}
	return nil, false, nil
}

// all returns every file of the register, made once.
func (z *lazyRegister) all() (map[string][]byte, error) {
	z.once.Do(func() {
		w := output.NewMemory(z.minify)
		reg := register.Build(register.Input{Site: z.l.site, Downloads: z.downloads, SourceHash: z.l.sourceHash})
		if z.err = writeExports(w, reg, z.cacheDir, prepareExports(reg, z.cacheDir, nil), nil); z.err != nil {
			return
		}
		r := z.r.WithRegister(reg)
		for _, p := range wholePages(z.l.site) {
			var buf bytes.Buffer
			if z.err = r.WritePageBody(&buf, p, nil); z.err != nil {
				return
			}
			if z.err = w.Write(render.OutputName(p), buf.Bytes()); z.err != nil {
				return
			}
		}
		z.files = w.Take()
	})
	return z.files, z.err
}

// wholePages are the register's and the downloads pages of site, in the
// site's language order.
func wholePages(site *resolve.Site) []*resolve.Page {
	return langPages(site, func(l *resolve.Lang) []*resolve.Page { return []*resolve.Page{l.Register, l.Downloads} })
}

// langPages are the pages pick names in each language of site (nil ones
// left out), in the site's language order.
func langPages(site *resolve.Site, pick func(*resolve.Lang) []*resolve.Page) []*resolve.Page {
	var pages []*resolve.Page
	for _, code := range site.Config.Codes() {
		if lang := site.ByLang[code]; lang != nil {
			for _, p := range pick(lang) {
				if p != nil {
					pages = append(pages, p)
				}
			}
		}
	}
	return pages
}

// withoutWhole is pages without the register's and the downloads pages.
func withoutWhole(pages []*resolve.Page) []*resolve.Page {
	out := make([]*resolve.Page, 0, len(pages))
	for _, p := range pages {
		if p.Kind != resolve.KindRegister && p.Kind != resolve.KindDownloads {
			out = append(out, p)
		}
	}
	return out
}

package site

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/media"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/resolve"
)

// pictureSource is the build's media set (builder/media) as the Markdown
// stage and the templates see it: facts of the pictures documents show,
// found by the path the document gives. It is made before the documents
// are read and opened once the content tree is listed.
type pictureSource struct {
	set    *media.Set
	files  map[string]bool
	prefix string // the content folder as messages show it

	mu sync.Mutex
	// asked are the pictures asked for, shown or not: one that cannot
	// be published is reported where it is named, not also as unused.
	asked map[string]bool
	// byDoc are the pictures each document's body asked for: serve keeps
	// them with a document it does not read again (docEntry.pictures).
	byDoc map[string][]string
}

// open starts the build's media set over the content tree.
func (p *pictureSource) open(fsys fs.FS, files map[string]bool, prefix string, cfg *config.Config, o *Options) {
	p.files, p.prefix = files, prefix
	p.byDoc = map[string][]string{}
	p.asked = map[string]bool{}
	p.set = media.NewSet(fsys, media.Options{BasePath: basePath(cfg), CacheDir: filepath.Join(o.CacheDir, "media"), Content: prefix})
}

// basePath is the path of the site's address ("/" or "/sub/"), as
// resolve.Site.BasePath is; the pictures' URLs are needed before resolve
// runs, since bodies are rendered as they are read.
func basePath(cfg *config.Config) string {
	base := "/"
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Path != "" {
		base = "/" + strings.Trim(u.Path, "/") + "/"
		base = strings.ReplaceAll(base, "//", "/")
	}
	return base
}

// Picture implements markdown.Pictures: file is the document's path as
// messages show it, dest the picture as written in its body.
func (p *pictureSource) Picture(file, dest string) (*markdown.Picture, error) {
	if p == nil || p.set == nil {
		return nil, nil
	}
	doc := strings.TrimPrefix(file, p.prefix+"/")
	rel, ok := contentPath(path.Dir(doc), dest)
	if !ok || !p.files[rel] || !media.IsPicture(rel) {
		return nil, nil // not a picture of the tree: the link check speaks
	}
	img, err := p.set.Image(rel)
	p.mu.Lock()
	p.asked[rel] = true
	if err == nil {
		p.byDoc[file] = append(p.byDoc[file], rel)
	}
	p.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return pictureOf(img), nil
}

// of returns the pictures document file asked for.
func (p *pictureSource) of(file string) []string {
	if p == nil || p.set == nil {
		return nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.byDoc[file]
}

// again asks for the pictures of a document serve did not read again, so
// that they are published as before.
func (p *pictureSource) again(file string, rels []string) {
	for _, rel := range rels {
		if _, err := p.set.Image(rel); err == nil {
			p.mu.Lock()
			p.byDoc[file] = append(p.byDoc[file], rel)
			p.mu.Unlock()
		}
	}
}

// contentPath is the content path a relative link from folder dir leads to.
func contentPath(dir, dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.Contains(dest, ":") {
		return "", false
	}
	target, _, _ := strings.Cut(dest, "#")
	target, _, _ = strings.Cut(target, "?")
	if t, err := url.PathUnescape(target); err == nil {
		target = t
	}
	rel := path.Clean(path.Join(dir, target))
	if rel == ".." || strings.HasPrefix(rel, "../") || path.IsAbs(rel) {
		return "", false
	}
	return rel, true
}

func pictureOf(img *media.Image) *markdown.Picture {
	return &markdown.Picture{Src: img.Src, Srcset: img.Srcset, Width: img.Width, Height: img.Height}
}

// lead returns the facts of the front-matter picture of p, nil when it
// has none or it cannot be shown (writeMedia reports why).
func (p *pictureSource) lead(pg *resolve.Page) *markdown.Picture {
	rel := leadPath(pg)
	if p == nil || p.set == nil || rel == "" || !p.files[rel] {
		return nil
	}
	img, err := p.set.Image(rel)
	if err != nil {
		return nil
	}
	return pictureOf(img)
}

// leadPath is the content path of p's front-matter picture, "" when it
// has none (resolve reports one that leads nowhere).
func leadPath(p *resolve.Page) string {
	if p.Meta == nil || p.Meta.Image == "" || p.Doc == nil {
		return ""
	}
	rel, ok := contentPath(p.Doc.Dir, p.Meta.Image)
	if !ok {
		return ""
	}
	return rel
}

// usedFiles are the content files published documents link to or attach.
func usedFiles(s *resolve.Site) map[string]bool {
	used := map[string]bool{}
	prefix := s.MediaURL("")
	for _, p := range s.Docs {
		if p.Body != nil {
			for i, l := range p.Body.Links {
				if i >= len(p.LinkDests) || l.Image {
					continue
				}
				if rel, ok := strings.CutPrefix(p.LinkDests[i], prefix); ok {
					rel, _, _ = strings.Cut(rel, "#")
					used[rel] = true
				}
			}
		}
		for _, a := range p.Attachments {
			if !used[a.Rel] {
				used[a.Rel] = false
			}
		}
	}
	return used
}

// writeMedia publishes the content files pages use: the pictures in their
// sizes (media.Set.Write), files that documents link to or attach as they
// are (a linked JPEG or PNG without its metadata), and the galleries' and
// videos' files (extra). A file nothing uses is not published and is
// reported, so that an editor notices a forgotten link or a stray file.
func writeMedia(w *output.Writer, l *loaded, extra, read []string, inc *incremental) (media.Stats, diag.List, error) {
	var diags diag.List
	set := l.pictures.set
	// Front-matter pictures: the templates asked for them; their problems
	// are said at the field.
	for _, p := range l.site.Docs {
		if rel := leadPath(p); rel != "" && l.pictures.files[rel] {
			l.pictures.asked[rel] = true
			if _, err := set.Image(rel); err != nil {
				diags.Errorf(p.Meta.Pos["image"], "field \"image\": %v", err)
			}
		}
	}
	l.pictures.forgetDrafts(l, extra)
	used := usedFiles(l.site)
	for _, rel := range extra {
		if _, ok := used[rel]; !ok {
			used[rel] = false
		}
	}
	pictures := map[string]bool{}
	for _, rel := range set.Used() {
		pictures[rel] = true
	}
	quiet := map[string]bool{}
	for _, rel := range read {
		quiet[rel] = true
	}
	names := make([]string, 0, len(l.tree.Files))
	for f := range l.tree.Files {
		names = append(names, f)
	}
	sort.Strings(names)
	var unused []string
	for _, rel := range names {
		_, ok := used[rel]
		switch {
		case ok && media.IsPicture(rel):
			// Linked or attached, a picture is published at its own
			// address too, without its metadata.
			if _, err := set.Link(rel); err != nil {
				// Said at the file itself: its name need not be said twice.
				file := path.Join(l.pictures.prefix, rel)
				msg := err.Error()
				if m, ok := strings.CutPrefix(msg, file+" "); ok {
					msg = "this file " + m
				}
				diags.Errorf(diag.Pos{File: file}, "%s", msg)
			}
		case pictures[rel] || l.pictures.asked[rel]:
			// Published in its sizes by set.Write, or reported where
			// it is shown.
		case ok:
			if inc.keepMedia(w, rel) {
				continue
			}
			data, err := fs.ReadFile(l.contentFS, rel)
			if err != nil {
				return media.Stats{}, diags, fmt.Errorf("copy %s: %w", rel, err)
			}
			if err := w.WriteRaw("media/"+rel, data); err != nil {
				return media.Stats{}, diags, err
			}
		case !quiet[rel]:
			unused = append(unused, rel)
		}
	}
	for _, rel := range unused {
		how := "link it from a document ([text](" + path.Base(rel) + "))"
		if media.IsPicture(rel) {
			how = "show it in a document (![what it shows](" + path.Base(rel) + ")) or as its image:"
		}
		diags.Warnf(diag.Pos{File: path.Join(l.pictures.prefix, rel)}, "no published document links to, shows or attaches this file, so it is not published; %s, list it under attachments:, or delete it", how)
	}
	st, d, err := set.Write(w)
	diags.Append(d)
	return st, diags, err
}

// keep records, for serve, the pictures each document read in this
// rebuild showed, and asks again for those of documents kept from the
// last one (their bodies were not parsed, so they asked for nothing).
func (p *pictureSource) keep(docs *docCache) {
	if docs == nil || p.set == nil {
		return
	}
	for _, e := range docs.now {
		if e.doc == nil {
			continue
		}
		if rels := p.of(e.doc.Path); rels != nil {
			e.pictures = rels
		} else if e.pictures != nil {
			p.again(e.doc.Path, e.pictures)
		}
	}
}

// forgetDrafts leaves out the pictures that only documents left out of
// the site show (drafts, documents not yet or no longer published): a
// photo of residents waiting for their consent must not be published
// with a draft that is not. extra are the files the galleries and videos
// of published pages use.
func (p *pictureSource) forgetDrafts(l *loaded, extra []string) {
	if p.set == nil || len(l.tree.Docs) == len(l.site.Docs) {
		return
	}
	published := map[string]bool{}
	keep := map[string]bool{}
	for _, rel := range extra {
		keep[rel] = true
	}
	for _, pg := range l.site.Docs {
		published[pg.Doc.Path] = true
		for _, rel := range p.of(pg.Doc.Path) {
			keep[rel] = true
		}
		if rel := leadPath(pg); rel != "" {
			keep[rel] = true
		}
	}
	for _, d := range l.tree.Docs {
		if d == nil || published[d.Path] {
			continue
		}
		for _, rel := range p.of(d.Path) {
			if !keep[rel] {
				p.set.Forget(rel)
			}
		}
	}
}

// prune drops cached pictures this build did not publish.
func (p *pictureSource) prune() error {
	if p == nil || p.set == nil {
		return nil
	}
	return p.set.Prune()
}

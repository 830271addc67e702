// Package av prepares the galleries and self-hosted videos of resolved
// documents: it checks the files they name (videos by their first bytes,
// caption files as WebVTT, posters, transcripts), enforces that a video has
// captions in its page's language, and returns what the templates show
// and the content files the site must publish.
//
// It runs after resolve and before render; it reads the content tree and
// writes nothing.
package av

import (
	"io"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
)

// Options tell Prepare where the content files are.
type Options struct {
	// FS is the content tree; Files lists its files other than Markdown
	// (content.Scan); Prefix names the tree in messages ("content").
	FS     fs.FS
	Files  map[string]bool
	Prefix string
	// Pictures publishes a photo or poster in its sizes (builder/media),
	// with Thumb the smallest at least width px wide, and says why it
	// cannot, naming the file; nil publishes the file as it is.
	Pictures func(rel string, width int) (Picture, error)
}

// Media is what Prepare found, by page. It is not changed after Prepare
// returns: renderers on many goroutines read it.
type Media struct {
	pages map[*resolve.Page]*Page
	used  []string
	read  []string
}

// Page is a document's media as its page shows them.
type Page struct {
	Video   *Video
	Gallery []Photo
}

// Of returns p's media, or nil when it has none (m may be nil).
func (m *Media) Of(p *resolve.Page) *Page {
	if m == nil {
		return nil
	}
	return m.pages[p]
}

// Used lists the content files (paths in the tree, sorted) that the
// galleries and videos show, which the site must publish under media/.
func (m *Media) Used() []string {
	if m == nil {
		return nil
	}
	return m.used
}

// Read lists the content files (sorted) whose text the pages show
// (transcripts): used, but not published as files.
func (m *Media) Read() []string {
	if m == nil {
		return nil
	}
	return m.read
}

// Prepare checks the galleries and videos of s's documents and returns
// them ready for the templates. Every problem is reported with the
// position of the field that names the file, or the file's own line.
func Prepare(s *resolve.Site, opts Options) (*Media, diag.List) {
	pr := &preparer{opts: opts, site: s, vtt: map[string]vttResult{}, used: map[string]bool{}, read: map[string]bool{}}
	m := &Media{pages: map[*resolve.Page]*Page{}}
	for _, p := range s.Docs {
		if p.Meta == nil || p.Meta.Video == nil && len(p.Meta.Gallery) == 0 {
			continue
		}
		pm := &Page{}
		if p.Meta.Video != nil {
			pm.Video = pr.video(p)
		}
		pm.Gallery = pr.gallery(p)
		if pm.Video != nil || len(pm.Gallery) > 0 {
			m.pages[p] = pm
		}
	}
	for rel := range pr.used {
		m.used = append(m.used, rel)
	}
	sort.Strings(m.used)
	for rel := range pr.read {
		m.read = append(m.read, rel)
	}
	sort.Strings(m.read)
	return m, pr.diags
}

// preparer holds what Prepare shares between documents: the three
// translations of a page name the same caption files, which are read and
// reported once.
type preparer struct {
	opts  Options
	site  *resolve.Site
	diags diag.List
	vtt   map[string]vttResult
	// used are the files published, read those whose text is shown.
	used, read map[string]bool
}

type vttResult struct {
	ok bool
}

// file resolves name, written in field of document p at pos, to a path in
// the content tree, reporting a name that leads elsewhere or to no file.
func (pr *preparer) file(p *resolve.Page, field, name string, pos diag.Pos) (string, bool) {
	if u, err := url.Parse(name); err == nil && u.Scheme != "" || strings.HasPrefix(name, "/") || strings.HasPrefix(name, "//") {
		pr.diags.Errorf(pos, "field %q: %q is not a file of the content folder; dissem publishes only files it has (nothing is loaded from other sites): put the file beside %s and give its name", field, name, path.Base(p.Doc.Path))
		return "", false
	}
	rel := path.Clean(path.Join(p.Doc.Dir, name))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		pr.diags.Errorf(pos, "field %q: %q leads out of the content folder; put the file in %s/ and name it relative to %s", field, name, pr.opts.Prefix, pr.dir(p))
		return "", false
	}
	if !pr.opts.Files[rel] {
		pr.diags.Errorf(pos, "field %q: there is no file %s; check the name (it is relative to %s)", field, pr.show(rel), pr.dir(p))
		return "", false
	}
	return rel, true
}

// show names a content file as editors see it.
func (pr *preparer) show(rel string) string { return path.Join(pr.opts.Prefix, rel) }

// dir is the folder of p's file as editors see it.
func (pr *preparer) dir(p *resolve.Page) string { return path.Dir(p.Doc.Path) }

// url is where a content file is published.
func (pr *preparer) url(rel string) string {
	pr.used[rel] = true
	return pr.site.MediaURL(rel)
}

// head reads up to n bytes from the start of a content file.
func (pr *preparer) head(rel string, n int) ([]byte, error) {
	f, err := pr.opts.FS.Open(rel)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:k], err
}

// readSmall reads a content file of at most limit bytes; ok is false when
// it is larger.
func (pr *preparer) readSmall(rel string, limit int) ([]byte, bool, error) {
	data, err := pr.head(rel, limit+1)
	if err != nil {
		return nil, false, err
	}
	return data, len(data) <= limit, nil
}

// language is the site's language code.
func (pr *preparer) language(code string) config.Language { return pr.site.Config.Language(code) }

// Package content loads a content tree into documents: front matter decoded
// with positions, the Markdown body kept with the line it starts on.
//
// It knows file names and formats, not content types; the schema package
// decides what the fields mean.
package content

import (
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/internal/sitefs"
)

// Doc is one Markdown file: one document in one language.
type Doc struct {
	// Path is the file's path as shown to editors ("content/guides/x.hu.md").
	Path string
	// Rel is the path inside the content tree ("guides/x.hu.md").
	Rel string
	// Section is the first folder ("guides"), or "" at the top level.
	Section string
	// Dir is the folder of the file inside the tree ("guides").
	Dir string
	// Base is the file name without language and extension ("x").
	Base string
	// Lang is the language from the suffix, or the default language.
	Lang string
	// Front is the decoded front matter, a Map (empty when there is none).
	Front *Value
	// Broken is set when the front matter could not be decoded; the error is
	// reported already and validation skips the document.
	Broken bool
	// Body is the Markdown after the front matter; BodyLine is the file line it starts on.
	Body     []byte
	BodyLine int
}

// Options tell the loader the site's languages.
type Options struct {
	// Prefix is prepended to paths in messages, usually "content".
	Prefix string
	// Languages are the known language codes; Default is used for files without a suffix.
	Languages []string
	Default   string
}

// Tree is a loaded content folder.
type Tree struct {
	Docs []*Doc
	// Files are the other files (images, attachments), by path inside the tree.
	Files map[string]bool
}

// Load reads every file of fsys. Markdown files become Docs, in path order;
// every problem is appended to the returned list.
func Load(fsys fs.FS, opts Options) (*Tree, diag.List) {
	mdPaths, files, diags := Scan(fsys, opts)
	t := &Tree{Docs: make([]*Doc, len(mdPaths)), Files: files}
	perDoc := make([]diag.List, len(mdPaths))
	pool.Each(len(mdPaths), pool.PerCPU(1), func(i int) {
		t.Docs[i], perDoc[i] = LoadFile(fsys, mdPaths[i], opts)
	})
	for _, l := range perDoc {
		diags.Append(l)
	}
	return t, diags
}

// Scan lists fsys without reading it: the Markdown files' paths in order,
// and the other files (images, attachments). What may be listed is
// sitefs's rule: hidden files and folders are skipped, and links out of the
// tree, to folders or in circles are reported at their path. A builder that
// handles each document as soon as it is read (and so never holds every
// file at once) calls LoadFile on the paths itself.
func Scan(fsys fs.FS, opts Options) (mdPaths []string, files map[string]bool, diags diag.List) {
	files = map[string]bool{}
	diags = sitefs.Walk(fsys, opts.Prefix, func(p string) {
		if strings.HasSuffix(p, ".md") {
			mdPaths = append(mdPaths, p)
		} else {
			files[p] = true
		}
	})
	sort.Strings(mdPaths)
	return mdPaths, files, diags
}

// LoadFile reads the Markdown file rel of fsys: its names, language and
// section from the path, its front matter decoded, its body.
func LoadFile(fsys fs.FS, rel string, opts Options) (*Doc, diag.List) {
	var diags diag.List
	display := path.Join(opts.Prefix, rel)
	d := &Doc{Path: display, Rel: rel, Dir: path.Dir(rel), Lang: opts.Default}
	if d.Dir == "." {
		d.Dir = ""
	}
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		d.Section = rel[:i]
	}
	d.Base = strings.TrimSuffix(path.Base(rel), ".md")
	if ext := path.Ext(d.Base); ext != "" {
		lang := ext[1:]
		known := false
		for _, l := range opts.Languages {
			known = known || l == lang
		}
		if known {
			d.Lang, d.Base = lang, strings.TrimSuffix(d.Base, ext)
		} else {
			diags.Errorf(diag.Pos{File: display}, "language %q in the file name is not one of the site's languages (%s); name the file %s.%s.md or add the language to site.yaml",
				lang, strings.Join(opts.Languages, ", "), strings.TrimSuffix(d.Base, ext), opts.Default)
		}
	}
	src, err := fs.ReadFile(fsys, rel)
	if err != nil {
		diags.Errorf(diag.Pos{File: display}, "cannot read: %v", err)
		return d, diags
	}
	n := diags.Errors()
	d.Front, d.Body, d.BodyLine = splitFront(src, display, &diags)
	d.Body = bodyControls(d.Body, display, d.BodyLine, &diags)
	d.Broken = diags.Errors() > n
	return d, diags
}

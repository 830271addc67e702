// Package content loads a content tree into documents: front matter decoded
// with positions, the Markdown body kept with the line it starts on.
//
// It knows file names and formats, not content types; the schema package
// decides what the fields mean.
package content

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"go.yaml.in/yaml/v4"
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
// and the other files (images, attachments). Hidden files and folders are
// skipped. A builder that handles each document as soon as it is read (and
// so never holds every file at once) calls LoadFile on the paths itself.
func Scan(fsys fs.FS, opts Options) (mdPaths []string, files map[string]bool, diags diag.List) {
	files = map[string]bool{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			diags.Errorf(diag.Pos{File: path.Join(opts.Prefix, p)}, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		if strings.HasSuffix(p, ".md") {
			mdPaths = append(mdPaths, p)
		} else {
			files[p] = true
		}
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{File: opts.Prefix}, "cannot read the content folder: %v", err)
	}
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
	d.Broken = diags.Errors() > n
	return d, diags
}

// splitFront separates front matter from body with adrg/frontmatter,
// decoding YAML and TOML into position-carrying Values.
func splitFront(src []byte, file string, diags *diag.List) (*Value, []byte, int) {
	// The front matter's data starts on the line after its opening delimiter,
	// which may follow blank lines.
	startLine := 1
	for rest := src; len(rest) > 0; startLine++ {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i+1], rest[i+1:]
		} else {
			rest = nil
		}
		if len(bytes.TrimSpace(line)) != 0 {
			break
		}
	}
	fmPos := diag.Pos{File: file, Line: startLine}
	front := &Value{Kind: Map, Pos: fmPos, Fields: map[string]*Value{}, KeyPos: map[string]diag.Pos{}}
	yamlFormat := frontmatter.NewFormat("---", "---", func(data []byte, _ any) error {
		var n yaml.Node
		if err := yaml.Unmarshal(data, &n); err != nil {
			reportYAMLError(err, file, startLine, diags)
			return nil
		}
		v := fromYAML(&n, file, startLine)
		if v.Kind != Map {
			diags.Errorf(v.Pos, "front matter must be a list of fields like \"title: My title\", got %s", v.Kind)
			return nil
		}
		front = v
		return nil
	})
	tomlFormat := frontmatter.NewFormat("+++", "+++", func(data []byte, _ any) error {
		var m map[string]any
		if _, err := toml.Decode(string(data), &m); err != nil {
			var pe toml.ParseError
			if errors.As(err, &pe) {
				diags.Errorf(diag.Pos{File: file, Line: pe.Position.Line + startLine, Col: pe.Position.Col},
					"front matter (TOML): %s", pe.Message)
			} else {
				diags.Errorf(fmPos, "front matter (TOML): %v", err)
			}
			return nil
		}
		front = fromTOML(m, diag.Pos{File: file, Line: startLine + 1})
		return nil
	})
	// The library reads only the front matter: the body stays a slice of
	// src instead of a copy grown through its buffers.
	end := frontEnd(src)
	body, err := frontmatter.Parse(bytes.NewReader(src[:end]), nil, yamlFormat, tomlFormat)
	if err != nil {
		diags.Errorf(fmPos, "cannot read the front matter: %v", err)
		return front, src, 1
	}
	if len(body) == 0 {
		body = src[end:]
	} else {
		body = append(body, src[end:]...)
	}
	if len(body) == len(src) {
		// No front matter: the whole file is the body.
		return front, src, 1
	}
	consumed := src[:len(src)-len(body)]
	return front, body, bytes.Count(consumed, []byte("\n")) + 1
}

// frontEnd returns the offset just past the line that closes the front
// matter ("---" or "+++", as opened), or len(src) when there is none.
func frontEnd(src []byte) int {
	var open []byte
	for off := 0; off < len(src); {
		line := src[off:]
		next := len(src)
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		t := bytes.TrimSpace(line)
		switch {
		case open == nil && len(t) == 0:
		case open == nil && (string(t) == "---" || string(t) == "+++"):
			open = t
		case open == nil:
			return len(src)
		case bytes.Equal(t, open):
			return next
		}
		off = next
	}
	return len(src)
}

// reportYAMLError turns go-yaml's structured errors into positions.
func reportYAMLError(err error, file string, startLine int, diags *diag.List) {
	var le *yaml.LoadError
	if errors.As(err, &le) {
		diags.Errorf(diag.Pos{File: file, Line: le.Mark.Line + startLine, Col: le.Mark.Column},
			"front matter (YAML): %s; check the indentation and put quotes around values that contain a colon", le.Message)
		return
	}
	diags.Errorf(diag.Pos{File: file, Line: startLine}, "front matter (YAML): %v", err)
}

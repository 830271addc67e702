// Package sitefs is the one place that decides what dissem may read from a
// site folder. Every reader of content/, static/ and the site's templates/
// (templates/i18n/ included) goes through it.
//
// The rule:
//
//   - Nothing outside the tree is read. Each tree is opened as an os.Root, so
//     no path and no symbolic link can lead out of it, whatever races happen
//     on disk; the tree itself must lie inside the site folder.
//   - Hidden files and folders (a name starting with ".": .git/, .env,
//     .htaccess, .DS_Store) do not exist for dissem: they are neither listed
//     nor opened, so they are never published.
//   - A symbolic link is followed only when it leads to a regular file
//     inside the same tree by a path with no hidden name (content/a.pdf →
//     shared/a.pdf). A link out of the tree, to a folder, to a hidden file,
//     to nothing, or in a circle is refused, and Walk reports it at the
//     link's own path with what to do instead. Links to folders are refused
//     even inside the tree: following them would list files twice and could
//     walk in circles.
//   - Only regular files and folders are read: a pipe or a device would block
//     the build or feed it without end.
//   - A name that is not UTF-8 text or holds a control or direction character
//     is refused (badName): it would reach published names and the register.
//
// Walk is the gate that reports; Open enforces containment and hidden names
// on every read, so a path that Walk never listed cannot leak either.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/4im-project/dissem/builder/diag"
)

// FS is one tree of a site (content/, static/ or templates/) opened for
// reading under the rule of the package comment. It implements fs.FS,
// fs.ReadDirFS, fs.ReadFileFS and fs.StatFS.
type FS struct {
	root *os.Root
	// real is the tree's absolute path with symbolic links resolved: links
	// must resolve below it.
	real string
	// name is the tree's folder name in advice ("content").
	name string
}

// OpenTree opens the folder name ("content", "static", "templates") of the
// site folder site; display is how messages show that folder. A folder that
// does not exist gives nil and no diagnostics: the caller decides whether
// that is a problem. A tree that is itself a link out of the site folder is
// refused.
func OpenTree(site, name, display string) (*FS, diag.List) {
	var diags diag.List
	dir := filepath.Join(site, name)
	pos := diag.Pos{File: display}
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(dir); lerr == nil {
			diags.Errorf(pos, "is a symbolic link to a folder that does not exist; make %s/ a real folder inside the site folder", name)
		}
		return nil, diags
	case isLoop(err):
		diags.Errorf(pos, "is a symbolic link that leads back to itself (a loop); make %s/ a real folder inside the site folder", name)
		return nil, diags
	case err != nil:
		diags.Errorf(pos, "cannot read this folder: %v", plainErr(err))
		return nil, diags
	case !st.IsDir():
		diags.Errorf(pos, "is a file, not a folder; dissem reads %s from a folder %s/ beside site.yaml", name, name)
		return nil, diags
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	siteReal, serr := filepath.EvalSymlinks(site)
	if serr == nil {
		siteReal, serr = filepath.Abs(siteReal)
	}
	if err != nil || serr != nil {
		diags.Errorf(pos, "cannot read this folder: %v", plainErr(errors.Join(err, serr)))
		return nil, diags
	}
	if _, ok := below(siteReal, real); !ok {
		diags.Errorf(pos, "is a symbolic link to a folder outside the site folder; move the folder into the site folder as %s/ instead", name)
		return nil, diags
	}
	if msg := overlaps(site, siteReal, dir, real, name); msg != "" {
		diags.Errorf(pos, "%s", msg)
		return nil, diags
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		diags.Errorf(pos, "cannot read this folder: %v", plainErr(err))
		return nil, diags
	}
	return &FS{root: root, real: real, name: name}, nil
}

// Open opens name for reading. Hidden names do not exist; os.Root keeps
// every path and link inside the tree.
func (f *FS) Open(name string) (fs.File, error) {
	if f.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.root.FS().Open(name)
}

// ReadFile reads the whole file name (see Open).
func (f *FS) ReadFile(name string) ([]byte, error) {
	if f.hidden(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return f.root.ReadFile(name)
}

// Stat describes the file name leads to (see Open).
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if f.hidden(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return f.root.FS().(fs.StatFS).Stat(name)
}

// ReadDir lists the folder name without its hidden entries.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if f.hidden(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(f.root.FS(), name)
	out := entries[:0]
	for _, e := range entries {
		if !f.hidden(path.Join(name, e.Name())) {
			out = append(out, e)
		}
	}
	return out, err
}

// WellKnown is the one dot-folder a site publishes: static/.well-known/
// holds what RFC 8615 places at a site's root (security.txt, for one).
const WellKnown = ".well-known"

// hidden reports whether a slash-separated path has a name starting with
// ".", but for static/'s .well-known folder itself.
func (f *FS) hidden(name string) bool {
	first := true
	for name != "" && name != "." {
		elem, rest, _ := strings.Cut(name, "/")
		if strings.HasPrefix(elem, ".") && !(first && elem == WellKnown && f.name == "static") {
			return true
		}
		name, first = rest, false
	}
	return false
}

// trees are the site's folders read under this package's rule.
var trees = [...]string{"content", "static", "templates"}

// overlaps says why the tree name, at dir and really at real, may not be
// read when a symbolic link makes it the site folder itself or the same
// folder as another tree (or one holding the other): static/ linked to
// content/ published every Markdown source, drafts included, and linked to
// the site folder it published site.yaml. It returns "" for a tree of its
// own; a tree that is not itself a link is never blamed.
func overlaps(site, siteReal, dir, real, name string) string {
	if st, err := os.Lstat(dir); err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if real == siteReal {
		return fmt.Sprintf("is a symbolic link to the site folder itself, which would publish site.yaml and every source; make %s/ a folder of its own", name)
	}
	for _, other := range trees {
		if other == name {
			continue
		}
		o, err := filepath.EvalSymlinks(filepath.Join(site, other))
		if err == nil {
			o, err = filepath.Abs(o)
		}
		if err != nil {
			continue
		}
		_, in := below(o, real)
		_, holds := below(real, o)
		if in || holds {
			return fmt.Sprintf("is a symbolic link that makes it the same folder as %s/ (or one holds the other), so one would be read as the other (static/ linked to content/ published every Markdown source, drafts too); make %s/ a folder of its own", other, name)
		}
	}
	return ""
}

// below returns target relative to dir when it lies inside it (or is it).
func below(dir, target string) (string, bool) {
	rel, err := filepath.Rel(dir, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// isLoop reports whether err says a chain of links never ends.
func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }

// plainErr drops the operation and path Go puts in front of a system
// error ("open /x/y: permission denied" → "permission denied"): messages
// already name the file.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// refusal is why a listed entry may not be read, in an editor's words.
type refusal string

func (r refusal) Error() string { return string(r) }

// check decides whether the link at rel (inside the tree) may be read, and
// says why not. It runs only for links, which are rare, so its system calls
// cost nothing on ordinary sites.
func (f *FS) check(rel string) error {
	full := filepath.Join(f.real, filepath.FromSlash(rel))
	st, err := os.Stat(full)
	switch {
	case isLoop(err):
		return refusal("is a symbolic link that leads back to itself (a loop); delete it, or copy the file it should show here")
	case errors.Is(err, fs.ErrNotExist):
		target, _ := os.Readlink(full)
		return refusal(fmt.Sprintf("is a symbolic link to %q, which does not exist; delete the link or copy the file here", target))
	case err != nil:
		return refusal(fmt.Sprintf("is a symbolic link that cannot be followed (%v); copy the file here instead", plainErr(err)))
	}
	kind := "file"
	if st.IsDir() {
		kind = "folder"
	}
	real, err := filepath.EvalSymlinks(full)
	if err != nil {
		return refusal(fmt.Sprintf("is a symbolic link that cannot be followed (%v); copy the %s here instead", plainErr(err), kind))
	}
	target, ok := below(f.real, real)
	switch {
	case !ok:
		return refusal(fmt.Sprintf("is a symbolic link to a %s outside the %s folder; copy the %s into %s/ instead", kind, f.name, kind, f.name))
	case st.IsDir():
		return refusal(fmt.Sprintf("is a symbolic link to a folder (%s); dissem does not follow linked folders; move or copy the folder here instead", path.Join(f.name, target)+"/"))
	case f.hidden(target):
		return refusal(fmt.Sprintf("is a symbolic link to a hidden file (%s/%s), which is never published; copy the file here under a name without a leading dot", f.name, target))
	case !st.Mode().IsRegular():
		return refusal("is a symbolic link to something that is not a file (a pipe or a device); delete it")
	}
	return nil
}

// Walk calls fn, in lexical order, with the path of every file of fsys that
// may be read: hidden names are skipped, and links, pipes and devices are
// checked. Each refused entry is reported at prefix/path. When fsys is not
// an *FS (a test's fstest.MapFS), a link cannot be resolved and is refused.
func Walk(fsys fs.FS, prefix string, fn func(p string)) diag.List {
	var diags diag.List
	tree, _ := fsys.(*FS)
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		// Only a problem needs the displayed path.
		pos := func() diag.Pos { return diag.Pos{File: path.Join(prefix, p)} }
		if err != nil {
			diags.Errorf(pos(), "cannot read: %v", plainErr(err))
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") && (tree == nil || tree.hidden(p)) {
			// Also for fs.FS values that are not an *FS.
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != "." {
			if why := badName(d.Name()); why != "" {
				diags.Errorf(pos(), "%s", why)
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
		}
		switch t := d.Type(); {
		case t.IsDir():
			return nil
		case t&fs.ModeSymlink != 0:
			var why error = refusal("is a symbolic link, which dissem does not follow here; copy the file instead")
			if tree != nil {
				why = tree.check(p)
			}
			if why != nil {
				diags.Errorf(pos(), "%v", why)
				return nil
			}
		case !t.IsRegular():
			diags.Errorf(pos(), "is not a regular file (a pipe, socket or device); delete it")
			return nil
		}
		if fn != nil {
			fn(p)
		}
		return nil
	})
	if err != nil {
		diags.Errorf(diag.Pos{File: prefix}, "cannot read this folder: %v", plainErr(err))
	}
	return diags
}

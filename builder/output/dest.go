package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// StampName is the file that marks a folder as dissem's output. A build
// replaces a non-empty folder only when it carries this stamp (or is an
// output of a dissem that predates the stamp, see isLegacyOutput).
const StampName = ".dissem-output"

// stampText is the stamp's content: harmless when a host publishes it.
const stampText = "This folder is written by dissem build and replaced on every build.\n"

// CheckDest decides whether a build may replace dest. It refuses a dest that
// is or contains the site folder (source) or any of keep (the configuration
// file, the cache), that is or lies inside the site's content/, templates/
// or static/ folder, that is the home folder or the root of the file system,
// and an existing non-empty folder that is not an earlier dissem output.
// Paths are compared after resolving symbolic links, so a link cannot
// disguise a protected folder. It returns dest resolved: the folder to write.
func CheckDest(dest, source string, keep ...string) (string, error) {
	if dest == "" {
		return "", refused{"no output folder given; name one with --dest"}
	}
	refuse := func(why, fix string) (string, error) {
		return "", refused{fmt.Sprintf("will not write the site into %s: %s; %s", dest, why, fix)}
	}
	const choose = "choose another output folder with --dest, e.g. a new folder public beside content/"
	// Slips of typing that would make a folder nobody meant: "~" the shell
	// left as it was ("--dest=~/www", or in quotes) makes a folder named
	// "~" here, which a later "rm -rf ~" to clean it would turn into the
	// home folder; a space or line break pasted around the name makes a
	// folder that looks like another.
	if why, fix := slip(dest, "--dest"); why != "" {
		dest = shown(dest)
		return refuse(why, fix)
	}
	real, err := resolve(dest)
	if err != nil {
		return "", err
	}
	if real == filepath.VolumeName(real)+string(filepath.Separator) {
		return refuse("it is the root of the file system", choose)
	}
	if source != "" {
		src, err := resolve(source)
		if err != nil {
			return "", err
		}
		if within(real, src) {
			return refuse("it is or contains the site folder ("+src+"), whose files the build would replace", choose)
		}
		for _, sub := range []string{"content", "templates", "static"} {
			p, err := resolve(filepath.Join(source, sub))
			if err == nil && within(p, real) {
				return refuse("it is inside the site's "+sub+"/ folder, which the build reads", choose)
			}
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if h, err := resolve(home); err == nil && within(real, h) {
			return refuse("it is or contains your home folder", choose)
		}
	}
	for _, k := range keep {
		if k == "" {
			continue
		}
		if p, err := resolve(k); err == nil && within(real, p) {
			return refuse("it is or contains "+k+", which the build reads", choose)
		} else if err == nil && within(p, real) {
			// Inside the cache: emptying the cache, which a build prunes
			// and an editor may delete to start afresh, deletes the site.
			return refuse("it is inside "+k+", which dissem keeps for itself", choose)
		}
	}
	info, err := os.Lstat(real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return real, nil
	case err != nil:
		return "", err
	case !info.IsDir():
		return refuse("it is a file, not a folder", "remove it or "+choose)
	}
	entries, err := os.ReadDir(real)
	if err != nil {
		return "", err
	}
	if len(entries) == 0 || hasStamp(real) || isLegacyOutput(real, info, entries) {
		return real, nil
	}
	return refuse("it holds files that dissem did not write, and a build replaces the whole folder",
		"empty it or "+choose)
}

// slip says why the folder name given with flag is a slip of typing, and
// how to write it, or returns "", "".
func slip(name, flag string) (why, fix string) {
	if first, _, _ := strings.Cut(filepath.ToSlash(name), "/"); strings.HasPrefix(first, "~") {
		return "the shell did not replace \"~\" with your home folder (it does not after \"=\" or inside quotes), so the files would go into a folder named \"~\"",
			"write the whole path, e.g. " + flag + " \"$HOME/www\""
	}
	if strings.TrimSpace(name) != name || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return "the name begins or ends with a space or holds a line break or another invisible character, perhaps pasted by mistake",
			"write the name without it after " + flag
	}
	return "", ""
}

// shown is a folder name as a message shows it: quoted when a space or an
// invisible character in it would be lost.
func shown(name string) string {
	if strings.ContainsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return strconv.Quote(name)
	}
	return name
}

// CheckOutFolder decides whether a command that adds files to the folder dir
// (named with flag, like "--out") may write there: not a slip of typing (see
// CheckDest), not the site folder itself, and not inside the site's
// content/, templates/ or static/ folder, symbolic links resolved. Unlike
// CheckDest it allows a folder holding other files: such a command replaces
// no folder.
func CheckOutFolder(dir, flag, source string) error {
	refuse := func(why, fix string) error {
		return refused{fmt.Sprintf("will not write into %s: %s; %s", dir, why, fix)}
	}
	if why, fix := slip(dir, flag); why != "" {
		dir = shown(dir)
		return refuse(why, fix)
	}
	real, err := resolve(dir)
	if err != nil {
		return err
	}
	choose := "choose a folder of its own with " + flag
	src, err := resolve(source)
	if err != nil {
		return err
	}
	if real == src {
		return refuse("it is the site folder", choose)
	}
	for _, sub := range []string{"content", "templates", "static"} {
		if p, err := resolve(filepath.Join(source, sub)); err == nil && within(p, real) {
			return refuse("it is inside the site's "+sub+"/ folder, which the build reads", choose)
		}
	}
	return nil
}

// hasStamp reports whether dir carries the stamp of a dissem output.
func hasStamp(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, StampName))
	return err == nil && info.Mode().IsRegular()
}

// isLegacyOutput recognises a folder published by a dissem that wrote no
// stamp: every such build renamed a temporary folder made with mode 0700 into
// place, and every site has index.html (the language chooser) and
// sitemap.xml at its root. A folder made by hand or by another generator has
// the umask's mode (0755); one the editor made private and filled with those
// two files is the only false match, and it is a website too.
func isLegacyOutput(dir string, info fs.FileInfo, entries []fs.DirEntry) bool {
	if info.Mode().Perm() != 0o700 {
		return false
	}
	var index, sitemap bool
	for _, e := range entries {
		switch e.Name() {
		case "index.html":
			index = e.Type().IsRegular()
		case "sitemap.xml":
			sitemap = e.Type().IsRegular()
		}
	}
	return index && sitemap
}

// within reports whether p is dir or lies inside it; both are clean and
// absolute.
func within(dir, p string) bool {
	if p == dir {
		return true
	}
	if !strings.HasSuffix(dir, string(filepath.Separator)) {
		dir += string(filepath.Separator)
	}
	return strings.HasPrefix(p, dir)
}

// resolve returns p absolute with every symbolic link resolved. A path that
// does not exist yet is resolved up to its longest existing ancestor and the
// rest appended, so "public" and "link-to-site/public" compare correctly
// before the build makes them.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		real, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("cannot read the folder %s: %w", cur, unwrapPath(err))
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// unwrapPath drops the system call and paths Go puts in front of an error
// ("lstat x: permission denied" → "permission denied"); the message around
// it names the folder in the editor's words.
func unwrapPath(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		return pe.Err
	case errors.As(err, &le):
		return le.Err
	case errors.As(err, &se):
		return se.Err
	}
	return err
}

// ErrRefused is what errors.Is finds in the error of CheckDest and
// CheckOutFolder when they refuse a folder: the command line named it, so
// it is a usage error (exit status 2), not a failure of the machine.
var ErrRefused = errors.New("output folder refused")

// refused is such an error, with its message for the editor.
type refused struct{ msg string }

func (e refused) Error() string        { return e.msg }
func (e refused) Is(target error) bool { return target == ErrRefused }

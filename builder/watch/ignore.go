package watch

import (
	"strconv"
	"strings"
)

// Ignored reports whether a file or folder name (not a path) is one that
// editors, operating systems and this package write beside the real files,
// or a dotfile, which the build skips anyway. Changes to such names are not
// reported, and folders with such names are not watched.
//
//   - dotfiles and dot-folders: vim's .x.swp, emacs's .#x lock, .git, .DS_Store,
//     gedit's .goutputstream-…, this package's probe file;
//   - vim: the 4913 probe (4913 + 123·k when taken), .swp/.swo/…/.swa and .swx
//     swap files, backups ending in ~;
//   - emacs: #x# auto-save files, backups ending in ~;
//   - JetBrains safe write: x___jb_tmp___ and x___jb_old___;
//   - temporary files ending in .tmp; Kate's .kate-swp; Office's ~$ locks.
func Ignored(name string) bool {
	if name == "" || name[0] == '.' || name[0] == '~' || strings.HasSuffix(name, "~") {
		return true
	}
	if len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#' {
		return true
	}
	lower := strings.ToLower(name)
	for _, suffix := range []string{".tmp", "___jb_tmp___", "___jb_old___", ".kate-swp", ".swx"} {
		if strings.HasSuffix(lower, suffix) {
			return true
		}
	}
	// Vim's swap files: .swp, then .swo, .swn … .swa when the first is taken.
	if n := len(lower); n > 4 && lower[n-4:n-1] == ".sw" && lower[n-1] >= 'a' && lower[n-1] <= 'p' {
		return true
	}
	return vimProbe(name)
}

// vimProbe reports whether name is the file vim creates to test whether it
// may write in a folder: "4913", or 4913 + 123·k when that name is taken.
func vimProbe(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && n >= 4913 && (n-4913)%123 == 0 && name[0] != '0' && name[0] != '+'
}

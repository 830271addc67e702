//go:build unix

package watch

import (
	"io/fs"
	"syscall"
)

// inode returns a file's inode number: a file replaced by a rename has a new
// one even when its size and time are the same.
func inode(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}

//go:build unix

package output

import "golang.org/x/sys/unix"

// stampOf is the FileStamp of the file at name, not following a link.
func stampOf(name string) (FileStamp, bool) {
	var st unix.Stat_t
	if unix.Lstat(name, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return FileStamp{}, false
	}
	return FileStamp{Dev: uint64(st.Dev), Ino: uint64(st.Ino), Size: st.Size, Mtime: st.Mtim.Nano(), Mode: uint32(st.Mode)}, true
}

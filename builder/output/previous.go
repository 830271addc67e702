package output

import (
	"os"
	"path/filepath"
)

// FileStamp tells a file a build wrote from any other on this machine
// without reading it: its device, inode, size, modification time and
// permissions. A file left as it was written keeps its stamp (a hard link
// to it too); a file written to, replaced, made anew or made unreadable
// to others has another.
type FileStamp struct {
	Dev, Ino    uint64
	Size, Mtime int64
	Mode        uint32
}

// Stamp returns the stamp of name as this build wrote it; false for a
// memory Writer, where the system gives no inode, and on a file system
// that keeps whole seconds of modification time (one that hides a write
// in the same second as the file's making: its nanoseconds are 0).
func (w *Writer) Stamp(name string) (FileStamp, bool) {
	if w.mem != nil {
		return FileStamp{}, false
	}
	s, ok := stampOf(filepath.Join(w.tmp, filepath.FromSlash(name)))
	if !ok || s.Mtime%1e9 == 0 {
		return FileStamp{}, false
	}
	return s, true
}

// LinkPrevious puts the previous build's file name into this build as it
// is, a hard link to the same inode, when that file still has stamp: a
// large file the previous build wrote (the register's exports) then costs
// no copy. It reports false when the file is not there, has another stamp,
// or cannot be linked: the caller writes it then.
//
// The previous build's folder is left as it was until Commit replaces it,
// so a build that fails publishes nothing new, as ever; a file in both
// shares its bytes until then, and neither is written to.
func (w *Writer) LinkPrevious(name string, stamp FileStamp) bool {
	if w.mem != nil {
		return false
	}
	prev := filepath.Join(w.dest, filepath.FromSlash(name))
	if got, ok := stampOf(prev); !ok || got != stamp {
		return false
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(name))
	if w.mkdir(filepath.Dir(full)) != nil || os.Link(prev, full) != nil {
		return false
	}
	// Linked between the two checks? The stamp again, of the link.
	if got, ok := stampOf(full); !ok || got != stamp {
		_ = os.Remove(full)
		return false
	}
	w.files.Add(1)
	w.bytes.Add(stamp.Size)
	return true
}

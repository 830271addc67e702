//go:build linux

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap publishes tmp as dest. Where dest exists, renameat2 with
// RENAME_EXCHANGE trades the two trees in one step, so a web server reading
// dest never finds it missing or half old, half new; tmp then holds the old
// site. File systems without the exchange fall back to two renames.
func swap(tmp, dest string) error {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT):
		// No previous site: one plain rename.
		return os.Rename(tmp, dest)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return swapByRenames(tmp, dest)
	}
	return &os.LinkError{Op: "rename", Old: tmp, New: dest, Err: err}
}

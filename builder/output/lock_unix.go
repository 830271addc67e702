//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// lock takes an exclusive lock on the file path for one build, so that two
// builds into one folder never remove each other's temporary folder. A second
// build does not wait: it fails at once, naming the folder. The returned
// function unlocks and removes the file. locked is true: leftovers beside
// the output may be removed.
func lock(path, dest string) (unlock func(), locked bool, err error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, false, fmt.Errorf("cannot make the lock file %s: %w", path, unwrapPath(err))
		}
		fd := int(f.Fd())
		if err := unix.Flock(fd, unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, false, fmt.Errorf("another dissem build is writing %s; wait until it has finished, then build again", dest)
			}
			return nil, false, fmt.Errorf("cannot lock %s: %w", path, err)
		}
		// The holder before us removes the file before unlocking it; if we
		// locked such a removed file, the lock guards nothing: start over.
		var held, now unix.Stat_t
		if unix.Fstat(fd, &held) == nil && unix.Stat(path, &now) == nil && held.Dev == now.Dev && held.Ino == now.Ino {
			return func() {
				_ = os.Remove(path)
				f.Close() // closing drops the lock
			}, true, nil
		}
		f.Close()
	}
}

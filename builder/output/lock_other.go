//go:build !unix

package output

// lock is a no-op where flock does not exist: builds into one folder are
// not kept apart, so leftovers are not removed either (locked is false).
func lock(path, dest string) (unlock func(), locked bool, err error) {
	return func() {}, false, nil
}

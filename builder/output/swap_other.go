//go:build !linux

package output

// swap publishes tmp as dest with two renames: only Linux exchanges two
// folders in one step (renameat2 RENAME_EXCHANGE).
func swap(tmp, dest string) error { return swapByRenames(tmp, dest) }

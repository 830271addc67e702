//go:build !unix

package output

// umask does nothing where files have no Unix modes.
func umask(m int) int { return 0 }

//go:build !unix

package serve

import "os"

// openFlags opens read-only; named pipes are a Unix concern.
const openFlags = os.O_RDONLY

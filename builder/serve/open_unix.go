//go:build unix

package serve

import "syscall"

// openFlags opens without blocking: opening a named pipe for reading would
// otherwise wait for a writer forever, holding a goroutine and a descriptor.
const openFlags = syscall.O_RDONLY | syscall.O_NONBLOCK

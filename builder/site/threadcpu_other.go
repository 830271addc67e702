//go:build !linux

package site

import "time"

// threadCPUTime is the wall clock where no thread clock is at hand.
func threadCPUTime() int64 { return time.Now().UnixNano() }

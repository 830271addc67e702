package site

import "golang.org/x/sys/unix"

// threadCPUTime is the calling thread's CPU time in nanoseconds.
func threadCPUTime() int64 {
	var ts unix.Timespec
	if unix.ClockGettime(unix.CLOCK_THREAD_CPUTIME_ID, &ts) != nil {
		return 0
	}
	return ts.Nano()
}

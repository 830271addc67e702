//go:build unix

package output

import "syscall"

func umask(m int) int { return syscall.Umask(m) }

//go:build unix

package sitefs

import (
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestWalkSpecialFiles: a pipe would block the build forever on read.
func TestWalkSpecialFiles(t *testing.T) {
	src, _ := site(t, nil)
	if err := syscall.Mkfifo(filepath.Join(src, "content", "pipe.pdf"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	tree, _ := OpenTree(src, "content", "content")
	var files []string
	d := Walk(tree, "content", func(p string) { files = append(files, p) })
	if slices.Contains(files, "pipe.pdf") || !strings.Contains(d.String(), "content/pipe.pdf: is not a regular file") {
		t.Errorf("files %q, diagnostics %v", files, d)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewHostileNames: a name that climbs out of content/, is absolute, is
// hidden, holds a line break or is too long for a file name never writes
// outside the section folder; a name too long is refused in words, not with
// the file system's "file name too long" (exit 3).
func TestNewHostileNames(t *testing.T) {
	dir := newSite(t)
	tests := []struct {
		name, file, refusal string
	}{
		{"../../../outside", "outside.en.md", ""},
		{"/etc/cron.d/x", "etc-cron-d-x.en.md", ""},
		{".hidden", "hidden.en.md", ""},
		{"line\nbreak", "line-break.en.md", ""},
		{strings.Repeat("long ", 21), "", "use a shorter name (at most 100)"},
		{strings.Repeat("z", 300), "", "a file name of 300 characters"},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "new", "--source", dir, "guide", tt.name)
		if tt.refusal != "" {
			if code != 2 || !strings.Contains(stderr, tt.refusal) {
				t.Errorf("%.20q: exit %d, %s", tt.name, code, stderr)
			}
			continue
		}
		if code != 0 {
			t.Errorf("%.20q: exit %d, %s", tt.name, code, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, "content", "guides", tt.file)); err != nil {
			t.Errorf("%.20q: %v", tt.name, err)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("written beside the site folder: %v", entries)
	}
}

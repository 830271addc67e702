package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOutHostile: "dissem export datacite --out" decides where it may
// write as the build does: a link to content/ is inside content/, a "~" the
// shell left as it was and the site folder itself are refused; nothing is
// written for a refused folder.
func TestExportOutHostile(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	copyDir(t, "../../builder/site/testdata/site", site)
	if err := os.Symlink(filepath.Join(site, "content"), filepath.Join(dir, "to-content")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		out, stderr string
	}{
		{filepath.Join(dir, "to-content"), "it is inside the site's content/ folder"},
		{filepath.Join(dir, "to-content", "records"), "it is inside the site's content/ folder"},
		{"~/records", `the shell did not replace "~"`},
		{site, "it is the site folder"},
		{filepath.Join(site, "static", "records"), "inside the site's static/ folder"},
		{filepath.Join(dir, "records") + "\n", "holds a line break"},
		{filepath.Join(dir, "records"), ""},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "export", "datacite", "--source", site, "--out", tt.out)
		if tt.stderr == "" {
			if code != 0 {
				t.Errorf("--out %q: exit %d, %s", tt.out, code, stderr)
			}
			continue
		}
		if code != 2 || !strings.Contains(stderr, tt.stderr) || !strings.Contains(stderr, "--out") {
			t.Errorf("--out %q: exit %d, %s", tt.out, code, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content", "en")); err == nil {
		t.Error("records were written into content/")
	}
}

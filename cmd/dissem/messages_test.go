package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The line that closes a failed build counts its errors in words an editor
// reads ("1 error", "2 errors"), not "1 error(s)".
func TestErrorCountInWords(t *testing.T) {
	for _, c := range []struct {
		dates []string
		want  string
	}{
		{[]string{"2024-02-30"}, "1 error; nothing was written"},
		{[]string{"2024-02-30", "2024-13-01"}, "2 errors; nothing was written"},
	} {
		dir := newSite(t)
		file := filepath.Join(dir, "content", "guides", "survey.en.md")
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.Replace(src, []byte("date: 2024-05-31"), []byte("date: "+c.dates[0]), 1)
		if len(c.dates) > 1 {
			src = bytes.Replace(src, []byte("---\nAsk"), []byte("lastmod: "+c.dates[1]+"\n---\nAsk"), 1)
		}
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"build", "check"} {
			code, _, stderr := runCmd(t, cmd, "--source", dir, "--no-briefs", "--dest", filepath.Join(t.TempDir(), "public"))
			if code != 1 || !strings.Contains(stderr, c.want) || strings.Contains(stderr, "(s)") {
				t.Errorf("%s with dates %v: exit %d, want 1 and %q:\n%s", cmd, c.dates, code, c.want, stderr)
			}
		}
	}
}

package sitefs

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBadName: names an editor's tools make are read; names that are not
// text, or hold what a terminal or a file manager acts on, are refused.
func TestBadName(t *testing.T) {
	tests := []struct {
		name string
		want string // a part of the message; "" for a good name
	}{
		{"survey.en.md", ""},
		{"kép-ő (1).hu.md", ""},
		{"zá\u0301vod 🙂.sk.md", ""},
		{"zero\u200bwidth.md", ""},
		{"k\xe9p.md", "byte (0xE9) that is not UTF-8"},
		{"new\nline.md", "control character (U+000A)"},
		{"tab\there.md", "control character (U+0009)"},
		{"esc\x1b[31m.md", "control character (U+001B)"},
		{"del\x7f.md", "control character (U+007F)"},
		{"c1\u0085.md", "control character (U+0085)"},
		{"report\u202efdp.exe", "direction mark (U+202E)"},
		{"iso\u2066late.md", "direction mark (U+2066)"},
	}
	for _, tt := range tests {
		got := badName(tt.name)
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("badName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestWalkBadNames: a refused folder is reported once and its files are not
// listed; a refused file is reported and not listed; the rest is.
func TestWalkBadNames(t *testing.T) {
	src, _ := site(t, nil)
	for _, name := range []string{"content/new\nfolder/a.md", "content/new\nfolder/b.md", "content/img/tab\t.png"} {
		write(t, filepath.Join(src, filepath.FromSlash(name)), "x")
	}
	tree, diags := OpenTree(src, "content", "content")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	var files []string
	diags = Walk(tree, "content", func(p string) { files = append(files, p) })
	if got, want := strings.Join(files, " "), "a.md img/x.png"; got != want {
		t.Errorf("listed %q, want %q", got, want)
	}
	if got, want := diags.String(), `content/img/tab\x09.png: the name holds an invisible control character (U+0009); rename it with letters, digits and hyphens
content/new\x0Afolder: the name holds an invisible control character (U+000A); rename it with letters, digits and hyphens
`; got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

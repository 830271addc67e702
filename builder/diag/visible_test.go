package diag

import "testing"

// TestVisible: what a terminal would act on is shown escaped; everything an
// editor writes (accents, quotes, emoji, newlines in a message) is kept.
func TestVisible(t *testing.T) {
	tests := []struct {
		in    string
		lines bool
		want  string
	}{
		{"content/a.md", false, "content/a.md"},
		{"content/kép ő.md", false, "content/kép ő.md"},
		{"esc\x1b[2Jclear\a", false, `esc\x1B[2Jclear\x07`},
		{"bad\xff\xfe.md", false, `bad\xFF\xFE.md`},
		{"new\nline\ttab\r", false, `new\x0Aline\x09tab\x0D`},
		{"new\nline\ttab\r", true, "new\nline\ttab\\x0D"},
		{"report\u202efdp.exe", false, `report\u202Efdp.exe`},
		{"c1\u0085\u009b31m", true, `c1\u0085\u009B31m`},
		{"isolate\u2066x\u2069 🙂", true, `isolate\u2066x\u2069 🙂`},
		{"del\x7f", true, `del\x7F`},
	}
	for _, tt := range tests {
		if got := Visible(tt.in, tt.lines); got != tt.want {
			t.Errorf("Visible(%q, %v) = %q, want %q", tt.in, tt.lines, got, tt.want)
		}
	}
	d := Diag{Pos: Pos{File: "x\x1b]0;owned\a.md", Line: 2, Col: 1}, Msg: "unknown field \"\x1b[31m\""}
	if got, want := d.String(), `x\x1B]0;owned\x07.md:2:1: unknown field "\x1B[31m"`; got != want {
		t.Errorf("Diag.String() = %q, want %q", got, want)
	}
}

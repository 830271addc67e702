package content

import (
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/diag"
)

// TestBodyControls: control characters in a body become spaces (every other
// byte stays where it was), with one warning at the first; a body without
// one is returned as it is, not copied.
func TestBodyControls(t *testing.T) {
	tests := []struct {
		body, want, warn string
	}{
		{"Plain text,\ttabs\r\nand lines. Közösségi ő ¡\n", "", ""},
		{"Word\vbreak", "Word break", "a.md:7:5: warning: the invisible control character U+000B is shown"},
		{"one\ntwo ő\x1b[1m and\x00\x7f\n", "one\ntwo ő [1m and  \n", "a.md:8:6: warning: the invisible control character U+001B (and 2 more in the text)"},
		{"csi \u009b and nel\u0085.", "csi    and nel  .", "a.md:7:5: warning: the invisible control character U+009B (and 1 more in the text)"},
		{strings.Repeat("long line ", 30) + "\x01", strings.Repeat("long line ", 30) + " ", "a.md:7:301:"},
	}
	for _, tt := range tests {
		var d diag.List
		got := bodyControls([]byte(tt.body), "a.md", 7, &d)
		if tt.want == "" {
			if string(got) != tt.body || len(d) != 0 {
				t.Errorf("%q changed to %q, %s", tt.body, got, d)
			}
			continue
		}
		if string(got) != tt.want || len(got) != len(tt.body) {
			t.Errorf("%q → %q, want %q", tt.body, got, tt.want)
		}
		if len(d) != 1 || !strings.HasPrefix(d[0].String(), tt.warn) {
			t.Errorf("%q: got %s, want one warning starting %q", tt.body, d, tt.warn)
		}
	}
}

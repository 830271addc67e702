package yamlnode

import (
	"strings"
	"testing"
)

// TestControls: control characters are taken out of texts (line-breaking
// ones become a space); letters, tabs and line ends are kept, and a text
// without controls is returned as it is.
func TestControls(t *testing.T) {
	tests := []struct {
		in, want string
		first    rune // -1: none found
	}{
		{"Household survey", "Household survey", -1},
		{"Közösségi ﬁnance é ¡", "Közösségi ﬁnance é ¡", -1},
		{"tab\tand\r\nline", "tab\tand\r\nline", -1},
		{"nul\x00only", "nulonly", 0},
		{"word\vline", "word line", '\v'},
		{"esc\x1b[31mred\x7f", "esc[31mred", 0x1b},
		{"nel\u0085csi\u009b", "nel csi", 0x85},
		{"xml\ufffe\uffff", "xml", 0xfffe},
	}
	for _, tt := range tests {
		got, r, found := Controls(tt.in)
		if got != tt.want || found != (tt.first >= 0) || found && r != tt.first {
			t.Errorf("Controls(%q) = %q, %U, %v; want %q, %U", tt.in, got, r, found, tt.want, tt.first)
		}
	}
}

// TestParseDropsControls: a YAML escape brings a control character into a
// value; Parse takes it out and warns at the value.
func TestParseDropsControls(t *testing.T) {
	n, diags := Parse([]byte("title: \"A\\vB\\0\"\nlist: [\"ok\", \"x\\e\"]\n"), "a.md", 2)
	if n == nil {
		t.Fatal(diags)
	}
	if got := n.Content[1].Value; got != "A B" {
		t.Errorf("title = %q, want %q", got, "A B")
	}
	want := "a.md:2:8: warning: this value holds the invisible control character U+000B"
	if len(diags) != 2 || !strings.HasPrefix(diags[0].String(), want) || !strings.HasPrefix(diags[1].String(), "a.md:3:14: warning:") {
		t.Errorf("got:\n%s\nwant two warnings, the first %q", diags, want)
	}
}

// TestOverride: direction overrides and isolates are found; other marks
// of the same block (dashes, quotes, the zero-width joiner) are not.
func TestOverride(t *testing.T) {
	tests := []struct {
		in    string
		first rune // 0: none
	}{
		{"Tetemvár – „pilot” ‘x’ …", 0},
		{"emoji 👩\u200d👩", 0},
		{"\u202eevil\u202c", 0x202e},
		{"mixed \u2067عربي\u2069 text", 0x2067},
		{"lre \u202a", 0x202a},
	}
	for _, tt := range tests {
		r, ok := Override(tt.in)
		if ok != (tt.first != 0) || r != tt.first {
			t.Errorf("Override(%q) = %U, %v; want %U", tt.in, r, ok, tt.first)
		}
	}
}

// TestStrayCarriageReturn: YAML ends a line at a lone "\r" (and at U+0085,
// U+2028 and U+2029) where the rest
// of a document's positions count "\n" only; a field after one is placed
// on the file's line, in a tree and in a syntax error alike.
func TestStrayCarriageReturn(t *testing.T) {
	n, diags := Parse([]byte("title: \"a\r\rb\"\ndate: 2024-05-31\nwp: \"5\u2028.5\u0085\"\nend: \"\u2029\"\n"), "x.md", 2)
	if diags.HasErrors() || n == nil {
		t.Fatalf("%v", diags)
	}
	want := map[string]int{"title": 2, "date": 3, "wp": 4, "end": 5}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Line+1 != want[k.Value] {
			t.Errorf("%s on line %d, want %d", k.Value, k.Line+1, want[k.Value])
		}
	}
	_, diags = Parse([]byte("a: \"x\ry\"\nb: [1, 2\n"), "x.md", 1)
	if len(diags) == 0 || diags[0].Pos.Line > 2 {
		t.Errorf("syntax error at %v, want within the file's 2 lines", diags)
	}
}

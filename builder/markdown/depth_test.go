package markdown

import (
	"strings"
	"testing"
)

// TestTooDeep: only the start of a line counts, and only before a list
// marker (or as quote marks): deeply indented code or text passes.
func TestTooDeep(t *testing.T) {
	deepList := func(n int, marker string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + marker + " x\n")
		}
		return b.String()
	}
	tests := []struct {
		name  string
		src   string
		at    int // line (from 0) of the refusal, -1 for none
		depth int
	}{
		{"ordinary", "# T\n\n- a\n  - b\n    - c\n\n> q\n>> qq\n", -1, 0},
		{"100 lists", deepList(101, "-"), -1, 0},
		{"101 lists", deepList(102, "-"), 101, 101},
		{"numbered", deepList(103, "1."), 101, 101},
		{"tabs", strings.Repeat("\t", 51) + "* x\n", 0, 102},
		{"indented text, no marker", strings.Repeat(" ", 400) + "code\n", -1, 0},
		{"a dash without a space", strings.Repeat(" ", 400) + "-x\n", -1, 0},
		{"500 quotes", strings.Repeat(">", 500) + " x\n", -1, 0},
		{"501 quotes, spaced", "a\n" + strings.Repeat("> ", 501) + "x\n", 1, 501},
	}
	for _, tt := range tests {
		off, depth := tooDeep([]byte(tt.src))
		line := -1
		if off >= 0 {
			line = strings.Count(tt.src[:off], "\n")
		}
		if line != tt.at || depth != tt.depth {
			t.Errorf("%s: line %d depth %d, want line %d depth %d", tt.name, line, depth, tt.at, tt.depth)
		}
	}
}

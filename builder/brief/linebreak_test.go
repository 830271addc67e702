package brief

import (
	"strings"
	"testing"
)

// words makes items of fixed-width letters: each letter 1 wide, spaces 1
// wide stretching by 1 and shrinking by 0.5.
func words(s string) []item {
	var items []item
	for i, w := range strings.Fields(s) {
		if i > 0 {
			items = append(items, item{kind: glue, w: 1, stretch: 1, shrink: 0.5})
		}
		items = append(items, item{kind: box, w: float64(len(w)), text: w})
	}
	return append(items, item{kind: glue, stretch: 1e5}, item{kind: penalty, penalty: -infPenalty})
}

func lines(items []item, brks []int) []string {
	var out []string
	start := -1
	for _, b := range brks {
		var ws []string
		for i := lineStart(items, start); i < b; i++ {
			if items[i].kind == box {
				ws = append(ws, items[i].text)
			}
		}
		out = append(out, strings.Join(ws, " "))
		start = b
	}
	return out
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		tol   float64
		emerg bool
		want  string
	}{
		{"aaa bbb ccc ddd", 7, 1, false, "aaa bbb|ccc ddd"},
		{"aaa bbb ccc ddd", 100, 1, false, "aaa bbb ccc ddd"},
		{"aa bb cc dd ee", 8, 2, false, "aa bb cc|dd ee"},
		// Spaces shrink: "aa bb cc dd" (11) fits in 10.
		{"aa bb cc dd ee", 10, 0.1, false, "aa bb cc dd|ee"},
		{"abcdefghij kl", 5, 1, false, ""}, // an overlong word: no feasible set
		{"abcdefghij kl", 5, 1, true, "abcdefghij|kl"},
	}
	for _, tt := range tests {
		items := words(tt.text)
		brks, ok := breakLines(items, tt.width, tt.tol, tt.emerg)
		got := strings.Join(lines(items, brks), "|")
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("%q width %v: got %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}

func TestMetricsMatchKnownWidths(t *testing.T) {
	e := engine(t)
	// Liberation Sans Bold and Serif are metric-compatible with Arial Bold and
	// Times New Roman: "H" is 722/1000 em in both, the space 278 and 250.
	tests := []struct {
		f    fontID
		s    string
		want float64
	}{
		{sansBold, "H", 722}, {serif, "H", 722}, {serif, " ", 250}, {mono, "ő", 600},
	}
	for _, tt := range tests {
		if got := e.met[tt.f].width(tt.s, 1000); got != tt.want {
			t.Errorf("font %d %q: width %v, want %v", tt.f, tt.s, got, tt.want)
		}
	}
	for _, r := range "őűŐŰčďľĺňŕťžČĎĽĹŇŔŤŽ„”“‚‘–—…" {
		for f := range numFonts {
			if !e.met[f].has(r) {
				t.Errorf("font %d lacks %q", f, r)
			}
		}
	}
}

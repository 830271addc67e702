package register

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestWrapLongWords: no line of a chart label is longer than the chart
// holds at 320 px, also for a word longer than a line (the SVG clips
// text past its width); a long word breaks after a hyphen when it has
// one, and its letters all stay, in order.
func TestWrapLongWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"University of Miskolc: 12", []string{"University of Miskolc: 12"}},
		{"Munkaerőpiacifoglalkoztatásfejlesztésiszolgáltatás: 3", []string{"Munkaerőpiacifoglalkoztatásfejlesz", "tésiszolgáltatás: 3"}},
		{"Borsod-Abaúj-Zemplén-Vármegyei-Kormányhivatal-Foglalkoztatási: 2",
			[]string{"Borsod-Abaúj-Zemplén-Vármegyei-", "Kormányhivatal-Foglalkoztatási: 2"}},
	} {
		got := wrap(c.in, 34)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q) = %q, want %q", c.in, got, c.want)
		}
		for _, l := range got {
			if utf8.RuneCountInString(l) > 34 {
				t.Errorf("wrap(%q): line %q is longer than 34", c.in, l)
			}
		}
	}
}

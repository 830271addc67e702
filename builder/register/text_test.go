package register

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"
)

// textSeeds are texts for the exports' escaping: plain, accented, quoted,
// controls, line and paragraph separators, invalid UTF-8, U+FFFE, and
// each at every place of an eight-byte word.
var textSeeds = []string{
	"", "Miskolc", "Útmutató: a „közösségi” házak", `say "hi" \ now`, "tab\there\nline\r\nend",
	"\x00\x01\x1f\x7f", "a\u2028b\u2029c", "bad \xff\xfe byte", "\xe2\x80", "\xef\xbf\xbe\xef\xbf\xbf",
	"<b>&amp;</b> > x", "=1+2", "Košice–Miskolc — 2023 ✓", strings.Repeat("abcdefgh", 5) + "\"",
	// Each byte that needs a look alone among plain ones, so that a word
	// of eight holds it and nothing else that does.
	"Research & Development programme", "Research < Development programme", "Research > Development programme",
	"Research \" Development programme", "Research \\ Development programme", "Research \x01 Development programme",
	"Research \r Development programme", "Research \x7f Development programme", "Research \u2028 Development programme",
	"Research \xff Development programme", "Research \uffff Development programme", "Research é Development programme",
}

func FuzzExportText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
		for pad := 1; pad < 9; pad++ {
			f.Add(strings.Repeat("x", pad) + s + strings.Repeat("y", pad))
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONText(t, s)
		checkXMLText(t, s)
	})
}

// TestExportText runs the fuzz target's checks on its seeds.
func TestExportText(t *testing.T) {
	for _, s := range textSeeds {
		for pad := 0; pad < 9; pad++ {
			p := strings.Repeat("x", pad) + s + strings.Repeat("é", pad)
			checkJSONText(t, p)
			checkXMLText(t, p)
		}
	}
}

// valid is s with each byte that begins no UTF-8 character replaced by
// U+FFFD, and any rune replace says so too.
func valid(s string, replace func(rune) bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || replace(r) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// checkJSONText checks appendJSON: one JSON string, holding s (invalid
// bytes as U+FFFD), with no raw control character, U+2028 or U+2029.
func checkJSONText(t *testing.T, s string) {
	t.Helper()
	out := appendJSON([]byte("x"), s)[1:]
	var got string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("appendJSON(%q) = %s: %v", s, out, err)
	}
	if want := valid(s, func(rune) bool { return false }); got != want {
		t.Fatalf("appendJSON(%q) reads as %q, want %q", s, got, want)
	}
	if strings.ContainsAny(string(out), "\u2028\u2029") || strings.IndexFunc(string(out), func(r rune) bool { return r < 0x20 }) >= 0 {
		t.Fatalf("appendJSON(%q) = %q holds a raw control or separator", s, out)
	}
}

// checkXMLText checks xmlEscape: XML text holding s, its characters XML
// 1.0 cannot hold (controls but tab and line ends, U+FFFE, U+FFFF,
// invalid bytes) as U+FFFD, a carriage return kept.
func checkXMLText(t *testing.T, s string) {
	t.Helper()
	out := xmlEscape([]byte("<t>"), s)
	out = append(out, "</t>"...)
	var got struct {
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal(out, &got); err != nil {
		t.Fatalf("xmlEscape(%q) = %s: %v", s, out, err)
	}
	want := valid(s, func(r rune) bool {
		return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
	})
	if got.Text != want {
		t.Fatalf("xmlEscape(%q) reads as %q, want %q", s, got.Text, want)
	}
}

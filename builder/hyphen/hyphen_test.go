package hyphen

import (
	"strings"
	"testing"
)

func TestShow(t *testing.T) {
	tests := []struct{ lang, word, want string }{
		{"hu", "szegregátum", "szeg-re-gá-tum"},
		{"hu", "önkormányzat", "ön-kor-mány-zat"},
		{"hu", "asszony", "asz-szony"}, // non-standard: the doubled digraph is split
		{"hu", "Közösségfejlesztés", "Kö-zös-ség-fej-lesz-tés"},
		{"sk", "komunitný", "ko-mu-nit-ný"},
		{"sk", "marginalizovaných", "mar-gi-na-li-zo-va-ných"},
		{"en", "neighbourhood", "neigh-bour-hood"},
		{"en-GB", "Community", "Com-mu-nity"},
		{"en", "a", "a"},
		{"en", "R2D2", "R2D2"}, // not a word: left alone
	}
	for _, tt := range tests {
		h, err := For(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := h.Show(tt.word, "-"); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestNonStandardBreak(t *testing.T) {
	h, _ := For("hu")
	got := h.Hyphenate("asszony")
	want := Break{Start: 1, End: 2, Pre: "sz"}
	if len(got) != 1 || got[0] != want {
		t.Fatalf("got %+v, want [%+v]", got, want)
	}
}

func TestUnknownLanguage(t *testing.T) {
	if _, err := For("xx"); err == nil {
		t.Fatal("no error for unknown language")
	}
}

func TestParse(t *testing.T) {
	h, err := Parse(strings.NewReader("UTF-8\nLEFTHYPHENMIN 1\n% comment\nb1a\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := h.Show("abab", "-"); got != "ab-ab" {
		t.Fatalf("got %q", got)
	}
	if _, err := Parse(strings.NewReader("ISO8859-2\n")); err == nil {
		t.Fatal("accepted a non-UTF-8 file")
	}
}

func BenchmarkHyphenate(b *testing.B) {
	h, _ := For("hu")
	for b.Loop() {
		h.Hyphenate("közösségfejlesztés")
	}
}

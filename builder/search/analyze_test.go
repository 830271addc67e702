package search

import (
	"math/rand"
	"strings"
	"testing"
)

// TestAddSplitsAsEachWord: the analyzer's word loop (add, which hashes the
// words as it splits them) finds the words eachWord finds, the rule the
// page's script splits queries by, and files each under wordHash, the
// hash the stemming cache is probed with. Odd text: accents in both
// forms, combining marks, invalid and cut UTF-8, digits, dashes, quotes,
// Cyrillic.
func TestAddSplitsAsEachWord(t *testing.T) {
	cases := []string{
		"",
		"a",
		"ab",
		"Közösségi felmérés, 2024-ben.",
		"Kos\u030cice „idézet” — ‘x’ Ž1",
		"\xff\xfeab\xe2\x82cd\xe2",
		"in<em>clusion</em>",
		"Москва и Košice 12 3",
		// Words read eight bytes at a time: as long, longer, twice as
		// long, ended by a letter with a diacritic or a dash of three bytes.
		"Participatory household surveys12345678 eightchr x",
		"abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq",
		"abcdefg{abcdefg@abcdefg[abcdefg`abcdefg/abcdefg:abcdefg",
		"felmérést szolgáltatásokkal Kassa–Miskolc “quoted” 0123456789abcdef\x00z",
	}
	alphabet := []string{"a", "B", " ", ".", "é", "Ő", "\u0301", "\xff", "1", "-", "Ж", "—", "\xe2\x82", "„", "_",
		"abcdefg", "Zy09", "@", "[", "`", "{", "/", ":", "\x7f", "\u2070", "\u2071", "\ufe0e", "ﬁ", "Ｍ"}
	rng := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for k := rng.Intn(16); k > 0; k-- {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		a := newAnalyzer(nil)
		a.add(s, fBody, false)
		var want []string
		eachWord(s, func(w string, _ int) {
			if (len(w) >= 2 || isNumber(w)) && len(w) <= maxWordBytes {
				want = append(want, w)
			}
		})
		// Each word is in the cache under its hash, and the document has
		// as many words as eachWord sees.
		for _, w := range want {
			if _, ok := a.words.get(w, wordHash(w)); !ok {
				t.Errorf("%q: word %q not found under its hash", s, w)
			}
		}
		if got := int(a.acc.lens[fBody]); got != len(want) {
			t.Errorf("%q: %d words counted, eachWord sees %d (%q)", s, got, len(want), want)
		}
		if a.words.n > len(want) {
			t.Errorf("%q: %d words cached, eachWord sees %d (%q)", s, a.words.n, len(want), want)
		}
	}
}

// TestOddWords: the index keeps the words of pasted text as readers type
// them (ligatures and full-width letters in their plain form), no term for
// a footnote's back-arrow (its variation selector is not a letter), and no
// run of letters longer than maxWordBytes (one of 200,000 made a 600 KB
// shard).
func TestOddWords(t *testing.T) {
	a := newAnalyzer(nil)
	long := strings.Repeat("ab", 100000)
	a.add("ﬁnancial Ｍｉｓｋｏｌｃ ↩\ufe0e "+long+" "+strings.Repeat("é", maxWordBytes/2)+" ok", fBody, false)
	got := map[string]bool{}
	for _, tm := range a.terms {
		got[tm.key] = true
		if len(tm.key) > maxWordBytes {
			t.Errorf("a term of %d bytes", len(tm.key))
		}
		if strings.ContainsRune(tm.key, 0xfe0e) {
			t.Errorf("term %q holds a variation selector", tm.key)
		}
	}
	for _, w := range []string{"financial", "miskolc", "ok", strings.Repeat("e", maxWordBytes/2)} {
		if !got[w] {
			t.Errorf("no term %q; terms %q", w, keys(got))
		}
	}
	if len(got) != 4 {
		t.Errorf("terms %q, want 4", keys(got))
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		if len(k) > 40 {
			k = k[:40] + "…"
		}
		out = append(out, k)
	}
	return out
}

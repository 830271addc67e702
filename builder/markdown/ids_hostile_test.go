package markdown

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// TestIDsAsCountingFromOne: the IDs Generate gives are the ones counting
// from 1 for every heading gave (the smallest free number), for headings
// that repeat, that look like a numbered repeat ("Same 2") and IDs given
// by hand (Put).
func TestIDsAsCountingFromOne(t *testing.T) {
	words := []string{"Same", "Same 1", "Same 2", "same-3", "Other", "", "?", "Section", "Section 1"}
	for seed := uint64(1); seed <= 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 0))
		s := newIDs()
		used := map[string]bool{}
		for i := 0; i < 60; i++ {
			w := words[r.IntN(len(words))]
			if r.IntN(8) == 0 {
				id := Slugify(w) + "-" + strconv.Itoa(r.IntN(4))
				s.Put([]byte(id))
				used[id] = true
				continue
			}
			base := Slugify(w)
			if base == "" {
				base = "section"
			}
			want := base
			for n := 1; used[want]; n++ {
				want = base + "-" + strconv.Itoa(n)
			}
			used[want] = true
			if got := string(s.Generate([]byte(w), 0)); got != want {
				t.Fatalf("seed %d, heading %d %q: got %q, want %q", seed, i, w, got, want)
			}
		}
	}
}

// TestIDsManyRepeats: 20,000 headings with one text cost linear time
// (counting from 1 for each took a minute).
func TestIDsManyRepeats(t *testing.T) {
	s := newIDs()
	start := time.Now()
	var last string
	for i := 0; i < 20000; i++ {
		last = string(s.Generate([]byte("Same"), 0))
	}
	if last != "same-19999" {
		t.Errorf("last ID %q", last)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("20,000 repeated headings took %v", d)
	}
}

package search

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// genLang makes n documents of language code from a small vocabulary with
// accents, titles of two to five words and bodies of up to 400 words in
// paragraphs, so that the postings fill several blocks of the log.
func genLang(code string, n int, seed int64) Lang {
	rng := rand.New(rand.NewSource(seed))
	vocab := strings.Fields("közösségi felmérés háztartás Košice Miskolc survey surveys household " +
		"lakhatás bývanie domácnosť energy energia szegénység chudoba partner guide útmutató " +
		"workshop 2024 report beszámoló správa city város mesto data adatok údaje school iskola škola")
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[rng.Intn(len(vocab))] + fmt.Sprint(rng.Intn(60))
		}
		return strings.Join(w, " ")
	}
	l := Lang{Code: code, TypeLabel: func(s string) string { return "type " + s },
		FormatDate: func(t time.Time) string { return t.Format("2006-01-02") }}
	for d := range n {
		var body bytes.Buffer
		for range 1 + rng.Intn(5) {
			fmt.Fprintf(&body, "<p>%s <em>%s</em> &amp; %s</p>\n", words(rng.Intn(40)), words(1), words(rng.Intn(40)))
		}
		l.Docs = append(l.Docs, &resolve.Page{Lang: code, URL: fmt.Sprintf("/%s/d%d/", code, d),
			Title: words(2 + rng.Intn(4)), Summary: words(rng.Intn(20)),
			Date: time.Date(2020+rng.Intn(5), 1, 1, 0, 0, 0, 0, time.UTC),
			Meta: &schema.Meta{Type: "guide", Topics: []string{words(1)}, Cities: []string{"Košice"}},
			HTML: body.Bytes()})
	}
	return l
}

// TestBuilderReuse: a Builder that makes several languages one after
// another, each reusing the memory the one before left (a larger
// language's arrays and blocks for a smaller one, and the other way
// round), makes the same files as a Builder of its own for each.
func TestBuilderReuse(t *testing.T) {
	langs := []Lang{genLang("hu", 500, 1), genLang("sk", 100, 2), genLang("en", 700, 3), genLang("en", 0, 4)}
	collect := func(b *Builder, l Lang) map[string][]byte {
		files := map[string][]byte{}
		if err := b.BuildTo(l, func(name string, data []byte) error {
			files[name] = bytes.Clone(data)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return files
	}
	var shared Builder
	for _, l := range langs {
		want := collect(new(Builder), l)
		got := collect(&shared, l)
		if len(got) != len(want) {
			t.Errorf("%s, %d documents: %d files, %d alone", l.Code, len(l.Docs), len(got), len(want))
		}
		for name, data := range want {
			if !bytes.Equal(got[name], data) {
				t.Errorf("%s, %d documents: %s differs from the one made alone", l.Code, len(l.Docs), name)
			}
		}
	}
	if len(shared.sc.recs.free) == 0 {
		t.Error("no blocks of postings were kept for the next language")
	}
}

// TestBuildToStops: emit's error ends the index at once (a full disk stops
// the build): BuildTo returns it as it is, and emit is not called again,
// also when the refused file was a shard emitted while the next batch of
// shards was being made.
func TestBuildToStops(t *testing.T) {
	l := genLang("hu", 150, 5)
	var all int
	if err := BuildTo(l, func(string, []byte) error { all++; return nil }); err != nil {
		t.Fatal(err)
	}
	full := errors.New("no space left on device")
	for _, stop := range []int{1, 2, 17, 40, all / 2, all} {
		calls := 0
		err := BuildTo(l, func(string, []byte) error {
			calls++
			if calls == stop {
				return full
			}
			return nil
		})
		if err != full || calls != stop {
			t.Errorf("refused file %d of %d: error %v after %d calls", stop, all, err, calls)
		}
	}
}

// TestTextArena: the arena's strings keep their bytes while more are
// added (across chunks, and longer than a quarter chunk, which get an
// allocation of their own), and reset lets the next strings reuse the
// first chunk.
func TestTextArena(t *testing.T) {
	var a textArena
	rng := rand.New(rand.NewSource(1))
	var want, got []string
	for i := range 2000 {
		n := rng.Intn(600)
		if i%500 == 0 {
			n = textChunk/4 + 1
		}
		b := bytes.Repeat([]byte{byte('a' + i%26)}, n)
		want = append(want, string(b))
		got = append(got, a.str(b))
		if n > 0 {
			b[0] = '!' // the arena keeps a copy
		}
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d: %d bytes, want %d of %q", i, len(got[i]), len(want[i]), want[i][:min(1, len(want[i]))])
		}
	}
	if len(a.chunks) < 2 {
		t.Errorf("%d chunks for %d KB of strings", len(a.chunks), 2000*300/1024)
	}
	first := &a.chunks[0][:1][0]
	a.reset()
	if s := a.str([]byte("after")); s != "after" || unsafe.StringData(s) != first {
		t.Errorf("after reset: %q, not at the start of the first chunk", s)
	}
}

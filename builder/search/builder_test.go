package search

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

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

package search_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/search"
	"github.com/4im-project/dissem/builder/site"
)

// sample is the sample site (content/ at the top of the repository) built
// once without briefs, for the tests that search it.
var sample struct {
	once sync.Once
	dir  string
	err  error
}

func sampleSite(t *testing.T) string {
	t.Helper()
	sample.once.Do(func() {
		dir, err := os.MkdirTemp("", "dissem-search-")
		if err != nil {
			sample.err = err
			return
		}
		sample.dir = filepath.Join(dir, "public")
		_, sample.err = site.Build(site.Options{Source: "../..", Dest: sample.dir, NoBriefs: true, NoMinify: true,
			Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Log: nopWriter{}})
	})
	if sample.err != nil {
		t.Fatalf("building the sample site: %v", sample.err)
	}
	return sample.dir
}

type nopWriter struct{}

func (nopWriter) Write(p []byte) (int, error) { return len(p), nil }

// engine returns an Engine over a language's index of the sample site.
func engine(t *testing.T, lang string) *search.Engine {
	dir := filepath.Join(sampleSite(t), lang, "search")
	return &search.Engine{Fetch: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) }}
}

// urls maps document numbers to their URLs (from the display chunks).
func urls(t *testing.T, lang string) []string {
	dir := filepath.Join(sampleSite(t), lang, "search", "d")
	var out []string
	for i := 0; ; i++ {
		data, err := os.ReadFile(filepath.Join(dir, strings.Repeat("", 0)+itoa(i)+".json"))
		if err != nil {
			return out
		}
		var chunk [][5]string
		if err := json.Unmarshal(data, &chunk); err != nil {
			t.Fatal(err)
		}
		for _, d := range chunk {
			out = append(out, d[1])
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestTry prints the results of SEARCH_TRY="lang:query;lang:query".
func TestTry(t *testing.T) {
	try := os.Getenv("SEARCH_TRY")
	if try == "" {
		t.Skip("set SEARCH_TRY")
	}
	for _, lq := range strings.Split(try, ";") {
		lang, q, _ := strings.Cut(lq, ":")
		e := engine(t, lang)
		hits, err := e.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		u := urls(t, lang)
		t.Logf("%s %q (%v):", lang, q, e.Fetched)
		for i, h := range hits {
			if i == 10 {
				break
			}
			t.Logf("  %.3f %s", h.Score, u[h.Doc])
		}
	}
}

// TestQueryCompatForms: a query typed with a ligature or full-width
// letters (pasted from a PDF, typed on an East Asian keyboard) finds what
// the plain one finds; a footnote's back-arrow is no word.
func TestQueryCompatForms(t *testing.T) {
	for _, c := range []struct{ lang, odd, plain string }{
		{"en", "ﬁnancial ﬁeldwork", "financial fieldwork"},
		{"hu", "Ｍｉｓｋｏｌｃ", "miskolc"},
		{"sk", "ＫＯŠＩＣＥ", "košice"},
	} {
		e := engine(t, c.lang)
		want, err := e.Search(c.plain)
		if err != nil || len(want) == 0 {
			t.Fatalf("%s %q: %d hits, %v", c.lang, c.plain, len(want), err)
		}
		got, err := e.Search(c.odd)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || got[0] != want[0] {
			t.Errorf("%s %q: %d hits, first %v; %q: %d, first %v", c.lang, c.odd, len(got), got[0:min(1, len(got))], c.plain, len(want), want[0])
		}
	}
	if hits, err := engine(t, "en").Search("↩\ufe0e"); err != nil || len(hits) != 0 {
		t.Errorf("the back-arrow found %d documents, %v", len(hits), err)
	}
}

// TestSnippetsWithoutFootnoteMarks: the sample site's case studies have
// footnotes, and no snippet or text the index keeps shows their back
// arrow ("↩︎"); their words still are there ("institutional records").
func TestSnippetsWithoutFootnoteMarks(t *testing.T) {
	for _, lang := range []string{"en", "hu", "sk"} {
		dir := filepath.Join(sampleSite(t), lang, "search")
		found := 0
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			// Decoded and written again, so that an escaped "\u21a9"
			// counts too.
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				return err
			}
			text, _ := json.Marshal(v)
			if strings.ContainsRune(string(text), '↩') {
				t.Errorf("%s holds a footnote's back arrow", p)
			}
			found++
			return nil
		})
		if err != nil || found == 0 {
			t.Fatalf("%s: %d files, %v", dir, found, err)
		}
	}
	hits, err := engine(t, "en").Search("institutional records")
	if err != nil || len(hits) == 0 {
		t.Errorf("a footnote's words are not found: %d hits, %v", len(hits), err)
	}
}

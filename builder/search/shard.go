package search

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/4im-project/dissem/builder/internal/pool"
)

// A shard file (s/NAME.json):
//
//	{"version":1,"split":N,       split: look in the shards of N letters (omitted: 0)
//	 "t":{"TERM":{"d":DOCS,"i":IMPACTS,"m":MAX,"v":[SPELLINGS],"w":WHICH,"c":[[DOC,SNIPPET],…]},…},
//	 "f":{"SPELLING":"TERM",…},    folded words that lead to a term (omitted when none)
//	 "p":{"TERM TERM":DOCS,…},     title phrases (omitted when none)
//	 "x":{"DOC":[TITLE,URL,TYPE,DATE,""],…}}   display data of the terms' best
//
// Object keys are sorted as encoding/json sorts a map's ("x" by the
// numbers' decimal strings).

// termOut is a term's entry in its shard.
type termOut struct {
	docs     string   // document gaps (packDocs)
	impact   string   // one b64 digit per document
	max      float64  // the best score
	variants []string // spellings, when more than one
	which    string   // each document's spelling, when more than one
	best     []bestOut
}

// bestOut is one of a term's best documents and its snippet.
type bestOut struct {
	doc     int32
	snippet string
}

// formOut is a folded word (route) that leads to term.
type formOut struct {
	route string
	term  int32
}

// pairOut is a title phrase: its terms (its key is "first second") and
// documents.
type pairOut struct {
	first, second int32
	docs          string
}

// Kinds of entries.
const (
	kTerm = iota
	kForm
	kPair
)

// entry is what a shard holds, routed by a folded word: a term, a
// spelling that leads to a term, or a title phrase.
type entry struct {
	route string
	kind  uint8
	i     int32 // into shards.terms, forms or pairs
}

// shards makes one language's shard files.
type shards struct {
	dir   string
	emit  emitFunc
	l     Lang
	keys  []string // term keys, sorted
	terms []termOut
	forms []formOut
	pairs []pairOut
	// shown[d] is document d's display data (made by displays); summary[d]
	// its summary clipped for a snippet ("" until asked for).
	shown   []display
	summary []string
	buf     []byte
	// text keeps the terms' and phrases' packed numbers (the scratch's).
	text *textArena
}

// want is a snippet to cut: term's best document k, at offset at of
// document doc's text.
type want struct {
	doc, term int32
	k         int32
	at        int
}

// addTerms packs the scored terms and returns the snippets to cut.
func (s *shards) addTerms(terms []scored) []want {
	s.keys = make([]string, len(terms))
	s.terms = make([]termOut, len(terms))
	var wants []want
	var b []byte
	for ti, t := range terms {
		s.keys[ti] = t.key
		o := &s.terms[ti]
		o.max = t.max
		b = b[:0]
		for _, q := range t.impact {
			b = append(b, b64[q])
		}
		o.impact = s.text.str(b)
		b = b[:0]
		prev := int32(-1)
		for _, p := range t.posts {
			b = appendVarint(b, int(p.doc-prev-1))
			prev = p.doc
		}
		o.docs = s.text.str(b)
		if len(t.variants) > 1 {
			o.variants = t.variants
			b = b[:0]
			for _, p := range t.posts {
				b = append(b, b64[min(int(p.variant), 63)])
			}
			o.which = s.text.str(b)
		}
		o.best = make([]bestOut, len(t.champ))
		for k, i := range t.champ {
			p := t.posts[i]
			// Not in the body: the summary stands for the snippet.
			o.best[k] = bestOut{p.doc, s.clipped(p.doc)}
			if p.off > 0 {
				wants = append(wants, want{p.doc, int32(ti), int32(k), int(p.off) - 1})
			}
		}
		for f := range t.forms {
			s.forms = append(s.forms, formOut{f, int32(ti)})
		}
	}
	return wants
}

// clipped returns document d's summary shortened for a snippet.
func (s *shards) clipped(d int32) string {
	if s.summary[d] == "" {
		s.summary[d] = clip(s.l.Docs[d].Summary, 200)
	}
	return s.summary[d]
}

// addPairs packs the title phrases (sorted by terms, so by key).
func (s *shards) addPairs(pairs []pairRec) {
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b {
			j++
		}
		b := s.buf[:0]
		prev := int32(-1)
		for _, p := range pairs[i:j] {
			b = appendVarint(b, int(p.doc-prev-1))
			prev = p.doc
		}
		s.buf = b
		s.pairs = append(s.pairs, pairOut{pairs[i].a, pairs[i].b, s.text.str(b)})
		i = j
	}
}

// snippets cuts the snippets of the terms' best documents. Each worker
// reads its share of the documents, in order, into one buffer, only as far
// as the last snippet of the document needs (snippet reads at most 200
// bytes past its offset, and says "…" when the text goes on), and keeps a
// copy of each snippet alone.
func (s *shards) snippets(wants []want) {
	slices.SortStableFunc(wants, func(x, y want) int { return cmp.Compare(x.doc, y.doc) })
	workers := max(1, min(runtime.GOMAXPROCS(0), len(wants)))
	pool.Each(workers, workers, func(wk int) {
		lo, hi := wk*len(wants)/workers, (wk+1)*len(wants)/workers
		// Whole documents: a share starts at a document's first want.
		for lo > 0 && lo < len(wants) && wants[lo-1].doc == wants[lo].doc {
			lo++
		}
		for hi < len(wants) && hi > 0 && wants[hi-1].doc == wants[hi].doc {
			hi++
		}
		var buf []byte
		for i := lo; i < hi; {
			j, last := i, 0
			for ; j < hi && wants[j].doc == wants[i].doc; j++ {
				last = max(last, wants[j].at)
			}
			buf = appendTextUpTo(buf[:0], s.l.body(s.l.Docs[wants[i].doc]), last+snippetReach)
			text := unsafe.String(unsafe.SliceData(buf), len(buf))
			for _, w := range wants[i:j] {
				s.terms[w.term].best[w.k].snippet = snippet(text, w.at)
			}
			i = j
		}
	})
}

// sortForms sorts the spellings; a spelling of two terms leads to the
// later one (by key).
func (s *shards) sortForms() {
	slices.SortFunc(s.forms, func(x, y formOut) int {
		if c := strings.Compare(x.route, y.route); c != 0 {
			return c
		}
		return cmp.Compare(x.term, y.term)
	})
	out := s.forms[:0]
	for i, f := range s.forms {
		if i+1 < len(s.forms) && s.forms[i+1].route == f.route {
			continue
		}
		out = append(out, f)
	}
	s.forms = out
}

// entries merges the terms, spellings and phrases, each sorted by route,
// into one list sorted by route.
func (s *shards) entries() []entry {
	out := make([]entry, 0, len(s.terms)+len(s.forms)+len(s.pairs))
	t, f, p := 0, 0, 0
	for t < len(s.keys) || f < len(s.forms) || p < len(s.pairs) {
		e := entry{kind: 255}
		if t < len(s.keys) {
			e = entry{s.keys[t], kTerm, int32(t)}
		}
		if f < len(s.forms) && (e.kind == 255 || s.forms[f].route < e.route) {
			e = entry{s.forms[f].route, kForm, int32(f)}
		}
		if p < len(s.pairs) && (e.kind == 255 || s.keys[s.pairs[p].first] < e.route) {
			e = entry{s.keys[s.pairs[p].first], kPair, int32(p)}
		}
		switch e.kind {
		case kTerm:
			t++
		case kForm:
			f++
		default:
			p++
		}
		out = append(out, e)
	}
	return out
}

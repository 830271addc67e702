package search

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/tdewolff/minify/v2"
	minjson "github.com/tdewolff/minify/v2/json"
)

// BM25F parameters: a field's weight (title highest, then headings and
// taxonomy terms, summary, body) and its length normalisation.
var (
	fieldWeight = [nFields]float64{8, 3, 3, 2, 1}
	fieldB      = [nFields]float64{0.3, 0.5, 0.3, 0.5, 0.75}
)

const k1 = 1.2

// Build returns the search files of every language (name → bytes, names
// relative to the site root), ready to write as they are. It reads each
// document's text once more for the snippets of the documents that are a
// term's best, and keeps nothing between calls.
func Build(langs []Lang) (map[string][]byte, error) {
	files := map[string][]byte{}
	var b Builder
	for _, l := range langs {
		err := b.BuildTo(l, func(name string, data []byte) error {
			files[name] = slices.Clone(data)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// BuildTo makes the search files of one language, the same as Build's; see
// Builder.BuildTo.
func BuildTo(l Lang, emit func(name string, data []byte) error) error {
	return new(Builder).BuildTo(l, emit)
}

// errStop ends a language's index when emit refused a file.
var errStop = errors.New("stopped")

// scored is a term ready to write.
type scored struct {
	*term
	max    float64 // the best score; impacts are 1…63 of it
	impact []byte
	champ  []int // indexes into posts, best first
}

// score computes each posting's BM25F score, quantised to 63 steps of the
// term's best, and picks the term's best documents.
func score(ix *index, n int) []scored {
	var avg [nFields]float64
	for _, l := range ix.lens {
		for f := range avg {
			avg[f] += float64(l[f])
		}
	}
	for f := range avg {
		avg[f] = max(avg[f]/float64(max(n, 1)), 1)
	}
	out := make([]scored, len(ix.terms))
	// Terms by runs of scoreRun: a run's impacts share one array, and its
	// raw scores one buffer.
	const scoreRun = 1024
	pool.Each((len(ix.terms)+scoreRun-1)/scoreRun, pool.PerCPU(1), func(run int) {
		lo, hi := run*scoreRun, min(len(ix.terms), (run+1)*scoreRun)
		size, longest := 0, 0
		for _, t := range ix.terms[lo:hi] {
			size += len(t.posts)
			longest = max(longest, len(t.posts))
		}
		impacts := make([]byte, size)
		buf := make([]float64, longest)
		for ti := lo; ti < hi; ti++ {
			t := ix.terms[ti]
			out[ti] = scoreTerm(t, ix.lens, &avg, n, buf[:len(t.posts)], impacts[:len(t.posts):len(t.posts)])
			impacts = impacts[len(t.posts):]
		}
	})
	return out
}

// scoreTerm scores term t's postings into raw and quantises them into
// impact.
func scoreTerm(t *term, lens [][nFields]uint16, avg *[nFields]float64, n int, raw []float64, impact []byte) scored {
	df := float64(len(t.posts))
	idf := math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
	best := 0.0
	for i, p := range t.posts {
		tfn := 0.0
		l := lens[p.doc]
		for f := range nFields {
			if p.tf[f] > 0 {
				tfn += fieldWeight[f] * float64(p.tf[f]) / (1 - fieldB[f] + fieldB[f]*float64(l[f])/avg[f])
			}
		}
		raw[i] = idf * tfn / (k1 + tfn)
		best = max(best, raw[i])
	}
	s := scored{term: t, max: round3(best), impact: impact}
	for i, r := range raw {
		q := 63.0
		if best > 0 {
			q = math.Round(r / best * 63)
		}
		s.impact[i] = byte(min(max(q, 1), 63))
	}
	s.champ = champions(t, s.impact)
	return s
}

// champions returns a term's best documents: the Champions best, and when
// the documents spell the term in more than one way, the best of each
// spelling too, so that the bonus for the query's spelling never lifts a
// document the shard has no display data for into the first page.
func champions(t *term, impact []byte) []int {
	top := topK(impact, Champions)
	if len(t.variants) < 2 {
		return top
	}
	seen := map[int]bool{}
	for _, i := range top {
		seen[i] = true
	}
	for v := range t.variants {
		masked := make([]byte, len(impact))
		for i, p := range t.posts {
			if int(p.variant) == v {
				masked[i] = impact[i]
			}
		}
		for _, i := range topK(masked, Champions) {
			if masked[i] > 0 && !seen[i] {
				seen[i] = true
				top = append(top, i)
			}
		}
	}
	sort.SliceStable(top, func(a, b int) bool {
		if impact[top[a]] != impact[top[b]] {
			return impact[top[a]] > impact[top[b]]
		}
		return top[a] < top[b]
	})
	return top
}

// topK returns the indexes of the k highest impacts, highest first, the
// earlier document first among equals: one pass, no sort of the postings.
func topK(impact []byte, k int) []int {
	top := make([]int, 0, k+1)
	for i, q := range impact {
		if len(top) == k && impact[top[k-1]] >= q {
			continue
		}
		j := len(top)
		top = append(top, i)
		for j > 0 && impact[top[j-1]] < q {
			top[j] = top[j-1]
			j--
		}
		top[j] = i
		if len(top) > k {
			top = top[:k]
		}
	}
	return top
}

func round3(x float64) float64 {
	if x == 0 {
		return 0
	}
	p := math.Pow(10, 3-math.Ceil(math.Log10(math.Abs(x))))
	return math.Round(x*p) / p
}

// b64 is the alphabet of the packed numbers: JSON-safe, one byte each.
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// appendVarint packs v ≥ 0 in base 32 digits, least significant first; a
// digit of a longer number is written as 32 + digit.
func appendVarint(b []byte, v int) []byte {
	for v >= 32 {
		b = append(b, b64[32+v&31])
		v >>= 5
	}
	return append(b, b64[v])
}

// packDocs writes ascending document numbers as gaps (doc − previous − 1).
func packDocs(docs func(yield func(int32) bool)) string {
	var b []byte
	prev := int32(-1)
	for d := range docs {
		b = appendVarint(b, int(d-prev-1))
		prev = d
	}
	return string(b)
}

// display is what the page shows of a document.
type display [5]string // title, URL, type, date, summary

func displayOf(l Lang, p *resolve.Page) display {
	date := ""
	if !p.Date.IsZero() && l.FormatDate != nil {
		date = l.FormatDate(p.Date)
	}
	return display{p.Title, p.URL, l.TypeLabel(p.Meta.Type), date, clip(p.Summary, 240)}
}

// clip shortens s to about n bytes, between words, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// snippetReach is how far past its offset a snippet may read, and one
// byte more, which tells whether the text goes on.
const snippetReach = 201

// snippet cuts about 200 bytes of text around the byte offset at: from the
// start of its sentence when that is near, else a few words before it. The
// snippet is a string of its own (one allocation), never a part of text.
func snippet(text string, at int) string {
	if at < 0 || at >= len(text) {
		return ""
	}
	start := max(0, at-70)
	if i := strings.LastIndex(text[start:at], ". "); i >= 0 {
		start += i + 2
	} else if start > 0 {
		if i := strings.IndexByte(text[start:at], ' '); i >= 0 {
			start += i + 1
		}
	}
	end := min(len(text), start+200)
	if end < len(text) {
		if i := strings.LastIndexByte(text[at:end], ' '); i > 0 {
			end = at + i
		}
	}
	var b strings.Builder
	b.Grow(end - start + 2*len("…"))
	if start > 0 {
		b.WriteString("…")
	}
	b.WriteString(text[start:end])
	if end < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

// The manifest's shape (encoding/json: one small file per language).
type (
	facetOut struct {
		Name   string      `json:"name"`
		Values [][3]string `json:"values"` // key, label, documents
	}
	metaOut struct {
		Version int        `json:"version"`
		Lang    string     `json:"lang"`
		Docs    int        `json:"n"`
		Chunk   int        `json:"chunk"`
		Facets  []facetOut `json:"facets"`
	}
)

// emitFunc takes a made file; false stops the index.
type emitFunc func(name string, data []byte) bool

func buildLang(l Lang, emit emitFunc, sc *scratch) error {
	n := len(l.Docs)
	ix := analyze(l, sc)
	terms := score(ix, n)
	// The strings of the language before are dead: their bytes are free.
	sc.text.reset()
	sh := &shards{dir: l.Code + "/search/", emit: emit, l: l, shown: make([]display, n), summary: make([]string, n), text: &sc.text}
	// The postings and document lengths go once the terms are packed
	// (nothing reads ix or terms after this), before the shards are written.
	wants := sh.addTerms(terms)
	sh.addPairs(ix.pairs)
	ix, terms = nil, nil
	sh.snippets(wants)
	sh.sortForms()
	sh.displays()
	if !sh.write(sh.entries()) {
		return errStop
	}
	var b []byte
	for c := 0; c*Chunk < n; c++ {
		b = append(b[:0], '[')
		for d := c * Chunk; d < min(n, (c+1)*Chunk); d++ {
			if d > c*Chunk {
				b = append(b, ',')
			}
			b = appendJSONStrings(b, sh.shown[d][:])
		}
		b = append(b, ']')
		if !emit(sh.dir+"d/"+strconv.Itoa(c)+".json", b) {
			return errStop
		}
	}
	data, err := json.Marshal(metaOut{Version: Version, Lang: l.Code, Docs: n, Chunk: Chunk, Facets: facets(l)})
	if err != nil {
		return err
	}
	// Its numbers as the site's minifier writes them ("n":1e4), as the
	// shards' (minifyNumber).
	if data, err = jsonmin.Bytes("application/json", data); err != nil {
		return err
	}
	if !emit(sh.dir+"meta.json", data) {
		return errStop
	}
	return nil
}

// jsonmin is the site's JSON minifier (builder/output's), for the manifest.
var jsonmin = func() *minify.M {
	m := minify.New()
	m.AddFunc("application/json", minjson.Minify)
	return m
}()

// facets lists the filters: each value with its documents.
func facets(l Lang) []facetOut {
	type val struct {
		label string
		docs  []int32
	}
	sets := []map[string]*val{{}, {}, {}, {}}
	add := func(f int, key, label string, d int32) {
		if key == "" {
			return
		}
		v := sets[f][key]
		if v == nil {
			v = &val{label: label}
			sets[f][key] = v
		}
		if len(v.docs) == 0 || v.docs[len(v.docs)-1] != d {
			v.docs = append(v.docs, d)
		}
	}
	for i, p := range l.Docs {
		d := int32(i)
		add(0, p.Meta.Type, l.TypeLabel(p.Meta.Type), d)
		for _, t := range p.Meta.Topics {
			add(1, t, t, d)
		}
		cities := append([]string{}, p.Meta.Cities...)
		if p.Meta.City != "" {
			cities = append(cities, p.Meta.City)
		}
		sort.Strings(cities)
		for _, c := range cities {
			add(2, c, c, d)
		}
		if !p.Date.IsZero() {
			y := strconv.Itoa(p.Date.Year())
			add(3, y, y, d)
		}
	}
	names := []string{"type", "topic", "city", "year"}
	out := make([]facetOut, len(names))
	for f, name := range names {
		keys := make([]string, 0, len(sets[f]))
		for k := range sets[f] {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if name == "year" {
				return keys[i] > keys[j]
			}
			return sets[f][keys[i]].label < sets[f][keys[j]].label
		})
		out[f] = facetOut{Name: name, Values: [][3]string{}}
		for _, k := range keys {
			v := sets[f][k]
			out[f].Values = append(out[f].Values, [3]string{k, v.label, packDocs(func(yield func(int32) bool) {
				for _, d := range v.docs {
					if !yield(d) {
						return
					}
				}
			})})
		}
	}
	return out
}

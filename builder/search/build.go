package search

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/4im-project/dissem/builder/internal/pool"
	"github.com/4im-project/dissem/builder/resolve"
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
	for _, l := range langs {
		err := BuildTo(l, func(name string, data []byte) error {
			files[name] = data
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// BuildTo makes the search files of one language, the same as Build's, and
// hands each to emit as soon as it is made, so that a build holds one
// shard's bytes at a time instead of the whole index. An error of emit is
// returned as it is.
func BuildTo(l Lang, emit func(name string, data []byte) error) error {
	var emitErr error
	err := buildLang(l, func(name string, data []byte) bool {
		emitErr = emit(name, data)
		return emitErr == nil
	})
	if emitErr != nil {
		return emitErr
	}
	if err != nil {
		return fmt.Errorf("search index (%s): %w", l.Code, err)
	}
	return nil
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
	pool.Each(len(ix.terms), pool.PerCPU(1), func(ti int) {
		t := ix.terms[ti]
		df := float64(len(t.posts))
		idf := math.Log(1 + (float64(n)-df+0.5)/(df+0.5))
		raw := make([]float64, len(t.posts))
		best := 0.0
		for i, p := range t.posts {
			tfn := 0.0
			l := ix.lens[p.doc]
			for f := range nFields {
				if p.tf[f] > 0 {
					tfn += fieldWeight[f] * float64(p.tf[f]) / (1 - fieldB[f] + fieldB[f]*float64(l[f])/avg[f])
				}
			}
			raw[i] = idf * tfn / (k1 + tfn)
			best = max(best, raw[i])
		}
		s := scored{term: t, max: round3(best), impact: make([]byte, len(raw))}
		for i, r := range raw {
			q := 63.0
			if best > 0 {
				q = math.Round(r / best * 63)
			}
			s.impact[i] = byte(min(max(q, 1), 63))
		}
		s.champ = champions(t, s.impact)
		out[ti] = s
	})
	return out
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
// start of its sentence when that is near, else a few words before it.
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
	s := text[start:end]
	if start > 0 {
		s = "…" + s
	}
	if end < len(text) {
		s += "…"
	}
	return s
}

// Shard file shapes. Maps marshal with sorted keys: same input, same bytes.
type (
	termOut struct {
		Docs     string   `json:"d"`           // document gaps
		Impact   string   `json:"i"`           // one b64 digit per document
		Max      float64  `json:"m"`           // the best score
		Variants []string `json:"v,omitempty"` // spellings, when more than one
		Which    string   `json:"w,omitempty"` // each document's spelling
		Best     [][2]any `json:"c"`           // [document, snippet], best first
	}
	shardOut struct {
		Version int                 `json:"version"`
		Split   int                 `json:"split,omitempty"` // look in the shard of this many letters
		Terms   map[string]*termOut `json:"t"`
		Forms   map[string]string   `json:"f,omitempty"` // folded word → term
		Pairs   map[string]string   `json:"p,omitempty"` // "term term" → documents
		Docs    map[int32]display   `json:"x"`           // display data of the best
	}
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

// item is what goes into a shard, routed by a folded word: a term, a
// spelling that leads to a term, or a title phrase.
type item struct {
	route string
	term  *termOut
	docs  []int32 // a term's best documents
	form  string  // the term a spelling leads to
	pair  string  // a phrase's documents
}

// emitFunc takes a made file; false stops the index.
type emitFunc func(name string, data []byte) bool

func buildLang(l Lang, emit emitFunc) error {
	n := len(l.Docs)
	ix := analyze(l)
	terms := score(ix, n)
	// Only the phrases are read after the terms are made into items: ix
	// is not used after this, so the postings and document lengths may go
	// while the shards are written.
	pairs := ix.pairs
	// Snippets: which documents' text to read again, and where.
	type want struct {
		out *termOut
		at  int
		k   int
	}
	wants := map[int32][]want{}
	var items []item
	for _, t := range terms {
		o := &termOut{Max: t.max, Impact: string(mapBytes(t.impact)),
			Docs: packDocs(func(yield func(int32) bool) {
				for _, p := range t.posts {
					if !yield(p.doc) {
						return
					}
				}
			})}
		if len(t.variants) > 1 {
			o.Variants = t.variants
			w := make([]byte, len(t.posts))
			for i, p := range t.posts {
				w[i] = b64[min(int(p.variant), 63)]
			}
			o.Which = string(w)
		}
		o.Best = make([][2]any, len(t.champ))
		best := make([]int32, len(t.champ))
		for k, i := range t.champ {
			p := t.posts[i]
			// Not in the body: the summary stands for the snippet.
			o.Best[k] = [2]any{p.doc, clip(l.Docs[p.doc].Summary, 200)}
			best[k] = p.doc
			if p.off > 0 {
				wants[p.doc] = append(wants[p.doc], want{o, int(p.off) - 1, k})
			}
		}
		items = append(items, item{route: t.key, term: o, docs: best})
		for f := range t.forms {
			items = append(items, item{route: f, form: t.key})
		}
	}
	for i := 0; i < len(pairs); {
		j := i + 1
		for j < len(pairs) && pairs[j].a == pairs[i].a && pairs[j].b == pairs[i].b {
			j++
		}
		first := terms[pairs[i].a].key
		items = append(items, item{route: first, form: first + " " + terms[pairs[i].b].key, pair: packDocs(func(yield func(int32) bool) {
			for _, p := range pairs[i:j] {
				if !yield(p.doc) {
					return
				}
			}
		})})
		i = j
	}
	docs := make([]int32, 0, len(wants))
	for d := range wants {
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i] < docs[j] })
	// Each worker reads its share of the documents into one buffer, only
	// as far as the last snippet needs (snippet reads at most 200 bytes
	// past its offset, and says "…" when the text goes on), and keeps a
	// copy of each snippet alone.
	workers := max(1, min(runtime.GOMAXPROCS(0), len(docs)))
	pool.Each(workers, workers, func(wk int) {
		var buf []byte
		for _, d := range docs[wk*len(docs)/workers : (wk+1)*len(docs)/workers] {
			ws := wants[d]
			last := 0
			for _, w := range ws {
				last = max(last, w.at)
			}
			buf = appendTextUpTo(buf[:0], l.body(l.Docs[d]), last+snippetReach)
			text := unsafe.String(unsafe.SliceData(buf), len(buf))
			for _, w := range ws {
				w.out.Best[w.k][1] = strings.Clone(snippet(text, w.at))
			}
		}
	})
	sort.SliceStable(items, func(i, j int) bool { return items[i].route < items[j].route })
	dir := l.Code + "/search/"
	groups := map[string][]item{}
	var names []string
	for _, it := range items {
		p := Prefix(it.route, PrefixLen)
		if _, ok := groups[p]; !ok {
			names = append(names, p)
		}
		groups[p] = append(groups[p], it)
	}
	disp := map[int32]display{}
	shown := func(d int32) display {
		if v, ok := disp[d]; ok {
			return v
		}
		v := displayOf(l, l.Docs[d])
		disp[d] = v
		return v
	}
	for _, p := range names {
		if err := place(groups[p], PrefixLen, p, dir+"s/", emit, shown); err != nil {
			return err
		}
		delete(groups, p) // a shard's items go once it is written
	}
	for c := 0; c*Chunk < n; c++ {
		var chunk []display
		for d := c * Chunk; d < min(n, (c+1)*Chunk); d++ {
			chunk = append(chunk, shown(int32(d)))
		}
		data, err := json.Marshal(chunk)
		if err != nil {
			return err
		}
		if !emit(dir+"d/"+strconv.Itoa(c)+".json", data) {
			return errStop
		}
	}
	data, err := json.Marshal(metaOut{Version: Version, Lang: l.Code, Docs: n, Chunk: Chunk, Facets: facets(l)})
	if err != nil {
		return err
	}
	if !emit(dir+"meta.json", data) {
		return errStop
	}
	return nil
}

// place writes the shard of prefix, splitting it by one more letter while
// it is larger than SplitSize: the split shard keeps the items no longer
// than its prefix and says at which length to look further ("split").
func place(items []item, level int, prefix, dir string, emit emitFunc, shown func(int32) display) error {
	assemble := func(items []item) shardOut {
		sh := shardOut{Version: Version, Terms: map[string]*termOut{}, Docs: map[int32]display{}}
		for _, it := range items {
			switch {
			case it.term != nil:
				sh.Terms[it.route] = it.term
				for _, d := range it.docs {
					v := shown(d)
					v[4] = "" // the snippet stands for the summary
					sh.Docs[d] = v
				}
			case it.pair != "":
				if sh.Pairs == nil {
					sh.Pairs = map[string]string{}
				}
				sh.Pairs[it.form] = it.pair
			default:
				if sh.Forms == nil {
					sh.Forms = map[string]string{}
				}
				sh.Forms[it.route] = it.form
			}
		}
		return sh
	}
	sh := assemble(items)
	data, err := json.Marshal(&sh)
	if err != nil {
		return err
	}
	var short []item
	groups := map[string][]item{}
	var names []string
	for _, it := range items {
		if utf8.RuneCountInString(it.route) <= level {
			short = append(short, it)
			continue
		}
		p := Prefix(it.route, level+1)
		if _, ok := groups[p]; !ok {
			names = append(names, p)
		}
		groups[p] = append(groups[p], it)
	}
	if len(data) <= SplitSize || len(groups) == 0 || level >= 12 {
		if !emit(dir+ShardName(prefix)+".json", data) {
			return errStop
		}
		return nil
	}
	sh = assemble(short)
	sh.Split = level + 1
	if data, err = json.Marshal(&sh); err != nil {
		return err
	}
	if !emit(dir+ShardName(prefix)+".json", data) {
		return errStop
	}
	for _, p := range names {
		if err := place(groups[p], level+1, p, dir, emit, shown); err != nil {
			return err
		}
	}
	return nil
}

func mapBytes(q []byte) []byte {
	out := make([]byte, len(q))
	for i, v := range q {
		out[i] = b64[v]
	}
	return out
}

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

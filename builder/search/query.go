package search

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Engine answers queries from the index files, by the rules the page's
// script (static/js/search.js) follows; tests use it to judge the ranking
// and to see which files a query reads. The rules:
//
//   - A query's words are folded; one-letter words are dropped.
//   - A word finds the term it spells (key or a known spelling, weight 1),
//     else the longest term that begins it (at least 3 letters and 60 % of
//     the word: an unseen inflection, weight 0.9). The last word, while
//     typed (no space after it), also finds every term it begins (weight
//     0.8). A word of 5 letters or more that finds nothing finds the terms
//     one edit away (a letter wrong, missing, added or two swapped; weight
//     0.6) in its shard.
//   - A document's score for a word is the best of weight × impact over the
//     terms the word found, × 1.1 when the document spells the term with
//     the query's diacritics and others spell it otherwise.
//   - Documents must match every word that found something; their score is
//     the sum, × 1.3 for each pair of adjacent words that stands as a phrase
//     in the title, a heading or the summary. Ties: the earlier document.
type Engine struct {
	// Fetch returns the bytes of a file below the language's search folder
	// ("meta.json", "s/fel.json").
	Fetch func(name string) ([]byte, error)
	// Fetched lists the files read, in order.
	Fetched []string
	shards  map[string]*shardIn
	// best: documents whose display data came with a term of the last query.
	best map[int32]bool
}

// FirstPage returns the display chunk files (d/N.json) that showing the
// first n hits needs besides the shards: those of the hits that are not
// among the best documents of a term the query found.
func (e *Engine) FirstPage(hits []Hit, n int) []string {
	var out []string
	seen := map[string]bool{}
	for i, h := range hits {
		if i == n {
			break
		}
		if e.best[h.Doc] {
			continue
		}
		name := fmt.Sprintf("d/%d.json", int(h.Doc)/Chunk)
		if !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	}
	return out
}

type termIn struct {
	Docs     string   `json:"d"`
	Impact   string   `json:"i"`
	Max      float64  `json:"m"`
	Variants []string `json:"v"`
	Which    string   `json:"w"`
	Best     [][2]any `json:"c"`
	docs     []int32
}

type shardIn struct {
	Version int                `json:"version"`
	Split   int                `json:"split"`
	Terms   map[string]*termIn `json:"t"`
	Forms   map[string]string  `json:"f"`
	Pairs   map[string]string  `json:"p"`
	Docs    map[string]display `json:"x"`
}

// Hit is a ranked document.
type Hit struct {
	Doc   int32
	Score float64
}

func (e *Engine) shard(name string) (*shardIn, error) {
	if e.shards == nil {
		e.shards = map[string]*shardIn{}
	}
	if sh, ok := e.shards[name]; ok {
		return sh, nil
	}
	e.Fetched = append(e.Fetched, "s/"+name+".json")
	data, err := e.Fetch("s/" + name + ".json")
	sh := &shardIn{}
	if err == nil {
		err = json.Unmarshal(data, sh)
	} else {
		err = nil // no shard: no term begins so
	}
	if err == nil && sh.Version != 0 && sh.Version != Version {
		err = fmt.Errorf("index version %d, want %d", sh.Version, Version)
	}
	e.shards[name] = sh
	return sh, err
}

// chain returns the shards a folded word leads to: its three-letter shard
// and, while that one is split, the longer ones.
func (e *Engine) chain(f string) ([]*shardIn, error) {
	level := PrefixLen
	var out []*shardIn
	for {
		sh, err := e.shard(ShardName(Prefix(f, level)))
		if err != nil {
			return nil, err
		}
		out = append(out, sh)
		if sh.Split == 0 || utf8.RuneCountInString(f) < sh.Split {
			return out, nil
		}
		level = sh.Split
	}
}

// term finds a term by key in the shards its key leads to.
func (e *Engine) term(key string) (*termIn, error) {
	ch, err := e.chain(key)
	if err != nil {
		return nil, err
	}
	for i := len(ch) - 1; i >= 0; i-- {
		if t := ch[i].Terms[key]; t != nil {
			return t, nil
		}
	}
	return nil, nil
}

// match is a term a query word found.
type match struct {
	key    string
	weight float64
}

// matches returns the terms a folded word finds (see Engine).
func (e *Engine) matches(f string, last bool) ([]match, error) {
	ch, err := e.chain(f)
	if err != nil {
		return nil, err
	}
	var out []match
	seen := map[string]bool{}
	add := func(key string, w float64) {
		if !seen[key] {
			seen[key] = true
			out = append(out, match{key, w})
		}
	}
	deep := ch[len(ch)-1]
	for _, sh := range ch {
		if sh.Terms[f] != nil {
			add(f, 1)
		}
		if k, ok := sh.Forms[f]; ok {
			add(k, 1)
		}
	}
	n := utf8.RuneCountInString(f)
	if len(out) == 0 {
		for l := n - 1; l >= max(3, (n*6+9)/10); l-- {
			p := Prefix(f, l)
			for _, sh := range ch {
				if sh.Terms[p] != nil {
					add(p, 0.9)
				}
			}
			if len(out) > 0 {
				break
			}
		}
	}
	if last && n >= PrefixLen {
		for _, k := range sortedKeys(deep.Terms) {
			if strings.HasPrefix(k, f) {
				add(k, 0.8)
			}
		}
		for _, form := range sortedKeys(deep.Forms) {
			if strings.HasPrefix(form, f) {
				add(deep.Forms[form], 0.8)
			}
		}
	}
	if len(out) == 0 && n >= 5 {
		for _, sh := range ch {
			for _, k := range sortedKeys(sh.Terms) {
				if oneEdit(f, k) {
					add(k, 0.6)
				}
			}
			for _, form := range sortedKeys(sh.Forms) {
				if oneEdit(f, form) {
					add(sh.Forms[form], 0.6)
				}
			}
		}
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// oneEdit reports whether a and b are one edit apart (Damerau–Levenshtein
// distance 1: a letter changed, added, removed or two adjacent swapped).
func oneEdit(a, b string) bool {
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if i == len(x) {
		return len(y) == len(x)+1
	}
	if len(x) == len(y) {
		if string(x[i+1:]) == string(y[i+1:]) {
			return true
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
	}
	return string(x[i:]) == string(y[i+1:])
}

// unpack reads packed document gaps.
func unpack(s string) []int32 {
	var out []int32
	prev := int32(-1)
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(b64, s[i])
		if d >= 32 {
			v |= (d - 32) << shift
			shift += 5
			continue
		}
		v |= d << shift
		prev += int32(v) + 1
		out = append(out, prev)
		v, shift = 0, 0
	}
	return out
}

// Search returns the documents matching q, best first.
func (e *Engine) Search(q string) ([]Hit, error) {
	type word struct {
		folded, exact string
		found         []match
	}
	var words []word
	eachWord(q, func(w string, _ int) {
		if (utf8.RuneCountInString(w) > 1 || isNumber(w)) && len(w) <= maxWordBytes && len(words) < 10 {
			w = compat(w)
			words = append(words, word{folded: Fold(w), exact: lower(w)})
		}
	})
	r, _ := utf8.DecodeLastRuneInString(q)
	typing := q != "" && isWordRune(r)
	scores := map[int32]float64{}
	count := map[int32]int{}
	e.best = map[int32]bool{}
	active := 0
	for i := range words {
		w := &words[i]
		found, err := e.matches(w.folded, typing && i == len(words)-1)
		if err != nil {
			return nil, err
		}
		w.found = found
		best := map[int32]float64{}
		for _, m := range found {
			t, err := e.term(m.key)
			if err != nil {
				return nil, err
			}
			if t == nil {
				continue
			}
			if t.docs == nil {
				t.docs = unpack(t.Docs)
			}
			for _, c := range t.Best {
				if d, ok := c[0].(float64); ok {
					e.best[int32(d)] = true
				}
			}
			for j, d := range t.docs {
				s := m.weight * float64(strings.IndexByte(b64, t.Impact[j])) / 63 * t.Max
				if len(t.Variants) > 1 && strings.HasPrefix(w.exact, t.Variants[strings.IndexByte(b64, t.Which[j])]) {
					s *= 1.1
				}
				best[d] = max(best[d], s)
			}
		}
		if len(best) == 0 {
			continue
		}
		active++
		for d, s := range best {
			scores[d] += s
			count[d]++
		}
	}
	// Phrases: adjacent words whose best terms stand together.
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i].found, words[i+1].found
		if len(a) == 0 || len(b) == 0 {
			continue
		}
		ch, err := e.chain(a[0].key)
		if err != nil {
			return nil, err
		}
		for _, mb := range b {
			var packed string
			for _, sh := range ch {
				if p, ok := sh.Pairs[a[0].key+" "+mb.key]; ok {
					packed = p
				}
			}
			for _, d := range unpack(packed) {
				if count[d] == active {
					scores[d] *= 1.3
				}
			}
			if packed != "" {
				break
			}
		}
	}
	hits := make([]Hit, 0, len(scores))
	for d, s := range scores {
		if count[d] == active {
			hits = append(hits, Hit{d, s})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].Doc < hits[j].Doc
	})
	return hits, nil
}

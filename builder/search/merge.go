package search

import (
	"cmp"
	"runtime"
	"slices"
	"unsafe"

	"github.com/4im-project/dissem/builder/internal/pool"
)

// index is one language's merged tables.
type index struct {
	terms []*term // by key; each one's posts in document order
	lens  [][nFields]uint16
	pairs []pairRec // by terms (numbers into terms) and document, once each
}

// analyze reads the documents on a worker per CPU, each over a contiguous
// range, and merges their tables in order (so postings stay sorted by
// document and the bytes never depend on scheduling).
func analyze(l Lang, sc *scratch) *index {
	n := len(l.Docs)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	parts := make([]*analyzer, workers)
	stem := Stemmer(l.Code)
	pool.Each(workers, workers, func(w int) {
		a := newAnalyzer(stem)
		a.log.spare, a.pairs.spare = &sc.recs, &sc.links
		lo, hi := w*n/workers, (w+1)*n/workers
		a.first = int32(lo)
		var buf []byte
		for i := lo; i < hi; i++ {
			p := l.Docs[i]
			buf = appendText(buf[:0], l.body(p))
			a.doc(int32(i), p, l.TypeLabel(p.Meta.Type), unsafe.String(unsafe.SliceData(buf), len(buf)))
		}
		a.words, a.byKey, a.acc, a.aliased = wordTable{}, nil, docAcc{}, nil
		parts[w] = a
	})
	return merge(parts, sc)
}

// merge joins the workers' tables: a term of several parts becomes the
// first part's (its spellings numbered in order of the parts), the terms
// are sorted by key, and the postings of every term are placed by counting
// in one array, the parts' logs copied side by side.
func merge(parts []*analyzer, sc *scratch) *index {
	ix := &index{}
	byKey := map[string]int32{}
	// local[w][i]: the merged number of part w's term i (before the sort);
	// vmap[w][i]: the merged spelling of each of its spellings, or nil
	// when they are the same.
	local := make([][]int32, len(parts))
	vmap := make([][][]uint8, len(parts))
	var count []int // postings of each merged term

	for w, a := range parts {
		ix.lens = append(ix.lens, a.lens...)
		local[w] = make([]int32, len(a.terms))
		vmap[w] = make([][]uint8, len(a.terms))
		for i, t := range a.terms {
			id, ok := byKey[t.key]
			if !ok {
				id = int32(len(ix.terms))
				byKey[t.key] = id
				ix.terms = append(ix.terms, t)
				count = append(count, int(t.df))
				local[w][i] = id
				continue
			}
			local[w][i] = id
			g := ix.terms[id]
			count[id] += int(t.df)
			var remap []uint8
			for j, v := range t.variants {
				if k := g.variant(v); k != uint8(j) || remap != nil {
					if remap == nil {
						remap = make([]uint8, len(t.variants))
						for m := range j {
							remap[m] = uint8(m)
						}
					}
					remap[j] = k
				}
			}
			vmap[w][i] = remap
			for f := range t.forms {
				if g.forms == nil {
					g.forms = map[string]bool{}
				}
				g.forms[f] = true
			}
		}
	}
	order := make([]int32, len(ix.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ix.terms[a].key, ix.terms[b].key) })
	rank := make([]int32, len(order))
	sorted := make([]*term, len(order))
	for r, id := range order {
		rank[id] = int32(r)
		sorted[r] = ix.terms[id]
	}
	ix.terms = sorted
	// Where each part's postings of each term go: after the term's
	// postings of the earlier parts.
	total := 0
	start := make([]int, len(sorted))
	for r, id := range order {
		start[r] = total
		total += count[id]
	}
	next := make([][]int32, len(parts))
	for w, a := range parts {
		next[w] = make([]int32, len(a.terms))
		for i, t := range a.terms {
			r := rank[local[w][i]]
			local[w][i] = r
			next[w][i] = int32(start[r])
			start[r] += int(t.df)
		}
	}
	// Every element is written below: each posting of the logs has its place.
	sc.posts = grow(sc.posts, total)
	posts := sc.posts
	pool.Each(len(parts), len(parts), func(w int) {
		a := parts[w]
		at, vm := next[w], vmap[w]
		doc, di, left := a.first, 0, int32(0)
		if len(a.count) > 0 {
			left = a.count[0]
		}
		for _, block := range a.log.b {
			for _, r := range block {
				for left == 0 {
					di++
					doc++
					left = a.count[di]
				}
				left--
				p := posting{doc: doc, off: r.off, tf: r.tf, variant: r.variant}
				if m := vm[r.term]; m != nil {
					p.variant = m[p.variant]
				}
				posts[at[r.term]] = p
				at[r.term]++
			}
		}
		a.log.release()
		a.count = nil
	})
	at := 0
	for r, t := range sorted {
		c := count[order[r]]
		t.posts = posts[at : at+c : at+c]
		at += c
	}
	ix.pairs = mergePairs(parts, local, len(sorted), sc)
	return ix
}

// mergePairs returns the parts' phrases by merged terms (local[w] maps part
// w's term numbers to the merged ones), sorted by first term, second term
// and document: placed by counting on the first term (the parts' records
// are in document order, which the placing keeps), then each first term's
// records sorted.
func mergePairs(parts []*analyzer, local [][]int32, terms int, sc *scratch) []pairRec {
	n := 0
	for _, a := range parts {
		n += a.pairs.n
	}
	// By the second term, then (stably) by the first: sorted by both, and
	// by document, the order of the logs, within each.
	sc.byB = grow(sc.byB, n)
	byB := sc.byB
	start := make([]int32, terms+1)
	for w, a := range parts {
		for _, block := range a.pairs.b {
			for _, p := range block {
				start[local[w][p.b]+1]++
			}
		}
	}
	for i := 1; i <= terms; i++ {
		start[i] += start[i-1]
	}
	for w, a := range parts {
		for _, block := range a.pairs.b {
			for _, p := range block {
				f, s := local[w][p.a], local[w][p.b]
				byB[start[s]] = pairRec{f, s, p.doc}
				start[s]++
			}
		}
		a.pairs.release()
	}
	clear(start)
	for _, p := range byB {
		start[p.a+1]++
	}
	for i := 1; i <= terms; i++ {
		start[i] += start[i-1]
	}
	sc.pairs = grow(sc.pairs, n)
	pairs := sc.pairs
	for _, p := range byB {
		pairs[start[p.a]] = p
		start[p.a]++
	}
	// A phrase a document repeats is kept once.
	return slices.Compact(pairs)
}

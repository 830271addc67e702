package search

import (
	"runtime"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/4im-project/dissem/builder/internal/pool"
)

// encoder writes shards; each worker has its own buffers.
type encoder struct {
	*shards
	buf, key []byte
	docs     []int32
	files    []file
	// arena holds the bytes of files, one after another, until they are
	// emitted; then it is used again (emit keeps no file's bytes).
	arena []byte
}

// keep returns a copy of b in the arena, for files.
func (e *encoder) keep(b []byte) []byte {
	at := len(e.arena)
	e.arena = append(e.arena, b...)
	return e.arena[at:len(e.arena):len(e.arena)]
}

// file is a made file, to emit.
type file struct {
	name string
	data []byte
}

// displays makes every document's display data, on a worker per CPU.
func (s *shards) displays() {
	n := len(s.shown)
	workers := max(1, min(runtime.GOMAXPROCS(0), n/64))
	pool.Each(workers, workers, func(w int) {
		for d := w * n / workers; d < (w+1)*n/workers; d++ {
			s.shown[d] = displayOf(s.l, s.l.Docs[d])
		}
	})
}

// write makes the shards of entries (sorted by route) and emits them in
// order of their prefixes. The shards are made on a worker per CPU, a
// batch at a time, and a batch is emitted (on a goroutine of its own, one
// file after another) while the next is made, so the bytes and the order
// never depend on scheduling, writing the files overlaps making them, and
// two batches' files are all that is held. False: emit refused a file.
func (s *shards) write(entries []entry) bool {
	type span struct {
		lo, hi int
		prefix string
	}
	var spans []span
	for lo := 0; lo < len(entries); {
		p := Prefix(entries[lo].route, PrefixLen)
		hi := lo + 1
		for hi < len(entries) && Prefix(entries[hi].route, PrefixLen) == p {
			hi++
		}
		spans = append(spans, span{lo, hi, p})
		lo = hi
	}
	workers := runtime.GOMAXPROCS(0)
	batch := 8 * workers
	// Two sets of encoders and files: one batch's being made, the one
	// before's being emitted.
	type set struct {
		encs []*encoder
		out  [][]file
		n    int // files of the batch in out
	}
	var sets [2]set
	for k := range sets {
		sets[k] = set{encs: make([]*encoder, workers), out: make([][]file, batch)}
		for i := range sets[k].encs {
			sets[k].encs[i] = &encoder{shards: s}
		}
	}
	make1 := func(cur *set, todo []span) {
		pool.Each(workers, workers, func(w int) {
			e := cur.encs[w]
			for i := w; i < len(todo); i += workers {
				e.files = e.files[:0]
				e.place(entries[todo[i].lo:todo[i].hi], PrefixLen, todo[i].prefix)
				cur.out[i] = append(cur.out[i][:0], e.files...)
			}
		})
		cur.n = len(todo)
	}
	emit1 := func(done *set) bool {
		for i := range done.n {
			for _, f := range done.out[i] {
				if !s.emit(f.name, f.data) {
					return false
				}
			}
			done.out[i] = done.out[i][:0]
		}
		done.n = 0
		// The batch is emitted: its bytes may be overwritten.
		for _, e := range done.encs {
			e.arena = e.arena[:0]
		}
		return true
	}
	ok, k := true, 0
	for at := 0; at < len(spans) && ok; at += batch {
		todo := spans[at:min(len(spans), at+batch)]
		pool.Each(2, 2, func(job int) {
			if job == 0 {
				make1(&sets[k], todo)
			} else {
				ok = emit1(&sets[k^1]) // the batch before (none the first time)
			}
		})
		k ^= 1
	}
	// The last batch made is in sets[k^1].
	return ok && emit1(&sets[k^1])
}

// place makes the shard of prefix (its entries, all of whose routes begin
// with prefix, level letters long), splitting it by one more letter while
// it is larger than SplitSize: the split shard keeps the entries no longer
// than its prefix and says at which length to look further ("split").
func (s *encoder) place(entries []entry, level int, prefix string) {
	name := s.dir + "s/" + ShardName(prefix) + ".json"
	s.buf = s.encode(s.buf[:0], entries, 0)
	// Entries sorted by route: those of exactly prefix come first.
	short := 0
	for short < len(entries) && utf8.RuneCountInString(entries[short].route) <= level {
		short++
	}
	if len(s.buf) <= SplitSize || short == len(entries) || level >= 12 {
		s.files = append(s.files, file{name, s.keep(s.buf)})
		return
	}
	s.buf = s.encode(s.buf[:0], entries[:short], level+1)
	s.files = append(s.files, file{name, s.keep(s.buf)})
	for lo := short; lo < len(entries); {
		p := Prefix(entries[lo].route, level+1)
		hi := lo + 1
		for hi < len(entries) && Prefix(entries[hi].route, level+1) == p {
			hi++
		}
		s.place(entries[lo:hi], level+1, p)
		lo = hi
	}
}

// encode appends the shard of entries.
func (s *encoder) encode(b []byte, entries []entry, split int) []byte {
	b = append(b, `{"version":`...)
	b = strconv.AppendInt(b, Version, 10)
	if split != 0 {
		b = append(b, `,"split":`...)
		b = strconv.AppendInt(b, int64(split), 10)
	}
	b = append(b, `,"t":{`...)
	s.docs = s.docs[:0]
	first := true
	for _, e := range entries {
		if e.kind != kTerm {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		o := &s.terms[e.i]
		b = appendJSONString(b, e.route)
		b = append(b, `:{"d":`...)
		b = appendJSONString(b, o.docs)
		b = append(b, `,"i":`...)
		b = appendJSONString(b, o.impact)
		b = append(b, `,"m":`...)
		b = minifyNumber(appendJSONFloat(b, o.max), len(b))
		if len(o.variants) > 0 {
			b = append(b, `,"v":`...)
			b = appendJSONStrings(b, o.variants)
		}
		if o.which != "" {
			b = append(b, `,"w":`...)
			b = appendJSONString(b, o.which)
		}
		b = append(b, `,"c":[`...)
		for k, c := range o.best {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = minifyNumber(strconv.AppendInt(b, int64(c.doc), 10), len(b))
			b = append(b, ',')
			b = appendJSONString(b, c.snippet)
			b = append(b, ']')
			s.docs = append(s.docs, c.doc)
		}
		b = append(b, "]}"...)
	}
	b = append(b, '}')
	for _, m := range [...]struct {
		kind uint8
		open string
	}{{kForm, `,"f":{`}, {kPair, `,"p":{`}} {
		first = true
		for _, e := range entries {
			if e.kind != m.kind {
				continue
			}
			if first {
				b = append(b, m.open...)
			} else {
				b = append(b, ',')
			}
			first = false
			if m.kind == kForm {
				b = appendJSONString(b, e.route)
				b = append(b, ':')
				b = appendJSONString(b, s.keys[s.forms[e.i].term])
			} else {
				p := s.pairs[e.i]
				s.key = append(append(append(s.key[:0], s.keys[p.first]...), ' '), s.keys[p.second]...)
				b = appendJSONString(b, unsafe.String(unsafe.SliceData(s.key), len(s.key)))
				b = append(b, ':')
				b = appendJSONString(b, s.pairs[e.i].docs)
			}
		}
		if !first {
			b = append(b, '}')
		}
	}
	b = append(b, `,"x":{`...)
	slices.SortFunc(s.docs, func(x, y int32) int {
		if x == y {
			return 0
		}
		if decimalLess(x, y) {
			return -1
		}
		return 1
	})
	for i, d := range slices.Compact(s.docs) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, `":`...)
		v := s.shown[d]
		v[4] = "" // the snippet stands for the summary
		b = appendJSONStrings(b, v[:])
	}
	return append(b, "}}"...)
}

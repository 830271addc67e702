package search

import "sync"

// blockLen is the number of values in a block of a blocks list.
const blockLen = 16 << 10

// blocks is a list that grows by blocks of blockLen values: appending
// never copies what is there (a slice is copied to twice its size each
// time it is full), and nothing is allocated beyond the last block. With a
// spare pool, blocks come from it and go back to it when released, so the
// next language's list reuses them.
type blocks[T any] struct {
	b     [][]T
	n     int
	spare *spare[T]
}

// add appends v.
func (l *blocks[T]) add(v T) {
	k := len(l.b)
	if k == 0 || len(l.b[k-1]) == cap(l.b[k-1]) {
		l.b = append(l.b, l.spare.get())
		k++
	}
	l.b[k-1] = append(l.b[k-1], v)
	l.n++
}

// addAll appends vs: a block's worth at a time.
func (l *blocks[T]) addAll(vs []T) {
	l.n += len(vs)
	for len(vs) > 0 {
		k := len(l.b)
		if k == 0 || len(l.b[k-1]) == cap(l.b[k-1]) {
			l.b = append(l.b, l.spare.get())
			k++
		}
		last := l.b[k-1]
		n := min(cap(last)-len(last), len(vs))
		l.b[k-1] = append(last, vs[:n]...)
		vs = vs[n:]
	}
}

// release gives the list's blocks to its spare pool and empties it.
func (l *blocks[T]) release() {
	l.spare.put(l.b)
	l.b, l.n = nil, 0
}

// spare holds released blocks for the lists of the next language; the
// workers take from and give to it at once.
type spare[T any] struct {
	mu   sync.Mutex
	free [][]T
}

// get returns an empty block: a released one, or a new one when there is
// none (or no pool).
func (s *spare[T]) get() []T {
	if s != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if k := len(s.free); k > 0 {
			b := s.free[k-1][:0]
			s.free[k-1] = nil
			s.free = s.free[:k-1]
			return b
		}
	}
	return make([]T, 0, blockLen)
}

// put keeps blocks for later; without a pool they are left to the
// collector.
func (s *spare[T]) put(b [][]T) {
	if s == nil {
		return
	}
	s.mu.Lock()
	s.free = append(s.free, b...)
	s.mu.Unlock()
}

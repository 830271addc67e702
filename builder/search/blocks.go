package search

// blockLen is the number of values in a block of a blocks list.
const blockLen = 16 << 10

// blocks is a list that grows by blocks of blockLen values: appending
// never copies what is there (a slice is copied to twice its size each
// time it is full), and nothing is allocated beyond the last block.
type blocks[T any] struct {
	b [][]T
	n int
}

// add appends v.
func (l *blocks[T]) add(v T) {
	k := len(l.b)
	if k == 0 || len(l.b[k-1]) == cap(l.b[k-1]) {
		l.b = append(l.b, make([]T, 0, blockLen))
		k++
	}
	l.b[k-1] = append(l.b[k-1], v)
	l.n++
}

package register

import "strings"

// Compact copies the texts the rows take from the front matter (document
// key, title, wp_task, partners, cities, topics) into one block, in row
// order, and points the rows at the copies: the same texts, next to each
// other.
//
// Where they were, every text of every row lay in another corner of the
// heap, and each export (CSV, JSON, the workbook's shared and inline cells,
// the digest) spent most of its time waiting for memory: one pass over the
// rows here makes the others read sequentially. It costs a copy of those
// texts for as long as the register lives.
//
// Build leaves it to the caller, who calls it before sharing the register
// and only when the exports are to be made: a build that copies them from
// its cache reads no text. It changes no value.
func (r *Register) Compact() { compact(r.Rows) }

// compact is Compact for rows.
func compact(rows []Row) {
	n, items := 0, 0
	for i := range rows {
		r := &rows[i]
		n += len(r.Key) + len(r.Title) + len(r.WPTask)
		for _, l := range [...][]string{r.Partners, r.Cities, r.Topics} {
			items += len(l)
			for _, s := range l {
				n += len(s)
			}
		}
	}
	var b strings.Builder
	b.Grow(n)
	// ends[k] is where the k-th text copied ends; lists share one array.
	ends := make([]int, 0, 3*len(rows)+items)
	put := func(s string) {
		b.WriteString(s)
		ends = append(ends, b.Len())
	}
	for i := range rows {
		r := &rows[i]
		put(r.Key)
		put(r.Title)
		put(r.WPTask)
		for _, l := range [...][]string{r.Partners, r.Cities, r.Topics} {
			for _, s := range l {
				put(s)
			}
		}
	}
	all := b.String()
	lists := make([]string, items)
	k, start := 0, 0
	next := func() string {
		s := all[start:ends[k]]
		start = ends[k]
		k++
		return s
	}
	for i := range rows {
		r := &rows[i]
		r.Key, r.Title, r.WPTask = next(), next(), next()
		for _, l := range [...]*[]string{&r.Partners, &r.Cities, &r.Topics} {
			if *l == nil {
				continue
			}
			m := len(*l)
			c := lists[:m:m]
			lists = lists[m:]
			for j := range c {
				c[j] = next()
			}
			*l = c
		}
	}
}

package register

import (
	"bytes"
	"strconv"
)

// sstPart is the workbook's shared-string table.
const sstPart = "xl/sharedStrings.xml"

// shared is the register sheet's repeated texts (language, type, date,
// period, the lists, wp_task, translation state): each is written once, in
// the workbook's shared-string table, and its cells refer to it. A
// spreadsheet reads them as the same text cells; the sheet is a third
// smaller, and the workbook is made in two thirds of the time (most of it
// was compressing the repeated text).
type shared struct {
	// cells are each row's sharedCols cells: an index into list, or -1 for
	// an empty cell.
	cells []int32
	at    map[string]int32
	list  []string
}

// sharedCols is how many of a row's cells are shared.
const sharedCols = 10

// share collects the rows' repeated texts, in the order they first appear.
func (r *Register) share() *shared {
	sh := &shared{cells: make([]int32, 0, len(r.Rows)*sharedCols), at: map[string]int32{}}
	var scratch []byte
	// Each column's last few texts: a document's rows, next to each
	// other, repeat most cells, and the language cycles through a few;
	// looking there first spares most of the map's lookups.
	var recent [sharedCols][4]int32
	for c := range recent {
		recent[c] = [4]int32{-1, -1, -1, -1}
	}
	col := 0
	add := func(b []byte) {
		c := col
		col = (col + 1) % sharedCols
		if len(b) == 0 {
			sh.cells = append(sh.cells, -1)
			return
		}
		mru := &recent[c]
		for k, i := range mru {
			if i >= 0 && sh.list[i] == string(b) {
				// Move to the front.
				copy(mru[1:k+1], mru[:k])
				mru[0] = i
				sh.cells = append(sh.cells, i)
				return
			}
		}
		// string(b) as a map key is not copied; a new text is, once.
		i, ok := sh.at[string(b)]
		if !ok {
			s := string(b)
			i = int32(len(sh.list))
			sh.at[s] = i
			sh.list = append(sh.list, s)
		}
		copy(mru[1:], mru[:3])
		mru[0] = i
		sh.cells = append(sh.cells, i)
	}
	for k := range r.Rows {
		row := &r.Rows[k]
		add(append(scratch[:0], row.Lang...))
		add(append(scratch[:0], row.Type...))
		scratch = appendDate(scratch[:0], row.Date)
		add(scratch)
		add(append(scratch[:0], row.Period...))
		for _, list := range [...][]string{row.Languages, row.Partners, row.Cities, row.Topics} {
			scratch = scratch[:0]
			for j, s := range list {
				if j > 0 {
					scratch = append(scratch, listSep...)
				}
				scratch = append(scratch, s...)
			}
			add(scratch)
		}
		add(append(scratch[:0], row.WPTask...))
		add(append(scratch[:0], row.State...))
	}
	return sh
}

// cell appends a shared-string cell for text i, whose index in the table
// is i+off (an empty cell for -1).
func (sh *shared) cell(b []byte, i, off int32) []byte {
	if i < 0 {
		return append(b, `<c/>`...)
	}
	b = append(b, `<c t="s"><v>`...)
	b = strconv.AppendInt(b, int64(i+off), 10)
	return append(b, `</v></c>`...)
}

// table returns excelize's shared-string table sst with sh's texts after
// its own (their indexes moved by its count) and its counts raised; off is
// the index of sh's first text.
func (sh *shared) table(sst []byte) (out []byte, off int, err error) {
	end := bytes.LastIndex(sst, []byte("</sst>"))
	if end < 0 {
		return nil, 0, errNoSST
	}
	refs := 0
	for _, c := range sh.cells {
		if c >= 0 {
			refs++
		}
	}
	head := sst[:end]
	for _, attr := range []string{"count", "uniqueCount"} {
		key := []byte(" " + attr + `="`)
		i := bytes.Index(head, key)
		if i < 0 {
			return nil, 0, errNoSST
		}
		j := bytes.IndexByte(head[i+len(key):], '"')
		if j < 0 {
			return nil, 0, errNoSST
		}
		n, err := strconv.Atoi(string(head[i+len(key) : i+len(key)+j]))
		if err != nil {
			return nil, 0, errNoSST
		}
		add := refs
		if attr == "uniqueCount" {
			off, add = n, len(sh.list)
		}
		v := append(append([]byte(nil), head[:i+len(key)]...), strconv.Itoa(n+add)...)
		head = append(v, head[i+len(key)+j:]...)
	}
	out = make([]byte, 0, len(sst)+len(sh.list)*40)
	out = append(out, head...)
	for _, s := range sh.list {
		out = append(out, `<si>`...)
		out = xmlT(out, s)
		out = append(out, `</si>`...)
	}
	return append(out, sst[end:]...), off, nil
}

const errNoSST = sheetError("register.xlsx: the workbook's shared-string table is not as expected")

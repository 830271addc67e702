package brief

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"errors"
	"strconv"
	"sync"
)

// The post-pass. fpdf writes a plain PDF 1.3: one object after the other
// and a classic cross-reference table. A Tagged PDF needs more than fpdf
// can say (a structure tree, pages and annotations that point into it, a
// catalog that announces it, fonts named as subsets, XMP metadata), so the
// file is written once more: every object of fpdf's is copied in its order,
// the catalog, the pages and the font objects rewritten, the new objects
// appended, and a new cross-reference table made. This is one pass over a
// few hundred kilobytes: well under a millisecond.

var errPDF = errors.New("brief: fpdf wrote a PDF of an unexpected structure")

// pdfIn is fpdf's output, read only as far as the rewrite needs.
type pdfIn struct {
	b          []byte
	start, end []int // by object number: where "N 0 obj" starts and its "endobj\n" ends; 0: free
	order      []int // object numbers in file order
	head       int   // offset of the first object (the header is before it)
	root, info int
}

// readPDF finds the objects through the cross-reference table.
func readPDF(b []byte) (*pdfIn, error) {
	sx := bytes.LastIndex(b, []byte("startxref\n"))
	if sx < 0 {
		return nil, errPDF
	}
	xref, ok := intAt(b, sx+len("startxref\n"))
	if !ok || xref <= 0 || xref >= sx || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		return nil, errPDF
	}
	p := xref + len("xref\n0 ")
	size, ok := intAt(b, p)
	p = bytes.IndexByte(b[p:], '\n') + p + 1
	if !ok || size < 2 || p > sx || size > (sx-p)/20 { // each entry is 20 bytes, before the trailer
		return nil, errPDF
	}
	in := &pdfIn{b: b, start: make([]int, size), end: make([]int, size), order: make([]int, 0, size), head: len(b)}
	for n := 0; n < size; n++ {
		// Each entry is "oooooooooo ggggg n \n" (20 bytes).
		if p+20 > len(b) {
			return nil, errPDF
		}
		if b[p+17] == 'n' {
			off, ok := intAt(b, p)
			if !ok || off <= 0 || off >= xref {
				return nil, errPDF
			}
			in.start[n] = off
			in.order = append(in.order, n)
			in.head = min(in.head, off)
		}
		p += 20
	}
	// fpdf writes objects out of number order (pages before their root).
	sortByOffset(in.order, in.start)
	for i, n := range in.order {
		if i+1 < len(in.order) {
			in.end[n] = in.start[in.order[i+1]]
		} else {
			in.end[n] = xref
		}
	}
	tr := b[p:sx]
	in.root, ok = refAfter(tr, "/Root ")
	if !ok || in.root >= size || in.start[in.root] == 0 {
		return nil, errPDF
	}
	in.info, _ = refAfter(tr, "/Info ")
	return in, nil
}

// sortByOffset is an insertion sort: fpdf's order is almost sorted already.
func sortByOffset(order, off []int) {
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && off[order[j]] < off[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}

// dict returns the text of object n between "N 0 obj\n" and "\nendobj".
func (in *pdfIn) dict(n int) []byte {
	o := in.b[in.start[n]:in.end[n]]
	i := bytes.IndexByte(o, '\n')
	j := bytes.LastIndex(o, []byte("endobj"))
	if i < 0 || j <= i {
		return nil
	}
	return bytes.TrimRight(o[i+1:j], "\n")
}

// stream returns the data of a stream object.
func (in *pdfIn) stream(n int) []byte {
	d := in.dict(n)
	i := bytes.Index(d, []byte("stream\n"))
	j := bytes.LastIndex(d, []byte("\nendstream"))
	if i < 0 || j < i+7 {
		return nil
	}
	return d[i+7 : j]
}

// pages lists the page objects, in order, from the page tree's /Kids
// (fpdf's tree is flat).
func (in *pdfIn) pages() ([]int, error) {
	pn, ok := refAfter(in.dict(in.root), "/Pages ")
	if !ok || pn >= len(in.start) || in.start[pn] == 0 {
		return nil, errPDF
	}
	d := in.dict(pn)
	i := bytes.Index(d, []byte("/Kids ["))
	if i < 0 {
		return nil, errPDF
	}
	d = d[i+len("/Kids ["):]
	d = d[:bytes.IndexByte(d, ']')+1]
	var out []int
	for len(d) > 0 {
		n, ok := refAfter(d, "")
		if !ok {
			break
		}
		if n >= len(in.start) || in.start[n] == 0 {
			return nil, errPDF
		}
		out = append(out, n)
		d = d[bytes.Index(d, []byte(" R"))+2:]
	}
	return out, nil
}

// intAt reads the decimal number at b[i:] (after spaces).
func intAt(b []byte, i int) (int, bool) {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	n, j := 0, i
	for ; j < len(b) && b[j] >= '0' && b[j] <= '9' && j-i < 10; j++ {
		n = n*10 + int(b[j]-'0')
	}
	return n, j > i
}

// refAfter reads the object number of the reference "N 0 R" after key.
func refAfter(b []byte, key string) (int, bool) {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0, false
	}
	n, ok := intAt(b, i+len(key))
	return n, ok && n > 0
}

// pdfOut is the file being written: its bytes and where each object is.
// In an object stream (inStm) begin and endObj only note where each
// object starts.
type pdfOut struct {
	b        []byte
	off      []int // by object number: its offset in the file
	stm, idx []int // by object number: the object stream holding it, and its index there
	inStm    bool
	objs     []int // inStm: the objects written, and their offsets in b
	at       []int
}

func grow(s []int, n int) []int {
	for len(s) <= n {
		s = append(s, 0)
	}
	return s
}

func (w *pdfOut) begin(n int) {
	if w.inStm {
		w.objs, w.at = append(w.objs, n), append(w.at, len(w.b))
		return
	}
	w.off = grow(w.off, n)
	w.off[n] = len(w.b)
	w.b = strconv.AppendInt(w.b, int64(n), 10)
	w.b = append(w.b, " 0 obj\n"...)
}

func (w *pdfOut) endObj() {
	if w.inStm {
		w.b = append(w.b, '\n')
		return
	}
	w.b = append(w.b, "\nendobj\n"...)
}

// copyObj copies object n of in unchanged.
func (w *pdfOut) copyObj(in *pdfIn, n int) {
	w.off = grow(w.off, n)
	w.off[n] = len(w.b)
	w.b = append(w.b, in.b[in.start[n]:in.end[n]]...)
}

func (w *pdfOut) str(s string)  { w.b = append(w.b, s...) }
func (w *pdfOut) int(n int)     { w.b = strconv.AppendInt(w.b, int64(n), 10) }
func (w *pdfOut) ref(n int)     { w.int(n); w.str(" 0 R") }
func (w *pdfOut) num(f float64) { w.b = strconv.AppendFloat(w.b, f, 'f', 2, 64) }

// stream writes object n as a Flate-compressed stream of data, with the
// dictionary entries dict.
func (w *pdfOut) stream(n int, dict string, data []byte) {
	var z bytes.Buffer
	zw := zlibs.Get().(*zlib.Writer)
	zw.Reset(&z)
	zw.Write(data)
	zw.Close()
	zlibs.Put(zw)
	w.begin(n)
	w.str("<<" + dict + " /Filter /FlateDecode /Length ")
	w.int(z.Len())
	w.str(">>\nstream\n")
	w.b = append(w.b, z.Bytes()...)
	w.str("\nendstream")
	w.endObj()
}

// zlibs keeps compressors between briefs: each holds about a megabyte of
// tables, which made a brief's collector work grow.
var zlibs = sync.Pool{New: func() any {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return zw
}}

// objStm writes the objects of s as object stream n.
func (w *pdfOut) objStm(n int, s *pdfOut) {
	if len(s.objs) == 0 {
		return
	}
	var head []byte
	for i, o := range s.objs {
		head = strconv.AppendInt(head, int64(o), 10)
		head = append(head, ' ')
		head = strconv.AppendInt(head, int64(s.at[i]), 10)
		head = append(head, ' ')
		w.stm, w.idx = grow(w.stm, o), grow(w.idx, o)
		w.stm[o], w.idx[o] = n, i
	}
	w.stream(n, "/Type /ObjStm /N "+strconv.Itoa(len(s.objs))+" /First "+strconv.Itoa(len(head)), append(head, s.b...))
}

// finish writes the cross-reference stream (object n, the last) and the
// trailer. The file identifier is a hash of the file, so the same input
// gives the same bytes.
func (w *pdfOut) finish(n, root, info int) []byte {
	sum := sha256.Sum256(w.b)
	w.off, w.stm, w.idx = grow(w.off, n), grow(w.stm, n), grow(w.idx, n)
	xref := len(w.b)
	w.off[n] = xref
	// Entries of 1 + 4 + 2 bytes: type, offset or stream, generation or index.
	rows := make([]byte, 0, 7*(n+1))
	for o := 0; o <= n; o++ {
		switch {
		case w.stm[o] > 0:
			s, i := w.stm[o], w.idx[o]
			rows = append(rows, 2, byte(s>>24), byte(s>>16), byte(s>>8), byte(s), byte(i>>8), byte(i))
		case w.off[o] > 0:
			f := w.off[o]
			rows = append(rows, 1, byte(f>>24), byte(f>>16), byte(f>>8), byte(f), 0, 0)
		default:
			rows = append(rows, 0, 0, 0, 0, 0, 0xff, 0xff)
		}
	}
	var d []byte
	d = append(d, "/Type /XRef /Size "...)
	d = strconv.AppendInt(d, int64(n+1), 10)
	d = append(d, " /W [1 4 2] /Root "...)
	d = strconv.AppendInt(d, int64(root), 10)
	d = append(d, " 0 R"...)
	if info > 0 {
		d = append(d, " /Info "...)
		d = strconv.AppendInt(d, int64(info), 10)
		d = append(d, " 0 R"...)
	}
	d = append(d, " /ID [<"...)
	d = appendHex(d, sum[:16])
	d = append(d, "> <"...)
	d = appendHex(d, sum[:16])
	d = append(d, ">]"...)
	w.stream(n, string(d), rows)
	w.str("startxref\n")
	w.int(xref)
	w.str("\n%%EOF\n")
	return w.b
}

func appendHex(b, data []byte) []byte {
	const hex = "0123456789ABCDEF"
	for _, c := range data {
		b = append(b, hex[c>>4], hex[c&15])
	}
	return b
}

// fontNames finds fpdf's font descriptors and names each font after its
// subset: old name ("utf8serifB") → new ("KQZBMD+LiberationSerif-Bold").
func (in *pdfIn) fontNames() map[string]string {
	names := map[string]string{}
	ps := psNames()
	const key = "<</Type /FontDescriptor /FontName /"
	for _, n := range in.order {
		d := in.dict(n)
		if !bytes.HasPrefix(d, []byte(key)) {
			continue
		}
		old := string(d[len(key) : len(key)+nameLen(d[len(key):])])
		file, ok := refAfter(d, "/FontFile2 ")
		if !ok || file >= len(in.start) || in.start[file] == 0 {
			continue
		}
		base := ps[old]
		if base == "" {
			base = old
		}
		names[old] = subsetTag(in.stream(file)) + "+" + base
	}
	return names
}

// nameLen is the length of the PDF name at the start of b (up to a
// delimiter or white space).
func nameLen(b []byte) int {
	for i, c := range b {
		switch c {
		case ' ', '\n', '\r', '\t', '/', '<', '>', '[', ']', '(', ')':
			return i
		}
	}
	return len(b)
}

// renameFonts writes a font object's dictionary with its names replaced.
func renameFonts(w *pdfOut, d []byte, names map[string]string) {
	for _, key := range [...]string{"/BaseFont /", "/FontName /"} {
		if i := bytes.Index(d, []byte(key)); i >= 0 {
			at := i + len(key)
			ln := nameLen(d[at:])
			if nn, ok := names[string(d[at:at+ln])]; ok {
				w.b = append(w.b, d[:at]...)
				w.str(nn)
				d = d[at+ln:]
			}
		}
	}
	w.b = append(w.b, d...)
}

package brief

import (
	"bytes"
	"slices"
	"strconv"
	"unicode/utf16"
)

// finish rewrites fpdf's output as a Tagged PDF: the structure tree of
// what was drawn, the link annotations, the XMP packet, a catalog that
// announces them (PDF/UA: /MarkInfo, /Lang, /ViewerPreferences
// /DisplayDocTitle, /Metadata), pages with /StructParents, /Tabs /S and
// their /Annots, and fonts named as subsets.
func (t *tagger) finish(pdf []byte, x xmpInfo) ([]byte, error) {
	t.end()
	t.sortKids()
	in, err := readPDF(pdf)
	if err != nil {
		return nil, err
	}
	pages, err := in.pages()
	if err != nil {
		return nil, err
	}
	for int(len(t.mc)) < len(pages) {
		t.mc = append(t.mc, nil)
	}
	fonts := in.fontNames()
	next := len(in.start)
	alloc := func() int { next++; return next - 1 }
	xmpN, rootN, parentsN := alloc(), alloc(), alloc()

	// Elements with nothing drawn in them (a heading that was empty) are
	// left out; children come after their parents, so one backward pass
	// carries "used" up the tree.
	used := make([]bool, len(t.els))
	for i := len(t.els) - 1; i >= 0; i-- {
		if len(t.kids[i]) > 0 {
			used[i] = true
		}
		if p := t.els[i].parent; used[i] && p >= 0 && int(p) < i {
			used[p] = true
		}
	}
	children := make([][]int32, len(t.els))
	var roots []int32
	for i := range t.els {
		if !used[i] {
			continue
		}
		if p := t.els[i].parent; p >= 0 && int(p) < i {
			children[p] = append(children[p], int32(i))
		} else {
			roots = append(roots, int32(i))
		}
	}
	docN := 0 // a Document made here when the layout did not give one
	if len(roots) != 1 || t.els[roots[0]].kind != elDocument {
		docN = alloc()
	}
	elN := make([]int, len(t.els))
	for i := range t.els {
		if used[i] {
			elN[i] = alloc()
		}
	}
	linkN := make([]int, len(t.links))
	for j := range t.links {
		linkN[j] = alloc()
	}
	annN := make([]int, len(t.annots))
	for k := range t.annots {
		annN[k] = alloc()
		t.annots[k].parent = int32(len(pages) + k)
	}
	var ids []noteID
	for i := range t.els {
		if used[i] && t.els[i].kind == elNote {
			ids = append(ids, noteID{"note-" + strconv.Itoa(len(ids)+1), elN[i]})
		}
	}
	idsN := 0
	if len(ids) > 0 {
		idsN = alloc()
	}

	w := &pdfOut{b: make([]byte, 0, len(pdf)+len(pdf)/8+4096), off: make([]int, 0, next)}
	head := in.b[:in.head]
	if bytes.HasPrefix(head, []byte("%PDF-1.")) {
		// Tagged PDF with /MarkInfo, and PDF/UA-1, are PDF 1.7 (ISO 32000-1).
		w.b = append(w.b, "%PDF-1.7"...)
		head = head[len("%PDF-1.x"):]
	}
	w.b = append(w.b, head...)
	isPage := make(map[int]int, len(pages))
	for i, n := range pages {
		isPage[n] = i
	}
	pageAnnots := make([][]int, len(pages))
	for k, a := range t.annots {
		if int(a.page) < len(pages) {
			pageAnnots[a.page] = append(pageAnnots[a.page], annN[k])
		}
	}
	for _, n := range in.order {
		d := in.dict(n)
		switch pi, page := isPage[n]; {
		case n == in.root:
			w.begin(n)
			t.catalog(w, d, rootN, xmpN, x.Lang)
			w.endObj()
		case page:
			w.begin(n)
			writePage(w, d, pi, pageAnnots[pi])
			w.endObj()
		case len(fonts) > 0 && (bytes.HasPrefix(d, []byte("<</Type /Font")) || bytes.HasPrefix(d, []byte("<</Type /FontDescriptor"))):
			w.begin(n)
			renameFonts(w, d, fonts)
			w.endObj()
		default:
			w.copyObj(in, n)
		}
	}

	meta := xmpPacket(x)
	w.begin(xmpN)
	w.str("<</Type /Metadata /Subtype /XML /Length ")
	w.int(len(meta))
	w.str(">>\nstream\n")
	w.b = append(w.b, meta...)
	w.str("\nendstream")
	w.endObj()

	// The structure tree and the annotations are many small dictionaries:
	// they go compressed into one object stream (PDF 1.5), which keeps a
	// brief's tags to a few kilobytes.
	main := w
	w = &pdfOut{b: make([]byte, 0, 64*len(t.els)+4096), inStm: true}
	top := docN
	if docN == 0 {
		top = elN[roots[0]]
	}
	w.begin(rootN)
	w.str("<</Type /StructTreeRoot /K ")
	w.ref(top)
	w.str(" /ParentTree ")
	w.ref(parentsN)
	w.str(" /ParentTreeNextKey ")
	w.int(len(pages) + len(t.annots))
	if idsN > 0 {
		w.str(" /IDTree ")
		w.ref(idsN)
	}
	w.str(">>")
	w.endObj()

	w.begin(parentsN)
	w.str("<</Nums [")
	for i, mc := range t.mc[:len(pages)] {
		w.int(i)
		w.str(" [")
		for k, o := range mc {
			if k > 0 {
				w.str(" ")
			}
			if o >= 0 {
				w.ref(elN[o])
			} else {
				w.ref(linkN[linkBase-o])
			}
		}
		w.str("]\n")
	}
	for _, a := range t.annots {
		w.int(int(a.parent))
		w.str(" ")
		if a.link >= 0 {
			w.ref(linkN[a.link])
		} else {
			w.str("null")
		}
		w.str("\n")
	}
	w.str("]>>")
	w.endObj()

	if docN > 0 {
		w.begin(docN)
		w.str("<</Type /StructElem /S /Document /P ")
		w.ref(rootN)
		w.str(" /K [")
		for k, r := range roots {
			if k > 0 {
				w.str(" ")
			}
			w.ref(elN[r])
		}
		w.str("]>>")
		w.endObj()
	}
	for i := range t.els {
		if !used[i] {
			continue
		}
		parent := rootN
		if p := t.els[i].parent; p >= 0 && int(p) < i {
			parent = elN[p]
		} else if docN > 0 {
			parent = docN
		}
		w.begin(elN[i])
		t.writeElem(w, int32(i), parent, children, elN, linkN, pages, ids)
		w.endObj()
	}
	for j, l := range t.links {
		w.begin(linkN[j])
		w.str("<</Type /StructElem /S /Link /P ")
		w.ref(elN[l.parent])
		writeKids(w, l.kids, pages, nil, func() {
			for _, k := range l.annots {
				w.str(" <</Type /OBJR /Obj ")
				w.ref(annN[k])
				w.str(" /Pg ")
				w.ref(pages[t.annots[k].page])
				w.str(">>")
			}
		})
		w.str(">>")
		w.endObj()
	}
	// Annotations stay outside the object stream, where a reader (and
	// TestBriefLinkAnnotationsAreSafe) sees every action as it is.
	aw := main
	for k, a := range t.annots {
		aw.begin(annN[k])
		aw.str("<</Type /Annot /Subtype /Link /Rect [")
		for c, v := range a.rect {
			if c > 0 {
				aw.str(" ")
			}
			aw.num(v)
		}
		aw.str("] /Border [0 0 0] /F 4 /StructParent ")
		aw.int(int(a.parent))
		if a.link >= 0 {
			aw.str(" /Contents ")
			writeText(aw, linkContents(t.links[a.link]))
		}
		if a.uri != "" {
			aw.str(" /A <</S /URI /URI ")
			writeURI(aw, a.uri)
			aw.str(">>")
		} else if a.dest.page >= 1 && a.dest.page <= len(pages) {
			aw.str(" /Dest [")
			aw.ref(pages[a.dest.page-1])
			aw.str(" /XYZ 0 ")
			aw.num(pageH - a.dest.y)
			aw.str(" null]")
		}
		aw.str(">>")
		aw.endObj()
	}
	if idsN > 0 {
		slices.SortFunc(ids, func(a, b noteID) int { return bytes.Compare([]byte(a.id), []byte(b.id)) })
		w.begin(idsN)
		w.str("<</Names [")
		for _, id := range ids {
			writeText(w, id.id)
			w.str(" ")
			w.ref(id.obj)
			w.str(" ")
		}
		w.str("]>>")
		w.endObj()
	}
	main.objStm(alloc(), w)
	return main.finish(alloc(), in.root, in.info), nil
}

// noteID is an endnote's /ID (PDF/UA asks one of every Note) and its object.
type noteID struct {
	id  string
	obj int
}

// linkContents is the /Contents of a link's annotations: its text, or
// where it goes when it has none (PDF/UA asks for a description).
func linkContents(l *linkEl) string {
	if l.text.Len() > 0 {
		return l.text.String()
	}
	return l.target
}

// headingLevels numbers the headings without skipping a level (PDF/UA:
// an H4 right after an H2 is an error): a heading is at most one level
// below the one before it.
func (t *tagger) headingLevels() []int {
	out := make([]int, len(t.els))
	last := 0
	for i, e := range t.els {
		switch e.kind {
		case elTitle:
			out[i], last = 1, 1
		case elH:
			lv := min(max(e.level, 1), last+1, 6)
			out[i], last = lv, lv
		}
	}
	return out
}

func (t *tagger) writeElem(w *pdfOut, i int32, parent int, children [][]int32, elN, linkN, pages []int, ids []noteID) {
	e := &t.els[i]
	w.str("<</Type /StructElem /S /")
	w.str(t.role(i))
	w.str(" /P ")
	w.ref(parent)
	switch e.kind {
	case elFigure:
		if t.decorative(i) {
			break
		}
		w.str(" /Alt ")
		writeText(w, e.alt)
		if b, ok := t.bbox[i]; ok {
			w.str(" /A <</O /Layout /Placement /Block /BBox [")
			for c, v := range b {
				if c > 0 {
					w.str(" ")
				}
				w.num(v)
			}
			w.str("]>>")
		}
	case elTH:
		// A row of header cells heads the columns; a header cell among data
		// cells (a key-facts label) heads its row.
		scope := "/Column"
		if p := e.parent; p >= 0 {
			for _, c := range children[p] {
				if t.els[c].kind == elTD {
					scope = "/Row"
					break
				}
			}
		}
		w.str(" /A <</O /Table /Scope " + scope + ">>")
	case elNote:
		for _, id := range ids {
			if id.obj == elN[i] {
				w.str(" /ID ")
				writeText(w, id.id)
			}
		}
	}
	if p := e.parent; e.lang != "" && (p < 0 || t.els[p].lang != e.lang) {
		// Said where the language changes; the elements inside inherit it.
		w.str(" /Lang ")
		writeText(w, e.lang)
	}
	writeKids(w, t.kids[i], pages, linkN, func() {
		for _, c := range children[i] {
			w.str(" ")
			w.ref(elN[c])
		}
	})
	w.str(">>")
}

// writeKids writes /Pg (the page of the first MCID) and /K: the kids in
// their order, MCIDs as plain numbers on that page and as marked-content
// references on others, links as references (linkN), then what more adds.
func writeKids(w *pdfOut, kids []kid, pages, linkN []int, more func()) {
	pg := int32(-1)
	for _, k := range kids {
		if k.link < 0 {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		w.str(" /Pg ")
		w.ref(pages[pg])
	}
	w.str(" /K [")
	for _, k := range kids {
		w.str(" ")
		switch {
		case k.link >= 0:
			w.ref(linkN[k.link])
		case k.page == pg:
			w.int(int(k.mcid))
		default:
			w.str("<</Type /MCR /Pg ")
			w.ref(pages[k.page])
			w.str(" /MCID ")
			w.int(int(k.mcid))
			w.str(">>")
		}
	}
	more()
	w.str("]")
}

// catalog writes fpdf's catalog with what a Tagged PDF adds.
func (t *tagger) catalog(w *pdfOut, d []byte, rootN, xmpN int, lang string) {
	const key = "/Type /Catalog"
	i := bytes.Index(d, []byte(key))
	if i < 0 {
		w.b = append(w.b, d...)
		return
	}
	i += len(key)
	w.b = append(w.b, d[:i]...)
	w.str("\n/MarkInfo <</Marked true>>\n/StructTreeRoot ")
	w.ref(rootN)
	w.str("\n/Metadata ")
	w.ref(xmpN)
	w.str("\n/ViewerPreferences <</DisplayDocTitle true>>")
	if lang != "" && !bytes.Contains(d, []byte("/Lang ")) {
		w.str("\n/Lang ")
		writeText(w, lang)
	}
	w.b = append(w.b, d[i:]...)
}

// writePage writes a page dictionary with its place in the parent tree and
// its annotations, in the structure's order (/Tabs /S, PDF/UA).
func writePage(w *pdfOut, d []byte, i int, annots []int) {
	j := bytes.Index(d, []byte("/Contents "))
	if j < 0 {
		j = bytes.LastIndex(d, []byte(">>"))
	}
	w.b = append(w.b, d[:j]...)
	w.str("/StructParents ")
	w.int(i)
	w.str("\n/Tabs /S\n")
	if len(annots) > 0 && !bytes.Contains(d, []byte("/Annots")) {
		w.str("/Annots [")
		for k, a := range annots {
			if k > 0 {
				w.str(" ")
			}
			w.ref(a)
		}
		w.str("]\n")
	}
	w.b = append(w.b, d[j:]...)
}

// writeText writes a text string: literal when it is printable ASCII,
// else UTF-16BE with a byte-order mark (any Unicode, outside the BMP too).
func writeText(w *pdfOut, s string) {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		w.str("(")
		for i := 0; i < len(s); i++ {
			if c := s[i]; c == '(' || c == ')' || c == '\\' {
				w.b = append(w.b, '\\')
			}
			w.b = append(w.b, s[i])
		}
		w.str(")")
		return
	}
	w.str("<FEFF")
	var buf [2]byte
	for _, u := range utf16.Encode([]rune(s)) {
		buf[0], buf[1] = byte(u>>8), byte(u)
		w.b = appendHex(w.b, buf[:])
	}
	w.str(">")
}

// writeURI writes a URI as the 7-bit ASCII string PDF asks for: other
// bytes (an address with accented letters) are percent-encoded.
func writeURI(w *pdfOut, s string) {
	w.str("(")
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c <= 0x20 || c >= 0x7f:
			w.str("%")
			w.b = appendHex(w.b, []byte{c})
		case c == '(' || c == ')' || c == '\\':
			w.b = append(w.b, '\\', c)
		default:
			w.b = append(w.b, c)
		}
	}
	w.str(")")
}

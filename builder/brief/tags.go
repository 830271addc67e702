package brief

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/4im-project/dissem/builder/markdown"
)

// Tagged PDF (ISO 32000-1, 14.7–14.8; PDF/UA-1). The layout gives every
// text and image op the structure element it belongs to (op.el, an index+1
// into the layout's elems; 0: decoration). While the pen draws, the tagger
// wraps the ops in marked-content sequences — "/P <</MCID 4>> BDC … EMC"
// for content, "/Artifact BMC … EMC" for the rest — and remembers which
// element owns each MCID on each page. Links are made here: consecutive
// ops of one element that link to the same place are one /Link element,
// with the link annotations it owns. The structure tree itself is written
// by the post-pass (tagtree.go, tagpdf.go).

// owner codes of a marked-content sequence: an element index (≥ 0), a
// link (≤ linkBase), or one of these.
const (
	ownArtifact int32 = -1
	ownNone     int32 = -2 // no sequence is open
	linkBase    int32 = -3 // link j is linkBase - j
)

// artifact kinds the pen may ask for around ops that are not content.
const (
	artPlain  = ""
	artHeader = "<</Type /Pagination /Subtype /Header>>"
	artFooter = "<</Type /Pagination /Subtype /Footer>>"
)

// kid is one piece of an element's content: an MCID on a page, or a link.
type kid struct {
	page, mcid int32 // page is 0-based
	link       int32 // ≥ 0: the kid is links[link]; then mcid is unused
	// where its first op is drawn (the baseline, from the top, and x):
	// an element's pieces are read in this order (sortKids)
	y, x float64
}

// linkEl is a /Link element made from ops that link to one place.
type linkEl struct {
	parent int32 // the element whose text it is in
	target string
	kids   []kid   // its MCIDs
	annots []int32 // its annotations
	text   strings.Builder
}

// annot is a link annotation to write.
type annot struct {
	page   int32
	rect   [4]float64 // llx lly urx ury, in PDF space
	uri    string     // external link
	dest   pos        // internal link (when uri is "")
	link   int32
	parent int32 // /StructParent key, set when writing
}

// tagger is the tagging state of one PDF being drawn; it is not shared.
type tagger struct {
	f        *fpdf.Fpdf
	els      []elem
	kids     [][]kid
	links    []*linkEl
	lastLink []int32   // per element: the link its last content op was in, or -1
	mc       [][]int32 // per page: MCID → owner
	annots   []annot
	cur      int32                // owner of the open sequence
	curArt   string               // its artifact kind, when an artifact
	page     int32                // 0-based page of the open sequence
	art      string               // the artifact kind the pen asks for the next ops (artHeader…)
	prev     []lastText           // per element: its text op drawn last
	levels   []int                // heading levels as written (headingLevels)
	bbox     map[int32][4]float64 // a figure's box on its page, in PDF space
	atY, atX float64              // where the op being begun is drawn (its baseline)
	spaced   bool                 // the text op being begun is drawn with a space in front
}

// newTagger prepares the tagging of a PDF that f draws, whose ops name
// the elements els (the layout's, in reading order).
func newTagger(f *fpdf.Fpdf, els []elem) *tagger {
	t := &tagger{f: f, els: els, kids: make([][]kid, len(els)), lastLink: make([]int32, len(els)), prev: make([]lastText, len(els)), cur: ownNone}
	for i := range t.lastLink {
		t.lastLink[i] = -1
	}
	t.levels = t.headingLevels()
	return t
}

// linkTarget is where a text op links to, "" when it does not. anchors are
// the internal targets that exist: a reference to a missing one is text.
func linkTarget(o *op, anchors map[string]pos) string {
	if o.kind != opText {
		return ""
	}
	if o.st.link != "" {
		return o.st.link
	}
	if _, ok := anchors[o.st.anchor]; ok && o.st.anchor != "" {
		return "#" + o.st.anchor
	}
	return ""
}

// element is the structure element op o is content of, or -1 when it is
// an artifact: decoration, the running head, a repeated table header (the
// pen clears its el), a picture without a description.
func (t *tagger) element(o *op) int32 {
	el := o.el - 1
	if el < 0 || int(el) >= len(t.els) || t.art != artPlain || o.hyph ||
		!(o.kind == opText || o.kind == opImage || o.kind == opEmblem || o.kind == opLogo) {
		return -1
	}
	if t.decorative(el) {
		return -1
	}
	return el
}

// begin opens (or continues) the marked-content sequence op o is drawn
// in; top is the top of its row on the page. Text ops go through text.
func (t *tagger) begin(o *op, top float64, anchors map[string]pos) {
	if o.kind != opText {
		t.atY, t.atX = top+o.y, o.x
	}
	el := t.element(o)
	owner := ownArtifact
	switch {
	case el < 0:
	case t.els[el].kind == elFigure && o.kind != opText:
		owner = el
		if t.bbox == nil {
			t.bbox = map[int32][4]float64{}
		}
		y := top + o.y
		t.bbox[el] = [4]float64{o.x, pageH - y - o.h, o.x + o.w, pageH - y}
	default:
		owner = el
		if target := linkTarget(o, anchors); target != "" {
			owner = t.link(el, target, o)
		} else {
			t.lastLink[el] = -1
		}
	}
	t.open(owner)
}

// open makes owner's sequence the open one: the open sequence goes on, or
// it is closed and a new one begun.
func (t *tagger) open(owner int32) {
	page := int32(t.f.PageNo() - 1)
	for int(page) >= len(t.mc) {
		t.mc = append(t.mc, nil)
	}
	if owner == t.cur && page == t.page && (owner != ownArtifact || t.art == t.curArt) {
		return
	}
	t.end()
	t.cur, t.page, t.curArt = owner, page, t.art
	if owner == ownArtifact {
		if t.art == artPlain {
			t.f.RawWriteStr("/Artifact BMC")
		} else {
			t.f.RawWriteStr("/Artifact " + t.art + " BDC")
		}
		return
	}
	mcid := int32(len(t.mc[page]))
	t.mc[page] = append(t.mc[page], owner)
	role := "Link"
	if owner >= 0 {
		role = t.role(owner)
		t.kids[owner] = append(t.kids[owner], kid{page: page, mcid: mcid, link: -1, y: t.atY, x: t.atX})
	} else {
		l := t.links[linkBase-owner]
		l.kids = append(l.kids, kid{page: page, mcid: mcid, link: -1})
	}
	t.f.RawWriteStr("/" + role + " <</MCID " + strconv.Itoa(int(mcid)) + ">> BDC")
}

// text draws text op o (its text and x as the pen computed them, y its
// baseline) in its sequence, with a space in front when it goes on with
// the text of its element after a gap. The layout places each word on
// its own, so the gaps are where the spaces were; a reader of the
// structure (a screen reader, a copy, pdfinfo -struct-text) must find
// them in the text. The space glyph is drawn just before the word, where
// it shows nothing; before a link it is drawn as the element's own text,
// not the link's.
func (t *tagger) text(o *op, top float64, text string, x, y, spaceW float64, anchors map[string]pos) {
	el := t.element(o)
	t.atY, t.atX = y-o.st.rise, x
	space, after := false, false
	if el >= 0 && text != "" {
		// Other elements' text may come between (a list item's number is
		// drawn after the first line of its text): what counts is the
		// element's own last text.
		prev := t.prev[el]
		last, _ := utf8.DecodeLastRuneInString(text)
		first, _ := utf8.DecodeRuneInString(text)
		page := int32(t.f.PageNo() - 1)
		base := y - o.st.rise // a note's reference is on its line
		next := lastText{set: true, page: page, start: x, end: x + o.w, y: base,
			noSpace: unicode.IsSpace(last) || o.joins}
		sameLine := prev.set && page == prev.page && base == prev.y
		if sameLine {
			next.start = min(x, prev.start)
		}
		switch {
		case sameLine && x+o.w <= prev.start:
			// Drawn left of the line's text after it (a note's number):
			// read first (sortKids), so the space goes after it.
			after = !unicode.IsSpace(last)
			next.end, next.noSpace = prev.end, prev.noSpace
		case !prev.set || unicode.IsSpace(first):
		case sameLine && x-prev.end < spaceW/3: // another style inside a word
		case !sameLine && prev.noSpace: // a line ending inside a word (setLine)
		default:
			space = true
		}
		t.prev[el] = next
	}
	if target := linkTarget(o, anchors); space && target != "" &&
		(t.lastLink[el] < 0 || t.links[t.lastLink[el]].target != target) {
		// The space before a link is its element's text; inside a link
		// (the next word of it) it is the link's.
		t.lastLink[el] = -1
		t.open(el)
		t.f.Text(x-spaceW, y, " ")
		space = false
	}
	t.spaced = space
	t.begin(o, top, anchors)
	t.spaced = false
	if space {
		text, x = " "+text, x-spaceW
	}
	if after {
		text += " "
	}
	t.f.Text(x, y, text)
}

// link returns the owner code of the link o continues or starts in el.
func (t *tagger) link(el int32, target string, o *op) int32 {
	j := t.lastLink[el]
	if j < 0 || t.links[j].target != target {
		j = int32(len(t.links))
		t.links = append(t.links, &linkEl{parent: el, target: target})
		t.kids[el] = append(t.kids[el], kid{link: j, page: int32(t.f.PageNo() - 1), y: t.atY, x: t.atX})
		t.lastLink[el] = j
	}
	l := t.links[j]
	if txt := strings.TrimSpace(o.text); txt != "" && o.pageOf == "" {
		if l.text.Len() > 0 && t.spaced {
			l.text.WriteByte(' ') // as in the element's text (tagger.text)
		}
		l.text.WriteString(txt)
	}
	return linkBase - j
}

// lastText is where the last text op ended, and in which element.
type lastText struct {
	set        bool
	page       int32
	start, end float64 // the leftmost x of the element's text on the line, and where the last op ended
	y          float64
	noSpace    bool // it ended with a space or a hyphen: no space is needed after it
}

// sortKids puts each element's pieces in reading order: by page, line
// and then from the left. It is the order they are drawn in, except where
// the layout draws a label after the text it heads (a note's number
// after the note's first line).
func (t *tagger) sortKids() {
	for _, ks := range t.kids {
		if len(ks) < 2 {
			continue
		}
		slices.SortStableFunc(ks, func(a, b kid) int {
			switch {
			case a.page != b.page:
				return int(a.page - b.page)
			case math.Abs(a.y-b.y) > 0.5:
				return cmp.Compare(a.y, b.y)
			}
			return cmp.Compare(a.x, b.x)
		})
	}
}

// end closes the open marked-content sequence.
func (t *tagger) end() {
	if t.cur != ownNone {
		t.f.RawWriteStr("EMC")
		t.cur = ownNone
	}
}

// annot records the link annotation of the text op just begun: rect is in
// the layout's space (from the top left, y the top).
func (t *tagger) annot(o *op, x, top, w, h float64, anchors map[string]pos) {
	if linkTarget(o, anchors) == "" || t.cur > linkBase {
		// Not a link, or a link in an artifact (a repeated table header):
		// PDF/UA allows no annotation outside the structure, and the
		// header's first drawing has the link.
		return
	}
	a := annot{page: int32(t.f.PageNo() - 1), rect: [4]float64{x, pageH - top - h, x + w, pageH - top}, link: -1}
	if o.st.link != "" {
		a.uri = o.st.link
	} else {
		a.dest = anchors[o.st.anchor]
	}
	a.link = linkBase - t.cur
	l := t.links[a.link]
	if n := len(l.annots); n > 0 {
		// The next word of a link on the same line: one annotation.
		if p := &t.annots[l.annots[n-1]]; p.page == a.page && p.rect[1] == a.rect[1] && p.rect[3] == a.rect[3] && a.rect[0] >= p.rect[2] {
			p.rect[2] = a.rect[2]
			return
		}
	}
	l.annots = append(l.annots, int32(len(t.annots)))
	t.annots = append(t.annots, a)
}

// decorative reports whether element i is a picture without a
// description, or with the "-" that marks a decorative picture
// (markdown.Decorative): its drawing is an artifact, as alt="" is in HTML,
// since PDF/UA allows no Figure without /Alt.
func (t *tagger) decorative(i int32) bool {
	e := &t.els[i]
	alt := strings.TrimSpace(e.alt)
	return e.kind == elFigure && (alt == "" || alt == markdown.Decorative)
}

// role is the structure type of element i as written in the tree and in
// the content stream.
func (t *tagger) role(i int32) string {
	e := &t.els[i]
	switch e.kind {
	case elDocument:
		return "Document"
	case elTitle, elH:
		return "H" + strconv.Itoa(t.levels[i])
	case elP:
		return "P"
	case elL:
		return "L"
	case elLI:
		return "LI"
	case elLbl:
		return "Lbl"
	case elLBody:
		return "LBody"
	case elTable:
		return "Table"
	case elTR:
		return "TR"
	case elTH:
		return "TH"
	case elTD:
		return "TD"
	case elFigure:
		if t.decorative(i) {
			return "Div" // holds only a caption, if anything
		}
		return "Figure"
	case elCaption:
		return "Caption"
	case elBlockQuote:
		return "BlockQuote"
	case elCode:
		return "Code"
	case elNote:
		return "Note"
	case elTOC:
		return "TOC"
	case elTOCI:
		return "TOCI"
	}
	return "Sect" // elSect, elBox (Aside is PDF 2.0), and any kind added later
}

package brief

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// pos is where an anchor landed.
type pos struct {
	page int
	y    float64
}

// pen draws ops with fpdf, setting fonts and colours only when they change.
type pen struct {
	f        *fpdf.Fpdf
	e        *Engine
	font     fontID
	size     float64
	text     rgb
	anchors  map[string]pos
	images   map[string]bool
	lastMark int
	elems    []elem
	// repeat is set while a repeated table header is drawn: its ops are
	// artifacts this time.
	repeat bool
	t      *tagger // marked content, links and the structure tree (tags.go)
}

// draw renders pages with fpdf: running header (from page 2), footer page
// numbers, the first page's foot, bookmarks and links. elems are the
// structure elements the ops' el fields name (tag*.go reads them).
func (e *Engine) draw(m *Meta, header string, pages [][]placed, foot []*row, elems []elem) (Result, error) {
	m, header = withoutSoftHyphens(m), noSoft(header)
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	f.SetCatalogSort(true)
	f.SetCreationDate(m.Date)
	f.SetModificationDate(m.Date)
	f.SetCompression(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	// fpdf writes metadata and bookmarks as UTF-16 of the BMP only.
	pr := e.met[serif].printable
	f.SetTitle(pr(m.Title), true)
	f.SetAuthor(pr(authorList(m.Authors)), true)
	f.SetSubject(pr(m.Summary), true)
	f.SetKeywords(pr(strings.Join(m.Keywords, ", ")), true)
	f.SetCreator("dissem", true)
	f.SetProducer("dissem "+layoutVers, true)
	if m.Lang != "" {
		f.SetLang(m.Lang)
	}
	p := &pen{f: f, e: e, font: numFonts, anchors: map[string]pos{}, images: map[string]bool{}, lastMark: -1, elems: elems}
	p.t = newTagger(f, elems)
	// Only the faces in use are added: fpdf parses each one it is given.
	used := [numFonts]bool{serif: true, serifItalic: true}
	for i, pg := range pages {
		for _, pl := range pg {
			for _, mk := range pl.r.marks {
				if _, dup := p.anchors[mk.anchor]; !dup {
					p.anchors[mk.anchor] = pos{i + 1, pl.y}
				}
			}
			for _, o := range pl.r.ops {
				used[o.st.font] = true
			}
		}
	}
	for _, r := range foot {
		for _, o := range r.ops {
			used[o.st.font] = true
		}
	}
	for id, u := range used {
		if u {
			f.AddUTF8FontFromBytes(faces[id].family, faces[id].style, faces[id].ttf)
		}
	}
	muted := style{font: serifItalic, size: 8, color: colMuted}
	header = e.met[muted.font].fit(e.met[muted.font].printable(header), muted.size, contentW)
	for i, pg := range pages {
		f.AddPage()
		// The running head and the page number are artifacts (el 0);
		// the cover has neither.
		if i > 0 {
			p.t.art = artHeader
			p.op(op{kind: opText, x: marginL, text: header, st: muted}, headerY)
			p.op(op{kind: opLine, x: marginL, y: 0, w: contentW, st: style{color: colRule}}, headerY+6)
			p.t.art = artFooter
			num := strconv.Itoa(i+1) + " / " + strconv.Itoa(len(pages))
			w := e.met[muted.font].width(num, muted.size)
			p.op(op{kind: opText, x: (pageW - w) / 2, text: num, st: muted}, footerY)
			p.t.art = artPlain
		}
		if i == 0 && len(foot) > 0 {
			y := pageH - marginBot - footHeight(foot) + 12
			p.op(op{kind: opLine, x: marginL, w: contentW, st: style{color: colRule}}, y-6)
			for _, r := range foot {
				y += r.before
				p.row(r, y, 0)
				y += r.h
			}
		}
		for _, pl := range pg {
			p.repeat = pl.repeat
			p.row(pl.r, pl.y, pl.gap)
		}
		p.repeat = false
		p.t.end() // a marked-content sequence ends on its page
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return Result{}, fmt.Errorf("brief: %w", err)
	}
	out, err := p.t.finish(buf.Bytes(), xmpOf(m))
	return Result{PDF: out, Pages: len(pages)}, err
}

// row draws a row whose top is at y, gap below the row above it, and
// records its bookmarks.
func (p *pen) row(r *row, y, gap float64) {
	for _, mk := range r.marks {
		if mk.level < 0 || mk.title == "" {
			continue
		}
		// Outline levels may only deepen one step at a time.
		lvl := min(mk.level, p.lastMark+1)
		p.lastMark = lvl
		p.setFont(serif, 8) // fpdf encodes bookmark titles as UTF-16 only with a UTF-8 font set
		p.f.Bookmark(p.e.met[serif].printable(noSoft(mk.title)), lvl, y)
	}
	for _, o := range r.ops {
		if o.join {
			o.y -= gap
			o.h += gap
		}
		if p.repeat {
			o.el = 0
		}
		p.op(o, y)
	}
}

func (p *pen) setFont(id fontID, size float64) {
	if id != p.font || size != p.size {
		p.f.SetFont(faces[id].family, faces[id].style, size)
		p.font, p.size = id, size
	}
}

func (p *pen) op(o op, top float64) {
	f := p.f
	y := top + o.y
	c := o.st.color
	if o.kind != opText {
		p.t.begin(&o, top, p.anchors) // marked content (tags.go); text: p.t.text
	}
	switch o.kind {
	case opText:
		text := o.text
		x := o.x
		if o.pageOf != "" {
			text = strconv.Itoa(p.anchors[o.pageOf].page)
			x -= p.e.met[o.st.font].width(text, o.st.size) // right-aligned at x
			o.w = p.e.met[o.st.font].width(text, o.st.size)
		}
		// The last guard: fpdf panics on characters outside the BMP.
		text = p.e.met[o.st.font].printable(text)
		p.setFont(o.st.font, o.st.size)
		if c != p.text {
			f.SetTextColor(int(c.r), int(c.g), int(c.b))
			p.text = c
		}
		p.t.text(&o, top, text, x, y, p.e.met[o.st.font].width(" ", o.st.size), p.anchors) // f.Text, tagged
		p.t.annot(&o, x, y-o.st.size*0.85, o.w, o.st.size*1.1, p.anchors)
	case opRect:
		f.SetFillColor(int(c.r), int(c.g), int(c.b))
		f.Rect(o.x, y, o.w, o.h, "F")
	case opBox:
		f.SetDrawColor(int(c.r), int(c.g), int(c.b))
		f.SetLineWidth(0.6)
		f.Rect(o.x, y, o.w, o.h, "D")
	case opLine:
		f.SetDrawColor(int(c.r), int(c.g), int(c.b))
		f.SetLineWidth(0.5)
		f.Line(o.x, y, o.x+o.w, y+o.h)
	case opImage:
		p.image(o, y)
	case opEmblem:
		p.emblem(o.x, y, o.h)
	case opLogo:
		p.logo(o.x, y, o.w)
	}
}

func (p *pen) image(o op, y float64) {
	f, img := p.f, o.img
	if img.svg != nil {
		f.SetDrawColor(40, 40, 40)
		f.SetLineWidth(1)
		f.SetXY(o.x, y)
		f.SVGBasicWrite(img.svg, o.w/img.svg.Wd)
		return
	}
	opts := fpdf.ImageOptions{ImageType: img.typ}
	if !p.images[img.name] {
		f.RegisterImageOptionsReader(img.name, opts, bytes.NewReader(img.data))
		p.images[img.name] = true
	}
	if img.orient > 1 {
		p.turned(img, o, y, opts)
		return
	}
	if h := img.h * o.w / img.w; o.crop && h > o.h+0.5 {
		// Fill the box, cutting the picture's top and bottom equally.
		f.ClipRect(o.x, y, o.w, o.h, false)
		f.ImageOptions(img.name, o.x, y-(h-o.h)/2, o.w, h, false, opts, 0, "")
		f.ClipEnd()
		return
	}
	f.ImageOptions(img.name, o.x, y, o.w, o.h, false, opts, 0, "")
}

// turned draws a JPEG stored sideways or mirrored upright in the box
// o.x, y, o.w × o.h, as its Exif orientation says (viewers of PDFs do not
// read the tag): 3 is turned half round, 6 a quarter clockwise, 8 a
// quarter counter-clockwise, and 2, 4, 5, 7 are those mirrored. A
// cropped banner is drawn whole in its box instead.
func (p *pen) turned(img *picture, o op, y float64, opts fpdf.ImageOptions) {
	f := p.f
	cx, cy := o.x+o.w/2, y+o.h/2
	f.TransformBegin()
	switch img.orient {
	case 2, 5, 7:
		f.TransformMirrorHorizontal(cx)
	case 4:
		f.TransformMirrorVertical(cy)
	}
	w, h := o.w, o.h
	switch img.orient {
	case 3:
		f.TransformRotate(180, cx, cy)
	case 5, 6:
		f.TransformRotate(-90, cx, cy) // clockwise
		w, h = h, w
	case 7, 8:
		f.TransformRotate(90, cx, cy)
		w, h = h, w
	}
	f.ImageOptions(img.name, cx-w/2, cy-h/2, w, h, false, opts, 0, "")
	f.TransformEnd()
}

// noSoft removes soft hyphens (U+00AD): the body breaks words at them
// (itemizer.softHyphens), but in a running head, a bookmark or the
// metadata, where no line breaks, the face would draw them as hyphens
// and readers would show them.
func noSoft(s string) string {
	if !strings.Contains(s, "\u00ad") {
		return s
	}
	return strings.ReplaceAll(s, "\u00ad", "")
}

// withoutSoftHyphens returns m, or a copy of it without soft hyphens in
// the texts the metadata and the running head show.
func withoutSoftHyphens(m *Meta) *Meta {
	c := *m
	c.Title, c.Summary = noSoft(m.Title), noSoft(m.Summary)
	list := func(ss []string) []string {
		var out []string // a copy, made when needed: m is the caller's
		for i, s := range ss {
			if t := noSoft(s); t != s {
				if out == nil {
					out = append([]string(nil), ss...)
				}
				out[i] = t
			}
		}
		if out == nil {
			return ss
		}
		return out
	}
	c.Authors, c.Keywords = list(m.Authors), list(m.Keywords)
	return &c
}

package brief

import (
	east "github.com/yuin/goldmark/extension/ast"
)

// Video is a document's self-hosted video as its brief shows it: the
// poster as a figure with the caption, the page's address where it can be
// watched, and the transcript. Strings are typeset for the language.
type Video struct {
	// Poster is the still's destination (Document.ReadFile reads it); "":
	// none, or one the brief cannot print (the caption stands alone).
	Poster string
	// Still describes the poster ("Still from the video"), for the
	// figure's alternative text.
	Still      string
	Caption    string
	Transcript []string // paragraphs
	// URL is the page's absolute address, where the video plays.
	URL string
	// Heading ("Video"), TranscriptHeading ("Transcript") and Watch ("Watch
	// the video on the web:") are the language's words.
	Heading, TranscriptHeading, Watch string
}

// Gallery is a document's photo gallery as its brief shows it.
type Gallery struct {
	Heading string // "Photos"
	Photos  []Photo
}

// Photo is one gallery picture: Src is its destination (Document.ReadFile
// reads it), Alt its description, Caption and Credit are printed under it.
type Photo struct{ Src, Alt, Caption, Credit string }

// videoSection sets the video after the body: a heading of the body's top
// level, the poster (or the caption alone), the page's address and the
// transcript under a heading a level down. In print a video cannot play,
// so it follows the text it accompanies rather than opening the brief.
func (l *layout) videoSection(v *Video, c ctx) {
	defer l.enter(elSect)()
	l.sectionHeading(v.Heading, 0, "video", c)
	fill := func(z *itemizer) { z.text(v.Caption, z.style(inlineState{}), false) }
	alt := v.Still
	if v.Caption != "" {
		alt += ": " + v.Caption
	}
	p, err := l.loadPicture(v.Poster)
	if v.Poster != "" && err == nil && p.w > 0 && p.h > 0 {
		l.figure(p, alt, "video poster "+v.Poster, fill, c)
	} else if v.Caption != "" {
		o := c.o
		o.italic = true
		leave := l.enter(elP)
		z := itemizer{l: l, o: o}
		fill(&z)
		l.emit(l.setText(z.items, o, c.left, c.width), c, c.skip())
		leave()
	}
	if v.URL != "" {
		o := c.o
		o.justify = false
		leave := l.enter(elP)
		z := itemizer{l: l, o: o}
		z.text(v.Watch, z.style(inlineState{}), false)
		// The address on a line of its own, so that a line break does not
		// fall on one of its hyphens (a reader would take it for a
		// hyphenation) unless the address is longer than a line.
		z.forceBreak()
		z.text(v.URL, z.style(inlineState{link: v.URL}), true)
		l.emit(l.setText(z.items, o, c.left, c.width), c, c.skip())
		leave()
	}
	if len(v.Transcript) == 0 {
		return
	}
	l.sectionHeading(v.TranscriptHeading, 1, "transcript", c)
	for _, para := range v.Transcript {
		leave := l.enter(elP)
		z := itemizer{l: l, o: c.o}
		z.text(para, z.style(inlineState{}), false)
		l.emit(l.setText(z.items, c.o, c.left, c.width), c, c.skip())
		leave()
	}
}

// sectionHeading sets a heading the brief adds to the body (rel 0: the
// body's top level) with a bookmark, kept with what follows.
func (l *layout) sectionHeading(text string, rel int, anchor string, c ctx) {
	o := c.o
	o.fam, o.bold, o.italic, o.justify = famSans, true, false, false
	o.size, o.color = headingSizes[rel], colHeading
	el := l.add(elH)
	l.setLevel(el, l.level+rel+1)
	prev := l.cur
	l.cur = el
	z := itemizer{l: l, o: o}
	z.text(text, z.style(inlineState{}), false)
	rows := l.setText(z.items, o, c.left, c.width)
	l.cur = prev
	for _, r := range rows {
		r.keep = true
	}
	if len(rows) > 0 {
		rows[0].marks = append(rows[0].marks, mark{anchor: l.prefix + anchor, title: text, level: l.level + rel})
	}
	l.emit(rows, c, 16-2*float64(rel))
}

// captionOpts is how a figure's caption is set: small, italic, centred.
func captionOpts(c ctx) textOpts {
	o := c.o
	o.italic, o.size, o.color, o.justify, o.align = true, 9, colMuted, false, east.AlignCenter
	return o
}

// photoCaption fills a photo's caption: its words, then the credit in
// upright type on a line of its own.
func photoCaption(ph Photo) func(z *itemizer) {
	return func(z *itemizer) {
		if ph.Caption != "" {
			z.text(ph.Caption, z.style(inlineState{}), false)
		}
		if ph.Credit != "" {
			if ph.Caption != "" {
				z.forceBreak() // the credit on a line of its own
			}
			st := z.style(inlineState{})
			st.font = pick(z.o.fam, false, false)
			z.text(ph.Credit, st, false)
		}
	}
}

// gridGap is the space between a gallery's two columns.
const gridGap = 14.0

// gallerySection sets the photos after the body: one photo as a figure
// of the text's width, more in two columns of the wide frame, each photo
// with its caption and credit under it. Four photos at the text's width
// take close to two pages; the grid takes half of one, and every photo is
// still some 8 cm wide.
func (l *layout) gallerySection(g *Gallery, c ctx) {
	type cell struct {
		p  *picture
		ph Photo
	}
	var cells []cell
	for _, ph := range g.Photos {
		if p, err := l.loadPicture(ph.Src); err == nil && p.w > 0 && p.h > 0 {
			cells = append(cells, cell{p, ph})
		}
	}
	if len(cells) == 0 {
		return
	}
	defer l.enter(elSect)()
	l.sectionHeading(g.Heading, 0, "gallery", c)
	if len(cells) == 1 {
		l.figure(cells[0].p, cells[0].ph.Alt, "image "+cells[0].ph.Src, photoCaption(cells[0].ph), c)
		return
	}
	w := wide(c)
	cw := (w.width - gridGap) / 2
	for i := 0; i < len(cells); i += 2 {
		pair := cells[i:min(i+2, len(cells))]
		var imgs []op
		var caps [][]*row
		h := 0.0
		for j, cl := range pair {
			x := w.left + float64(j)*(cw+gridGap)
			if len(pair) == 1 {
				x = w.left + (w.width-cw)/2 // an odd last photo: centred
			}
			// Each photo fits a cell as wide as the column and as high
			// as 3:4 of it, so that portrait photos stay small.
			pw, ph := fit(cl.p.w, cl.p.h, cw, cw*0.75)
			leave := l.enter(elFigure)
			l.setAlt(l.cur, cl.ph.Alt)
			imgs = append(imgs, op{kind: opImage, x: x + (cw-pw)/2, w: pw, h: ph, img: cl.p, el: l.cur})
			caps = append(caps, l.caption(photoCaption(cl.ph), x, cw, w))
			leave()
			h = max(h, ph)
		}
		// Photos of a row stand on one line, their captions under it.
		for k := range imgs {
			imgs[k].y = h - imgs[k].h
		}
		r := &row{h: h, ops: imgs, desc: "gallery " + pair[0].ph.Src}
		rows := append([]*row{r}, sideBySide(caps)...)
		for _, cr := range rows[:len(rows)-1] {
			cr.keep = true
		}
		if len(rows) > 1 {
			rows[1].before = 3
		}
		l.emit(rows, w, w.skip()+4)
	}
}

// fit scales a w×h picture down to fit maxW×maxH (never up).
func fit(w, h, maxW, maxH float64) (float64, float64) {
	if w > maxW {
		w, h = maxW, h*maxW/w
	}
	if h > maxH {
		w, h = w*maxH/h, maxH
	}
	return w, h
}

// caption sets a figure's caption (inside the open figure) at left, width.
func (l *layout) caption(fill func(z *itemizer), left, width float64, c ctx) []*row {
	o := captionOpts(c)
	z := itemizer{l: l, o: o}
	fill(&z)
	if len(z.items) == 0 {
		return nil
	}
	defer l.enter(elCaption)()
	return l.setText(z.items, o, left, width)
}

// sideBySide merges columns of rows line by line into rows that hold
// them all, as tall as the tallest.
func sideBySide(cols [][]*row) []*row {
	var out []*row
	for i := 0; ; i++ {
		var r *row
		for _, col := range cols {
			if i >= len(col) {
				continue
			}
			if r == nil {
				r = &row{h: col[i].h, base: col[i].base, desc: col[i].desc}
			}
			r.h, r.base = max(r.h, col[i].h), max(r.base, col[i].base)
			r.ops = append(r.ops, col[i].ops...)
		}
		if r == nil {
			return out
		}
		out = append(out, r)
	}
}

// figure sets a picture as a figure centred in c, scaled to fit its width
// and 60% of the page's height, with the caption fill makes under it, on
// the same page.
func (l *layout) figure(p *picture, alt, desc string, fill func(z *itemizer), c ctx) {
	w, h := p.w, p.h
	if p.typ == "SVG" && w < c.width*0.6 {
		w, h = c.width*0.6, h*c.width*0.6/w // vector: draw it at a readable size
	}
	w, h = fit(w, h, c.width, (pageH-marginTop-marginBot)*0.6)
	defer l.enter(elFigure)()
	l.setAlt(l.cur, alt)
	r := &row{h: h, desc: desc}
	r.ops = []op{{kind: opImage, x: c.left + (c.width-w)/2, y: 0, w: w, h: h, img: p, el: l.cur}}
	rows := []*row{r}
	if caption := l.caption(fill, c.left, c.width, c); len(caption) > 0 {
		// A figure and its caption are one unit: the whole caption
		// goes with the picture to the next page if need be.
		r.keep = true
		for _, cr := range caption[:len(caption)-1] {
			cr.keep = true
		}
		caption[0].before = 3
		rows = append(rows, caption...)
	}
	l.emit(rows, c, c.skip()+4)
}

// media sets the document's video and gallery, in the page's order.
func (l *layout) media(c ctx) {
	if v := l.doc.Video; v != nil {
		l.videoSection(v, c)
	}
	if g := l.doc.Gallery; g != nil && len(g.Photos) > 0 {
		l.gallerySection(g, c)
	}
}

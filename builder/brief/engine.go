package brief

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/hyphen"
	east "github.com/yuin/goldmark/extension/ast"
)

// Engine holds the font metrics and hyphenation patterns, prepared once per
// build. It is safe for concurrent use: briefs share it read-only.
type Engine struct {
	met   [numFonts]*metrics
	words sync.Map // lang + "\x00" + word → []hyphen.Break
}

// engineLangs are the languages whose patterns NewEngine loads up front.
var engineLangs = []string{"hu", "sk", "en"}

// NewEngine parses the fonts and the hyphenation patterns.
func NewEngine() (*Engine, error) {
	e := &Engine{}
	for id := range numFonts {
		m, err := parseMetrics(faces[id].ttf)
		if err != nil {
			return nil, fmt.Errorf("%w (%s %s)", err, faces[id].family, faces[id].style)
		}
		e.met[id] = m
	}
	for _, lang := range engineLangs {
		if _, err := hyphen.For(lang); err != nil {
			return nil, err
		}
	}
	return e, nil
}

// layout is the state of laying out one document; it is not shared.
type layout struct {
	e      *Engine
	doc    *Document
	src    []byte
	hy     *hyphen.Hyphenator // nil: the language has no patterns
	lang   string
	prefix string // namespace of the document's anchors inside a bundle
	level  int    // bookmark level of the body's top headings
	minH   int    // the body's top heading level
	rows   []*row
	pics   map[string]*picture
	// noBreak reports whether the space after a text must not break
	// (Document.NoBreak); nil: any space may.
	noBreak  func(string) bool
	elemLang string            // set on a bundled document's elements
	self     string            // path of the document's own web page
	local    map[string]string // page path → anchor prefix of a document in the same PDF
	elems    []elem            // structure elements, in reading order
	cur      int32             // the open element, index+1 into elems; 0: none
}

// enter opens a structure element as a child of the open one; the text
// and image ops made until the returned function runs belong to it. Every
// block goes through here, so tagging sees each heading, paragraph, list
// item, cell, figure and box.
func (l *layout) enter(k elemKind) (leave func()) {
	id := l.add(k)
	prev := l.cur
	l.cur = id
	return func() { l.cur = prev }
}

// add appends a structure element under the open one without opening it
// (a list item's label, drawn after its body is laid out) and returns its
// op.el value.
func (l *layout) add(k elemKind) int32 {
	l.elems = append(l.elems, elem{kind: k, parent: l.cur - 1, lang: l.elemLang})
	return int32(len(l.elems))
}

// setAlt and setLevel fill in the element an op.el value names.
func (l *layout) setAlt(el int32, alt string) { l.elems[el-1].alt = alt }
func (l *layout) setLevel(el int32, lv int)   { l.elems[el-1].level = lv }

func (e *Engine) newLayout(d *Document, prefix string, level int, local map[string]string) *layout {
	l := &layout{e: e, doc: d, prefix: prefix, level: level, local: local, minH: 6, lang: d.Lang}
	if d.Body != nil {
		l.src = d.Body.Source
		for _, h := range d.Body.Headings {
			l.minH = min(l.minH, h.Level)
		}
	}
	l.hy, _ = hyphen.For(d.Lang)
	l.noBreak = d.NoBreak
	if u, err := url.Parse(d.URL); err == nil {
		l.self = u.Path
	}
	return l
}

// width measures s in the style's face.
func (l *layout) width(s string, st *style) float64 { return l.e.met[st.font].width(s, st.size) }

// cover replaces the characters the face has no glyph for (see glyphs.go).
func (l *layout) cover(s string, f fontID) string { return l.e.met[f].printable(s) }

// maxCachedWord is the longest word (in bytes) the hyphenation cache keeps;
// the cache lives as long as the process (serve), so it must not grow with
// a document's longest run of letters.
const maxCachedWord = 64

// hyphens returns the hyphenation points of a word, remembering words across
// briefs: the same vocabulary recurs in every document of a site.
func (l *layout) hyphens(word string) []hyphen.Break {
	if len(word) > maxCachedWord {
		return l.hy.Hyphenate(word) // not a word of the vocabulary: do not keep it
	}
	key := l.lang + "\x00" + word
	if v, ok := l.e.words.Load(key); ok {
		return v.([]hyphen.Break)
	}
	b := l.hy.Hyphenate(word)
	l.e.words.Store(key, b)
	return b
}

// resolve turns a link destination into an external URL or an internal
// anchor. Links to the document itself, or to another document in the same
// PDF, stay inside the PDF; other site paths become absolute web URLs.
func (l *layout) resolve(dest string) (link, anchor string) {
	if dest == "" {
		return "", ""
	}
	p, frag, _ := strings.Cut(dest, "#")
	if p == "" || p == l.self {
		if frag == "" {
			return "", l.prefix + "top"
		}
		return "", l.prefix + "h-" + frag
	}
	if pre, ok := l.local[p]; ok {
		if frag == "" {
			return "", pre + "top"
		}
		return "", pre + "h-" + frag
	}
	if strings.HasPrefix(dest, "/") {
		return strings.TrimSuffix(l.doc.BaseURL, "/") + dest, ""
	}
	if u, err := url.Parse(dest); err == nil && u.Scheme == "" && l.doc.URL != "" {
		// A relative destination (an attachment): relative to the page.
		if base, err := url.Parse(l.doc.URL); err == nil {
			return base.ResolveReference(u).String(), ""
		}
	}
	return dest, ""
}

// body lays out the document's body.
func (l *layout) body() {
	c := bodyCtx()
	media := l.doc.Video != nil || l.doc.Gallery != nil
	if l.doc.Body != nil && l.doc.Body.Root != nil {
		for b := l.doc.Body.Root.FirstChild(); b != nil; b = b.NextSibling() {
			if _, notes := b.(*east.FootnoteList); notes && media {
				l.media(c) // the notes stay the brief's last section
				media = false
			}
			l.block(b, c)
		}
	}
	if media {
		l.media(c)
	}
}

// bodyCtx is how the body is set: justified and hyphenated in the column.
func bodyCtx() ctx {
	return ctx{left: textL, width: textW,
		o: textOpts{fam: famSerif, size: bodySize, color: colText, justify: true, hyphenate: true}}
}

// Brief renders one document as a PDF.
func (e *Engine) Brief(d *Document) (Result, error) {
	pages, foot, elems := e.briefPages(d)
	return e.draw(&d.Meta, d.Title, pages, foot, elems)
}

// briefPages lays out a brief: a cover page, the structured-content boxes
// and the body from the second page; it returns the pages, the cover's
// foot and the structure elements.
func (e *Engine) briefPages(d *Document) ([][]placed, []*row, []elem) {
	l := e.newLayout(d, "", 1, nil)
	leave := l.enter(elDocument)
	foot := l.coverPage(&d.Meta, 0)
	start := len(l.rows)
	l.boxes(d.Boxes)
	l.body()
	if start < len(l.rows) {
		l.rows[start].newPage = true
	}
	leave()
	return paginate(l.rows, footHeight(foot)), foot, l.elems
}

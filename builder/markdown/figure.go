package markdown

import (
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Figures. A picture alone in its paragraph becomes a <figure>; its title,
// when it has one, the caption, and the part after its last dash the
// credit when it names someone ("Caption — Photo: Name"):
//
//	![Residents paint the community room](room.jpg "The new room — Photo: Anna Kovács")
//
// Every picture the Pictures option knows is written with its size and
// its published widths (srcset), so that the page does not move as it
// loads and a phone fetches a phone-sized file. The first picture of a
// page is fetched first (fetchpriority="high"); the others load when the
// reader comes near them (loading="lazy"). An alt text of a lone "-"
// marks a decorative picture (a pattern, a divider): it is published with
// an empty alt, which screen readers skip.

// Pictures tells the Markdown stage about the pictures a body shows. It is
// given by a later stage (the site's media set); nil writes plain <img>s.
type Pictures interface {
	// Picture returns the facts of the picture dest written in file (the
	// document's path as messages show it). (nil, nil) means it is not a
	// picture the site publishes itself (a missing file is reported by
	// the resolve stage); an error is the editor's message.
	Picture(file, dest string) (*Picture, error)
}

// Picture is a published picture as a page shows it.
type Picture struct {
	// Src is the URL of the largest published size, Width × Height its
	// size (as displayed). Srcset lists every size ("" when one).
	Src, Srcset   string
	Width, Height int
}

// Sizes is the sizes attribute of a picture in a document's text: the
// column is at most 42rem wide (--measure), the page's padding 1rem.
const Sizes = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"

// Decorative is the alt text that marks a decorative picture.
const Decorative = "-"

// ParseOption changes how one body is parsed.
type ParseOption func(*parseOpts)

type parseOpts struct{ lead bool }

// WithLead says that the page shows a picture above the body (the front
// matter's image): it is the one fetched first, so the body's first
// picture loads lazily like the others.
func WithLead(lead bool) ParseOption { return func(o *parseOpts) { o.lead = lead } }

var (
	pictureAttr = []byte("dissem-picture")
	firstAttr   = []byte("dissem-first")
	parseKey    = parser.NewContextKey()
)

// pictures looks up the facts of every picture of a body while it is
// parsed, and reports pictures that cannot be published where they are
// written. It runs after the collector, whose positions it uses.
type pictures struct{ src Pictures }

func (p pictures) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	if p.src == nil {
		return
	}
	c, _ := pc.Get(collectedKey).(*collected)
	pi, _ := pc.Get(posKey).(*posInfo)
	o, _ := pc.Get(parseKey).(*parseOpts)
	if c == nil || pi == nil {
		return
	}
	first := o == nil || !o.lead
	for _, l := range c.links {
		n, ok := l.Node.(*ast.Image)
		if !ok || remote(l.Dest) {
			continue
		}
		pic, err := p.src.Picture(pi.file, l.Dest)
		if err != nil {
			c.problems.Errorf(l.Pos, "image %q: %v", shorten(l.Dest), err)
			continue
		}
		if pic == nil {
			continue
		}
		n.SetAttribute(pictureAttr, pic)
		if first {
			n.SetAttribute(firstAttr, true)
			first = false
		}
	}
}

// pictureOf returns the facts the pictures transformer put on n.
func pictureOf(n ast.Node) (*Picture, bool) {
	v, ok := n.Attribute(pictureAttr)
	if !ok {
		return nil, false
	}
	pic, ok := v.(*Picture)
	_, first := n.Attribute(firstAttr)
	return pic, ok && pic != nil && first
}

// soleImage returns the picture a paragraph holds and nothing else.
func soleImage(p ast.Node) *ast.Image {
	img, ok := p.FirstChild().(*ast.Image)
	if !ok || img.NextSibling() != nil {
		return nil
	}
	if _, has := img.Attribute(pictureAttr); !has {
		return nil
	}
	return img
}

// paragraph writes a paragraph that holds one known picture as a figure,
// any other as goldmark does.
func (r *nodeRenderer) paragraph(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	img := soleImage(node)
	if img == nil {
		return r.para(w, src, node, entering)
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	caption, credit := splitTitle(string(img.Title))
	_, _ = w.WriteString("<figure>\n")
	r.pictureTag(w, src, img, false)
	if caption != "" || credit != "" {
		_, _ = w.WriteString("\n<figcaption>")
		_, _ = w.WriteString(html.EscapeString(r.noBreak(caption)))
		if credit != "" {
			if caption != "" {
				_ = w.WriteByte(' ')
			}
			_, _ = w.WriteString(`<span class="credit">` + html.EscapeString(r.noBreak(credit)) + `</span>`)
		}
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("\n</figure>\n")
	return ast.WalkSkipChildren, nil
}

// pictureTag writes the <img> of a known picture; inline keeps its title
// as a tooltip (a figure shows it as the caption instead).
func (r *nodeRenderer) pictureTag(w util.BufWriter, src []byte, n *ast.Image, inline bool) {
	pic, first := pictureOf(n)
	alt := PlainText(n, src)
	if alt == Decorative {
		alt = ""
	}
	_, _ = w.WriteString(`<img src="` + html.EscapeString(pic.Src) + `"`)
	if pic.Srcset != "" {
		_, _ = w.WriteString(` srcset="` + html.EscapeString(pic.Srcset) + `" sizes="` + Sizes + `"`)
	}
	_, _ = w.WriteString(` width="` + strconv.Itoa(pic.Width) + `" height="` + strconv.Itoa(pic.Height) + `"`)
	_, _ = w.WriteString(` alt="` + html.EscapeString(alt) + `"`)
	if inline && len(n.Title) > 0 {
		_, _ = w.WriteString(` title="` + html.EscapeString(string(n.Title)) + `"`)
	}
	if first {
		_, _ = w.WriteString(` fetchpriority="high">`)
	} else {
		_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	}
}

// noBreak puts a no-break space after each word the language does not
// leave at a line's end, as the body's text gets (typeset.go).
func (r *nodeRenderer) noBreak(s string) string {
	if r.opts.NoBreak == nil || !strings.Contains(s, " ") {
		return s
	}
	var b strings.Builder
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && r.opts.NoBreak(s[:i]) {
			b.WriteString(s[start:i])
			b.WriteString("\u00a0")
			start = i + 1
		}
	}
	b.WriteString(s[start:])
	return b.String()
}

// creditDashes separate a caption from its credit.
var creditDashes = []string{" — ", " – ", " -- "}

// splitTitle cuts a picture's title into caption and credit: the credit
// is what follows the last dash, when it names its kind ("Photo: …",
// "Fotó: …", "Foto: …", "Source: …"); otherwise the whole title is the
// caption. "— Photo: Name" alone is a credit without a caption.
func splitTitle(title string) (caption, credit string) {
	// A leading space lets "— Photo: Name" alone be a credit.
	t := " " + strings.TrimSpace(title)
	at, dash := -1, ""
	for _, d := range creditDashes {
		if i := strings.LastIndex(t, d); i > at {
			at, dash = i, d
		}
	}
	if at < 0 {
		return strings.TrimSpace(t), ""
	}
	rest := strings.TrimSpace(t[at+len(dash):])
	if !strings.Contains(rest, ":") {
		return strings.TrimSpace(t), ""
	}
	return strings.TrimSpace(t[:at]), rest
}

package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/safeurl"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type collected struct {
	headings []Heading
	links    []Link
	problems diag.List
}

// collector records headings and links with positions while the document is
// parsed, so no later stage walks the tree to find them again.
type collector struct{}

func (collector) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	pi, _ := pc.Get(posKey).(*posInfo)
	src := reader.Source()
	c := &collected{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			c.headings = append(c.headings, Heading{Level: n.Level, ID: string(idb), Text: PlainText(n, src)})
		case *ast.Link:
			l := Link{Node: n, Dest: string(n.Destination), Pos: pi.pos(offsetOf(n, src))}
			c.links = append(c.links, l)
			c.refuse(l)
		case *ast.Image:
			l := Link{Node: n, Dest: string(n.Destination), Image: true,
				Alt: PlainText(n, src), Pos: pi.pos(offsetOf(n, src))}
			c.links = append(c.links, l)
			c.refuse(l)
		case *ast.AutoLink:
			// Not a Link: nothing resolves it, but it is checked the same.
			c.refuse(Link{Dest: autoLinkURL(n, src), Pos: pi.pos(autoLinkOffset(n, src))})
		}
		return ast.WalkContinue, nil
	})
	pc.Set(collectedKey, c)
}

// refuse reports l when safeurl does not let its destination into the site.
// An error, not a warning: the renderers drop the destination, so a page
// would otherwise be published with a link that silently goes nowhere.
func (c *collected) refuse(l Link) {
	if l.Image && remote(l.Dest) {
		c.problems.Errorf(l.Pos, "image %q is on another site; published pages make no third-party requests (they would tell that site who reads them): save the picture beside the document and write ![what it shows](name.jpg)", shorten(l.Dest))
		return
	}
	if safeurl.Allowed(l.Dest) {
		return
	}
	if l.Image {
		c.problems.Errorf(l.Pos, "image %q is not allowed: only pictures inside the site are; put the image file beside the document and write ![what it shows](name.png)", shorten(l.Dest))
		return
	}
	c.problems.Errorf(l.Pos, "link to %q is not allowed: only %s addresses and links inside the site are", shorten(l.Dest), safeurl.Schemes)
}

// shorten keeps a message readable when the destination is a long data: URL.
func shorten(s string) string {
	const most = 60
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	return string(r[:most]) + "…"
}

// autoLinkOffset is where an autolink was written: its "<", or its first
// character when it was found in plain text (www.example.org). Its label
// is a slice of src, so the capacities tell where it starts.
func autoLinkOffset(n *ast.AutoLink, src []byte) int {
	label := n.Label(src)
	off := cap(src) - cap(label)
	if off < 0 || off > len(src) {
		return offsetOf(n, src)
	}
	if off > 0 && src[off-1] == '<' {
		off--
	}
	return off
}

// offsetOf finds the byte offset where an inline node was written: the first
// text inside it, or else the start of the block that holds it.
func offsetOf(n ast.Node, src []byte) int {
	var off = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if off >= 0 {
		// A link around an image starts one "[" before the image.
		if _, link := n.(*ast.Link); link {
			if img, ok := n.FirstChild().(*ast.Image); ok {
				return max(offsetOf(img, src)-1, 0)
			}
		}
		// The text follows "[" or "![", perhaps after emphasis or a code
		// span's marks: point at the bracket.
		if b := bytes.LastIndexByte(src[:off], '['); b >= 0 {
			off = b + 1
		}
		if _, img := n.(*ast.Image); img {
			return max(off-2, 0)
		}
		return max(off-1, 0)
	}
	// An empty link or image: it starts where the text before it ends.
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		if t.SoftLineBreak() || t.HardLineBreak() {
			if i := bytes.IndexByte(src[t.Segment.Stop:], '\n'); i >= 0 {
				return t.Segment.Stop + i + 1
			}
		}
		return t.Segment.Stop
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// PlainText returns the text of n and its descendants, with typographer
// substitutions applied and markup dropped.
func PlainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if c.Type() == ast.TypeBlock && b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if tx, ok := t.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// remote reports whether an image destination loads from another site: an
// absolute http(s) address or a protocol-relative "//host/…" one.
func remote(dest string) bool {
	d := strings.TrimSpace(dest)
	if strings.HasPrefix(d, "//") || strings.HasPrefix(d, `\\`) {
		return true
	}
	scheme, _, ok := strings.Cut(d, ":")
	return ok && (strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https"))
}

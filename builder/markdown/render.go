package markdown

import (
	"html"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/internal/safeurl"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer overrides how goldmark writes raw HTML, links, images, task
// boxes and tables.
type nodeRenderer struct {
	opts Options
	// gfmTable, link, image and para are goldmark's own renderers, which
	// ours wrap.
	gfmTable, link, image, para renderer.NodeRendererFunc
}

// funcs captures the functions a goldmark node renderer registers.
type funcs map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcs) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f[k] = fn }

func newNodeRenderer(opts Options) *nodeRenderer {
	gfm := funcs{}
	extension.NewTableHTMLRenderer().RegisterFuncs(gfm)
	// Unsafe: goldmark's own check is a deny-list; ours (safeurl) decides.
	ghtml.NewRenderer(ghtml.WithUnsafe()).RegisterFuncs(gfm)
	return &nodeRenderer{opts: opts, gfmTable: gfm[east.KindTable], link: gfm[ast.KindLink], image: gfm[ast.KindImage], para: gfm[ast.KindParagraph]}
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(east.KindTaskCheckBox, r.taskBox)
	reg.Register(east.KindTable, r.table)
	reg.Register(ast.KindLink, r.safeLink)
	reg.Register(ast.KindImage, r.safeImage)
	reg.Register(ast.KindAutoLink, r.autoLink)
	if r.opts.Pictures != nil {
		reg.Register(ast.KindParagraph, r.paragraph) // figure.go
	}
	if r.opts.Notes != "" {
		reg.Register(east.KindFootnoteList, r.footnoteList)
	}
	if r.opts.NoBreak != nil {
		reg.Register(ast.KindText, r.text)
	}
}

// safeLink writes a link whose destination safeurl refuses with an empty
// href, whatever AllowHTML says: raw HTML is that setting's purpose, a
// Markdown link to javascript: is not. (The collector has reported it.)
func (r *nodeRenderer) safeLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if entering && !safeurl.Allowed(string(n.Destination)) {
		dest := n.Destination
		n.Destination = nil
		defer func() { n.Destination = dest }()
	}
	return r.link(w, src, node, entering)
}

// safeImage is safeLink for images.
func (r *nodeRenderer) safeImage(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Image)
	if _, ok := n.Attribute(pictureAttr); ok {
		if entering {
			r.pictureTag(w, src, n, true) // figure.go
		}
		return ast.WalkSkipChildren, nil
	}
	if entering && !safeurl.Allowed(string(n.Destination)) {
		dest := n.Destination
		n.Destination = nil
		defer func() { n.Destination = dest }()
	}
	return r.image(w, src, node, entering)
}

// autoLink writes <https://…>, <info@x.eu> and bare www. addresses as
// links, and a refused one (<javascript:…>) as its text only.
func (r *nodeRenderer) autoLink(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	label := util.EscapeHTML(n.Label(src))
	url := autoLinkURL(n, src)
	if !safeurl.Allowed(url) {
		_, _ = w.Write(label)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(url), false)))
	_, _ = w.WriteString(`">`)
	_, _ = w.Write(label)
	_, _ = w.WriteString(`</a>`)
	return ast.WalkContinue, nil
}

// autoLinkURL is where an autolink goes: its URL, with mailto: before an
// e-mail address.
func autoLinkURL(n *ast.AutoLink, src []byte) string {
	url := string(n.URL(src))
	if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		return "mailto:" + url
	}
	return url
}

// table puts a table in a labelled region that keyboard users can focus and
// scroll sideways on narrow screens (WCAG 2.1.1), keeping the table a table.
func (r *nodeRenderer) table(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap" role="region" tabindex="0"`)
		if r.opts.TableLabel != "" {
			label := strings.ReplaceAll(r.opts.TableLabel, "{n}", strconv.Itoa(tableNumber(n)))
			_, _ = w.WriteString(` aria-label="` + html.EscapeString(label) + `"`)
		}
		_, _ = w.WriteString(">\n")
		return r.gfmTable(w, src, n, entering)
	}
	status, err := r.gfmTable(w, src, n, entering)
	_, _ = w.WriteString("</div>\n")
	return status, err
}

// tableNumber counts the tables of the document up to and including t.
func tableNumber(t ast.Node) int {
	root := t
	for root.Parent() != nil {
		root = root.Parent()
	}
	n := 0
	_ = ast.Walk(root, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c.Kind() == east.KindTable {
			n++
			if c == t {
				return ast.WalkStop, nil
			}
		}
		return ast.WalkContinue, nil
	})
	return n
}

// rawHTML escapes inline HTML unless the site allows it: editors see their
// tag as text instead of losing it silently.
func (r *nodeRenderer) rawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		v := seg.Value(src)
		if r.opts.AllowHTML {
			_, _ = w.Write(v)
		} else {
			_, _ = w.WriteString(html.EscapeString(string(v)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) htmlBlock(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	if !entering {
		if r.opts.AllowHTML && n.HasClosure() {
			_, _ = w.Write(n.ClosureLine.Value(src))
		}
		return ast.WalkContinue, nil
	}
	if !r.opts.AllowHTML {
		_, _ = w.WriteString("<p>")
	}
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		v := line.Value(src)
		if r.opts.AllowHTML {
			_, _ = w.Write(v)
		} else {
			_, _ = w.WriteString(html.EscapeString(string(v)))
		}
	}
	if !r.opts.AllowHTML {
		if n.HasClosure() {
			_, _ = w.WriteString(html.EscapeString(string(n.ClosureLine.Value(src))))
		}
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}

// taskBox draws a box that screen readers announce, not a disabled form control
// without a label.
func (r *nodeRenderer) taskBox(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	label, mark := r.opts.TaskOpen, "☐"
	if node.(*east.TaskCheckBox).IsChecked {
		label, mark = r.opts.TaskDone, "☑"
	}
	_, _ = w.WriteString(`<span class="task" role="img" aria-label="` + html.EscapeString(label) + `">` + mark + `</span> `)
	return ast.WalkContinue, nil
}

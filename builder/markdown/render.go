package markdown

import (
	"html"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// nodeRenderer overrides how goldmark writes raw HTML and task boxes.
type nodeRenderer struct{ opts Options }

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.rawHTML)
	reg.Register(ast.KindHTMLBlock, r.htmlBlock)
	reg.Register(east.KindTaskCheckBox, r.taskBox)
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

package brief

import (
	"strconv"
	"strings"
	"testing"
)

// A reader of poppler's "pdfinfo -struct-text" output: the structure tree
// as a second, independent program reads it (the qpdf reader in
// tagread_test.go reads the objects; poppler reads the tree with the text
// of each marked-content sequence, which is what a screen reader gets).
//
//	Document
//	  Sect
//	    P (block)
//	      "Az interneten "
//	      Link (inline)
//	        "https://…"
//	        Object 156 0
//	    TH:
//	       /Scope /Column
//	      "Ukazovateľ"

// sNode is one element, a piece of text or an annotation of the tree.
type sNode struct {
	role  string // "" for a piece of text or an annotation
	piece string // the text of one marked-content sequence
	obj   bool   // an annotation ("Object 12 0")
	attrs map[string]string
	kids  []*sNode
	depth int
}

// parseStructText reads pdfinfo -struct-text output into a tree under a
// root with no role.
func parseStructText(t *testing.T, out string) *sNode {
	t.Helper()
	root := &sNode{depth: -1}
	stack := []*sNode{root}
	for n, line := range strings.Split(out, "\n") {
		s := strings.TrimLeft(line, " ")
		if s == "" {
			continue
		}
		depth := (len(line) - len(s)) / 2
		if strings.HasPrefix(s, "/") { // an attribute of the element above
			k, v, _ := strings.Cut(s, " ")
			top := stack[len(stack)-1]
			if top.attrs == nil {
				top.attrs = map[string]string{}
			}
			top.attrs[k] = v
			continue
		}
		for len(stack) > 1 && stack[len(stack)-1].depth >= depth {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		nd := &sNode{depth: depth}
		switch {
		case strings.HasPrefix(s, `"`):
			q, err := strconv.Unquote(s)
			if err != nil {
				q = strings.TrimSuffix(strings.TrimPrefix(s, `"`), `"`)
			}
			nd.piece = q
		case strings.HasPrefix(s, "Object "):
			nd.obj = true
		default:
			role, _, _ := strings.Cut(strings.TrimSuffix(s, ":"), " ")
			if role == "" {
				t.Fatalf("pdfinfo -struct-text line %d: %q", n+1, line)
			}
			nd.role = role
			stack = append(stack, nd)
		}
		parent.kids = append(parent.kids, nd)
	}
	return root
}

// all returns the elements under n (n included when it is one) in
// reading order.
func (n *sNode) all() []*sNode {
	var out []*sNode
	var walk func(*sNode)
	walk = func(e *sNode) {
		if e.role != "" {
			out = append(out, e)
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// pieces returns the text pieces under n in reading order.
func (n *sNode) pieces() []string {
	var out []string
	var walk func(*sNode)
	walk = func(e *sNode) {
		if e.role == "" && !e.obj {
			out = append(out, e.piece)
		}
		for _, k := range e.kids {
			walk(k)
		}
	}
	walk(n)
	return out
}

// text is the text under n, its pieces joined as a screen reader gets them.
func (n *sNode) text() string { return strings.Join(n.pieces(), "") }

// blockText is the text under n with a line break around each element's
// text: words of two elements are never read as one.
func (n *sNode) blockText() string {
	var b strings.Builder
	var walk func(*sNode)
	walk = func(e *sNode) {
		switch {
		case e.obj:
		case e.role == "" && e.depth >= 0:
			b.WriteString(e.piece)
		default:
			b.WriteByte('\n')
			for _, k := range e.kids {
				walk(k)
			}
			b.WriteByte('\n')
		}
	}
	walk(n)
	return b.String()
}

// has reports whether an element with the role is under n.
func (n *sNode) has(role string) bool {
	for _, e := range n.all() {
		if e != n && e.role == role {
			return true
		}
	}
	return false
}

package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// placeholderPrefix starts the stand-in destination of a link in HTML
// rendered before links are resolved. It survives goldmark's URL escaping.
const placeholderPrefix = "dissem-link-"

// RenderDeferred writes d's HTML with every link and image destination
// replaced by a numbered placeholder, so that a body can be rendered in the
// same pass that parses it, before the site's links are resolved. FillLinks
// puts the destinations in afterwards.
func (m *Markdown) RenderDeferred(w *bytes.Buffer, d *Doc) error {
	written := make([][]byte, len(d.Links))
	for i, l := range d.Links {
		if dest := destination(l.Node); dest != nil {
			written[i] = *dest
			*dest = []byte(placeholderPrefix + strconv.Itoa(i))
		}
	}
	err := m.Render(w, d)
	for i, l := range d.Links {
		if dest := destination(l.Node); dest != nil {
			*dest = written[i]
		}
	}
	return err
}

func destination(n ast.Node) *[]byte {
	switch n := n.(type) {
	case *ast.Link:
		return &n.Destination
	case *ast.Image:
		return &n.Destination
	}
	return nil
}

// FillLinks replaces the placeholders in body, HTML from RenderDeferred,
// with dests[i], or where that is "" with links[i].Dest as written. Like
// goldmark's safe mode, it drops javascript: and other dangerous URLs unless
// unsafe is set.
func FillLinks(body []byte, links []Link, dests []string, unsafe bool) string {
	marker := []byte(`"` + placeholderPrefix)
	// A string built in place: the page template takes it without a copy.
	var out strings.Builder
	out.Grow(len(body) + len(links)*16)
	for {
		at := bytes.Index(body, marker)
		if at < 0 {
			out.Write(body)
			return out.String()
		}
		start := at + len(marker)
		end := start
		for end < len(body) && body[end] >= '0' && body[end] <= '9' {
			end++
		}
		i, err := strconv.Atoi(string(body[start:end]))
		if err != nil || i >= len(links) || end >= len(body) || body[end] != '"' {
			out.Write(body[:start])
			body = body[start:]
			continue
		}
		dest := links[i].Dest
		if i < len(dests) && dests[i] != "" {
			dest = dests[i]
		}
		escaped := util.URLEscape([]byte(dest), true)
		out.Write(body[:at+1])
		if unsafe || !html.IsDangerousURL(escaped) {
			out.Write(util.EscapeHTML(escaped))
		}
		body = body[end:]
	}
}

package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/internal/safeurl"
	"github.com/yuin/goldmark/ast"
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
// with dests[i], or where that is "" with links[i].Dest as written. A
// destination safeurl refuses (javascript:, data: …) is left empty, with
// raw HTML allowed or not: Parse has reported it as an error.
func FillLinks(body []byte, links []Link, dests []string) string {
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
		out.Write(body[:at+1])
		if safeurl.Allowed(dest) {
			out.Write(util.EscapeHTML(util.URLEscape([]byte(dest), true)))
		}
		body = body[end:]
	}
}

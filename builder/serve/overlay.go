package serve

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
)

// problem is one error of a rebuild as the overlay shows it.
type problem struct {
	Pos diag.Pos
	Msg string
	// Line is the source line at Pos, "" when there is none to show.
	Line string
	// Caret is the column of Pos in Line, counted in characters from 0;
	// -1 for none.
	Caret int
}

// maxLine bounds the part of a source line shown: a Markdown paragraph is
// often one very long line.
const maxLine = 160

// problems turns a rebuild's errors into problems, reading each file named
// once for its source lines. Warnings are printed, not shown over pages.
func problems(diags diag.List, err error) []problem {
	var out []problem
	files := map[string][][]byte{}
	for _, d := range diags {
		if d.Severity != diag.Error {
			continue
		}
		p := problem{Pos: d.Pos, Msg: d.Msg, Caret: -1}
		if d.Pos.Line > 0 && d.Pos.File != "" {
			lines, ok := files[d.Pos.File]
			if !ok {
				lines = readLines(d.Pos.File)
				files[d.Pos.File] = lines
			}
			if d.Pos.Line <= len(lines) {
				p.Line, p.Caret = excerpt(string(lines[d.Pos.Line-1]), d.Pos.Col)
			}
		}
		out = append(out, p)
	}
	if err != nil {
		out = append(out, problem{Msg: "the rebuild failed: " + err.Error(), Caret: -1})
	}
	return out
}

// readLines reads a source file named in a message (relative to the
// working folder, as messages name them), or nothing when it cannot be read
// or is too large to be a source file.
func readLines(name string) [][]byte {
	p := filepath.FromSlash(name)
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() || st.Size() > 8<<20 {
		return nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	return bytes.Split(b, []byte("\n"))
}

// excerpt returns the part of line to show around column col (1-based, in
// characters as the YAML parser and editors count them; 0 for none) and the
// caret's place in it.
func excerpt(line string, col int) (string, int) {
	line = strings.TrimRight(line, "\r")
	if !utf8.ValidString(line) {
		line = strings.ToValidUTF8(line, "\uFFFD")
	}
	runes := []rune(line)
	caret := -1
	if col > 0 {
		caret = min(col-1, len(runes))
	}
	if len(runes) <= maxLine {
		return line, caret
	}
	start := 0
	if caret > maxLine/2 {
		start = min(caret-maxLine/2, len(runes)-maxLine)
	}
	s := string(runes[start : start+maxLine])
	if caret >= 0 {
		caret -= start
	}
	if start > 0 {
		s, caret = "…"+s, caret+1
	}
	if start+maxLine < len(runes) {
		s += "…"
	}
	return s, caret
}

// overlayHTML is the problem list shown over every page: part of the page
// itself, so it is there before the reload script runs (and without
// JavaScript). It is styled by dissem.css, since the site's
// Content-Security-Policy allows no inline style element.
func overlayHTML(probs []problem, good bool) []byte {
	var b bytes.Buffer
	b.WriteString(`<div id="dissem-problems" class="dissem-problems" role="alert" aria-labelledby="dissem-problems-title" lang="en" dir="ltr" tabindex="0">`)
	title := "The site does not build yet"
	if good {
		title = "The last change did not build: this page is the last version that did"
	}
	fmt.Fprintf(&b, `<p id="dissem-problems-title" class="dissem-title">%s (%d problem%s)</p><ol>`, title, len(probs), plural(len(probs)))
	for _, p := range probs {
		b.WriteString(`<li>`)
		if p.Pos.File != "" {
			fmt.Fprintf(&b, `<code class="dissem-pos">%s</code> `, html.EscapeString(p.Pos.String()))
		}
		fmt.Fprintf(&b, `<span class="dissem-msg">%s</span>`, html.EscapeString(p.Msg))
		if p.Line != "" || p.Caret >= 0 {
			gutter := fmt.Sprintf("%d | ", p.Pos.Line)
			fmt.Fprintf(&b, `<pre class="dissem-source"><span class="dissem-lineno" aria-hidden="true">%s</span>%s`, gutter, html.EscapeString(p.Line))
			if p.Caret >= 0 {
				fmt.Fprintf(&b, "\n"+`<span aria-hidden="true">%s%s^</span>`, strings.Repeat(" ", len(gutter)), caretPad(p.Line, p.Caret))
			}
			b.WriteString(`</pre>`)
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol><p class="dissem-hint">Fix the file and save it: this page reloads by itself.</p></div>`)
	return b.Bytes()
}

// caretPad is the blank space before a caret under character n of line:
// tabs stay tabs, so the caret lines up however wide they are shown.
func caretPad(line string, n int) string {
	var b strings.Builder
	i := 0
	for _, r := range line {
		if i == n {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	for ; i < n; i++ {
		b.WriteByte(' ')
	}
	return b.String()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// inject returns page with the live server's stylesheet and script before
// </head> and the problem overlay, if any, at the start of <body>.
func (st *liveState) inject(page []byte) []byte {
	head := bytes.Index(page, []byte("</head>"))
	body := -1
	if i := bytes.Index(page[max(head, 0):], []byte("<body")); i >= 0 {
		if j := bytes.IndexByte(page[max(head, 0)+i:], '>'); j >= 0 {
			body = max(head, 0) + i + j + 1
		}
	}
	if head < 0 {
		// No head to close (a page written by hand): before the body, or
		// at the end.
		head = len(page)
		if body >= 0 {
			head = bytes.LastIndex(page[:body], []byte("<body"))
		}
	}
	if body < 0 {
		// No body tag: the overlay goes after the head.
		body = head
		if bytes.HasPrefix(page[head:], []byte("</head>")) {
			body += len("</head>")
		}
	}
	out := make([]byte, 0, len(page)+len(st.head)+len(st.overlay))
	out = append(out, page[:head]...)
	out = append(out, st.head...)
	out = append(out, page[head:body]...)
	out = append(out, st.overlay...)
	return append(out, page[body:]...)
}

// problemPage is the whole page served before the first good build: the
// problems and the script that reloads it once the site builds.
func problemPage(st *liveState) []byte {
	var b bytes.Buffer
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>The site does not build yet – dissem serve</title>`)
	b.Write(st.head)
	b.WriteString(`</head><body class="dissem-alone"><main>`)
	b.Write(st.overlay)
	b.WriteString(`</main></body></html>`)
	return b.Bytes()
}

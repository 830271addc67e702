package markdown

import (
	"html"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Typesetting the body beyond goldmark's typographer: no-break spaces
// after the words a language does not leave at a line's end, opening
// single quotes that goldmark takes for English elisions, and footnotes
// under a heading.

// text writes a text node as goldmark does, but with a no-break space
// (U+00A0) for each space, or line break, after a word Options.NoBreak
// names: "v Košiciach" never splits after the "v".
func (r *nodeRenderer) text(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	value := n.Segment.Value(src)
	if n.IsRaw() {
		ghtml.DefaultWriter.RawWrite(w, value)
	} else {
		start := 0
		for i := 0; i < len(value); i++ {
			if value[i] == ' ' && r.opts.NoBreak(util.BytesToReadOnlyString(value[:i])) {
				ghtml.DefaultWriter.Write(w, value[start:i])
				_, _ = w.WriteString("\u00a0")
				start = i + 1
			}
		}
		ghtml.DefaultWriter.Write(w, value[start:])
	}
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak() && !n.IsRaw() && r.opts.NoBreak(util.BytesToReadOnlyString(value)):
		_, _ = w.WriteString("\u00a0")
	case n.SoftLineBreak():
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// footnoteList writes the footnotes as a section with a heading (the
// notes' name in the body's language) instead of goldmark's rule.
func (r *nodeRenderer) footnoteList(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<section class="footnotes" role="doc-endnotes" aria-labelledby="footnotes-title">` + "\n")
		_, _ = w.WriteString(`<h2 id="footnotes-title">` + html.EscapeString(r.opts.Notes) + "</h2>\n<ol>\n")
	} else {
		_, _ = w.WriteString("</ol>\n</section>\n")
	}
	return ast.WalkContinue, nil
}

// openingQuotes undoes goldmark's English guesses about a single quote
// before a word: it writes an apostrophe for 'twas, 'em, 'n' and 'l…, so
// "'tanuló'" came out as "’tanuló«" in Hungarian and "'lakó'" as
// "’lakó‘" in Slovak. A quote at the start of a word, after a space,
// bracket, dash or opening quote, opens a quotation in every language
// (decades, '90s, stay apostrophes).
type openingQuotes struct{ apostrophe, open string }

func (q openingQuotes) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		s, ok := n.(*ast.String)
		if !entering || !ok || string(s.Value) != q.apostrophe {
			return ast.WalkContinue, nil
		}
		if opensAfter(before(s, src), q.open) && startsWord(s, src) {
			s.Value = []byte(q.open)
		}
		return ast.WalkContinue, nil
	})
}

// before is the last character written before n in its paragraph, or -1
// at its start (a soft line break counts as a space).
func before(n ast.Node, src []byte) rune {
	for ; n != nil; n = n.Parent() {
		if n.Type() == ast.TypeBlock {
			return -1
		}
		switch p := n.PreviousSibling().(type) {
		case nil:
			continue
		case *ast.Text:
			v := p.Segment.Value(src)
			if p.SoftLineBreak() || p.HardLineBreak() || len(v) == 0 {
				return ' '
			}
			r, _ := utf8.DecodeLastRune(v)
			return r
		case *ast.String:
			r, _ := utf8.DecodeLastRune(p.Value)
			return r
		default:
			return 'x' // an inline element ending in a word: Union's after *Union*
		}
	}
	return -1
}

// startsWord reports whether a letter follows n directly (not a digit:
// '90s is an elision).
func startsWord(n ast.Node, src []byte) bool {
	t, ok := n.NextSibling().(*ast.Text)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRune(t.Segment.Value(src))
	return unicode.IsLetter(r)
}

func opensAfter(r rune, open string) bool {
	if r == -1 || unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '-', '–', '—', '/', '„', '“', '«', '»', '‚', '‘':
		return true
	}
	return string(r) == open
}

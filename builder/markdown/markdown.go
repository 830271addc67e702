// Package markdown holds dissem's one configured goldmark and what the later
// stages need from a parsed body: the AST, its headings and its links, each
// with a position in the source file.
//
// A body is parsed once; the resolve stage rewrites link destinations in the
// AST, then the render stage turns it into HTML and the brief stage into PDF.
package markdown

import (
	"bytes"
	"sort"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Quotes are the typographic characters of one language.
type Quotes struct {
	Open, Close             string // double quotation marks
	OpenSingle, CloseSingle string // single (inner) quotation marks
}

// Options configure a [Markdown].
type Options struct {
	// Quotes replace straight quotes when the typographer runs.
	Quotes Quotes
	// AllowHTML passes raw HTML through; otherwise it is shown as text.
	AllowHTML bool
	// TaskDone and TaskOpen label task-list boxes for screen readers.
	TaskDone, TaskOpen string
	// TableLabel names a table's scrollable region; "{n}" is its number.
	TableLabel string
	// NoBreak reports whether the space after text must not break (text
	// ends with a Slovak one-letter preposition, a Hungarian article …):
	// i18n.Lang.NoBreakBefore. Nil: every space may break.
	NoBreak func(text string) bool
	// Notes is the heading of the footnotes ("Notes").
	Notes string
	// Pictures gives the size and published widths of the pictures a
	// body shows (figure.go); nil writes plain <img>s.
	Pictures Pictures
}

// Markdown converts Markdown bodies of one language. It is safe for
// concurrent use.
type Markdown struct {
	md goldmark.Markdown
}

// New returns a Markdown configured with opts.
func New(opts Options) *Markdown {
	q := opts.Quotes
	subs := map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote:  q.Open,
		extension.RightDoubleQuote: q.Close,
		extension.LeftSingleQuote:  q.OpenSingle,
		extension.RightSingleQuote: q.CloseSingle,
		extension.Apostrophe:       "’",
		extension.EnDash:           "–",
		extension.EmDash:           "—",
		extension.Ellipsis:         "…",
		extension.LeftAngleQuote:   "«",
		extension.RightAngleQuote:  "»",
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.NewTypographer(extension.WithTypographicSubstitutions(subs)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(collector{}, 1000),
				util.Prioritized(openingQuotes{apostrophe: "’", open: q.OpenSingle}, 1100),
				util.Prioritized(pictures{src: opts.Pictures}, 1200)),
		),
		goldmark.WithRendererOptions(
			// Our own node renderers decide what raw HTML becomes and which
			// link destinations are written (safeurl, in every mode).
			html.WithUnsafe(),
			renderer.WithNodeRenderers(util.Prioritized(newNodeRenderer(opts), 100)),
		),
	)
	return &Markdown{md: md}
}

// Heading is a section heading of a body, for tables of contents and bookmarks.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination in a body, with where it was written.
type Link struct {
	Node  ast.Node // *ast.Link or *ast.Image; its Destination may be rewritten
	Dest  string   // the destination as written
	Image bool
	Alt   string // for images
	Pos   diag.Pos
}

// Doc is a parsed body.
type Doc struct {
	Source   []byte
	Root     ast.Node
	Headings []Heading
	Links    []Link
	// Problems are what Parse found wrong with the body: links whose
	// destination may not be published (javascript:, data: …).
	Problems diag.List
}

// Parse parses src, the body of file, which starts at line firstLine of the file.
func (m *Markdown) Parse(file string, src []byte, firstLine int, opts ...ParseOption) *Doc {
	pc := parser.NewContext(parser.WithIDs(newIDs()))
	if len(opts) > 0 {
		po := &parseOpts{}
		for _, o := range opts {
			o(po)
		}
		pc.Set(parseKey, po)
	}
	lines := lineStarts(src)
	pi := &posInfo{file: file, src: src, lines: lines, first: firstLine}
	if at, depth := tooDeep(src); at >= 0 {
		// Parsing would take minutes (see MaxNesting): the body is left
		// empty, and the error stops the build.
		d := &Doc{Source: src, Root: ast.NewDocument()}
		d.Problems.Errorf(pi.pos(at), "lists or quotes are nested %d levels deep here; at most %d lists or %d quotes can be read, and real documents need three or four: remove the extra indentation or \">\" marks", depth, MaxNesting, MaxQuotes)
		return d
	}
	pc.Set(posKey, pi)
	root := m.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	d := &Doc{Source: src, Root: root}
	if c, ok := pc.Get(collectedKey).(*collected); ok {
		d.Headings, d.Links, d.Problems = c.headings, c.links, c.problems
	}
	return d
}

// SetDestinations rewrites link and image destinations: dests[i] replaces
// the i-th link's, "" keeps it. The resolve stage computes dests once, from a
// body whose tree was dropped; a fresh Parse of the same source has the same
// links in the same order.
func (d *Doc) SetDestinations(dests []string) {
	for i, dest := range dests {
		if dest == "" || i >= len(d.Links) {
			continue
		}
		switch n := d.Links[i].Node.(type) {
		case *ast.Link:
			n.Destination = []byte(dest)
		case *ast.Image:
			n.Destination = []byte(dest)
		}
	}
}

// DropTree lets the syntax tree go, keeping headings and links (without
// their nodes). A large site keeps only this between parsing and rendering,
// and parses each body again when it renders it: syntax trees are many
// times bigger than their source.
func (d *Doc) DropTree() {
	d.Root = nil
	d.Source = nil
	for i := range d.Links {
		d.Links[i].Node = nil
	}
}

// Render writes the HTML of d to w.
func (m *Markdown) Render(w *bytes.Buffer, d *Doc) error {
	return m.md.Renderer().Render(w, d.Source, d.Root)
}

var (
	posKey       = parser.NewContextKey()
	collectedKey = parser.NewContextKey()
)

type posInfo struct {
	file  string
	src   []byte
	lines []int // offsets where each line of the body starts
	first int
}

// pos maps a byte offset of the body to a position in the file. The column
// counts characters, as editors and the front matter's messages do: "Málna
// [x](javascript:)" has its link at column 7, not 8.
func (p *posInfo) pos(offset int) diag.Pos {
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > offset }) - 1
	if i < 0 {
		i = 0
	}
	col := offset - p.lines[i] + 1
	if start := p.lines[i]; offset <= len(p.src) && start <= offset {
		col = utf8.RuneCount(p.src[start:offset]) + 1
	}
	return diag.Pos{File: p.file, Line: p.first + i, Col: col}
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

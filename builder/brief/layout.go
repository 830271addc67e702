package brief

// The layout model: a document becomes a list of rows (unbreakable vertical
// units: a line of text, a table row, an image), which the paginator places
// on pages; each row carries the drawing operations fpdf will perform.

// Page geometry in points (A4).
const (
	pageW      = 595.28
	pageH      = 841.89
	marginL    = 62.0
	marginR    = 62.0
	marginTop  = 68.0
	marginBot  = 66.0
	contentW   = pageW - marginL - marginR
	bodySize   = 10.5
	bodyLead   = 1.38 // line height as a multiple of the font size
	paraSkip   = 6.0  // space between paragraphs
	headerY    = 40.0 // baseline of the running header
	footerY    = pageH - 34
	layoutVers = "brief-layout-1" // bump when output changes for the same input
)

type rgb struct{ r, g, b uint8 }

var (
	colText    = rgb{25, 25, 25}
	colHeading = rgb{16, 52, 96}
	colLink    = rgb{0, 82, 155}
	colMuted   = rgb{95, 95, 95}
	colRule    = rgb{170, 170, 170}
	colFill    = rgb{240, 241, 243}
	colHead    = rgb{224, 230, 238}
)

// style is how a run of text looks and where it links.
type style struct {
	font   fontID
	size   float64
	color  rgb
	rise   float64 // baseline shift, for footnote references
	link   string  // external URL
	anchor string  // internal link target
	strike bool
}

type opKind uint8

const (
	opText opKind = iota
	opRect        // filled rectangle
	opLine
	opImage
	opBox // stroked rectangle (task boxes)
)

// op is one drawing operation. x is from the page's left edge; y from the
// top of the row (for text: the baseline).
type op struct {
	kind       opKind
	x, y, w, h float64
	text       string
	st         style
	pageOf     string // text shows the page number of this anchor
	img        *picture
}

// mark is an anchor (internal link target) and, if level >= 0, a bookmark.
type mark struct {
	anchor string
	title  string
	level  int
}

// row is an unbreakable vertical unit.
type row struct {
	h, before float64
	keep      bool // keep on the same page as the next row
	newPage   bool // start a new page
	ops       []op
	marks     []mark
	header    []*row // table header rows to repeat when a page starts here
	base      float64
	desc      string // what the row shows, for the page-break golden test
}

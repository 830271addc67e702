package brief

// The layout model: a document becomes a list of rows (unbreakable vertical
// units: a line of text, a table row, an image), which the paginator places
// on pages; each row carries the drawing operations fpdf will perform.

// Page geometry in points (A4). The body is set in one column of about
// 70 characters (60–80 is what reads best; TestLineLength measures it);
// the cover, wide tables, the running head and the page numbers use the
// wider frame between marginL and marginL+contentW.
const (
	pageW      = 595.28
	pageH      = 841.89
	marginL    = 62.0
	marginR    = 62.0
	marginTop  = 68.0
	marginBot  = 66.0
	contentW   = pageW - marginL - marginR
	textW      = 336.0               // the body column
	textL      = (pageW - textW) / 2 // centred on the page
	bodySize   = 11.0
	bodyLead   = 1.4  // line height as a multiple of the font size
	paraSkip   = 6.0  // space between paragraphs
	headerY    = 40.0 // baseline of the running header
	footerY    = pageH - 34
	layoutVers = "brief-layout-15" // bump when output changes for the same input
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
	opBox    // stroked rectangle (task boxes)
	opEmblem // the EU emblem, drawn with fpdf primitives in the w×h box
	opLogo   // the site's mark, drawn with fpdf primitives (or img, when the site gives one)
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
	// crop (an image) fills the w×h box, its top and bottom cut evenly.
	crop bool
	// join extends a background up over the gap above its row, unless the
	// row starts a page, so that a panel or bar runs on unbroken.
	join bool
	// el is the structure element the op belongs to, an index+1 into
	// layout.elems; 0 is not content (backgrounds, rules, running heads:
	// artifacts). Text and image ops get the element open when they are
	// made (layout.enter); decoration never does.
	el int32
	// hyph: drawn only because the line breaks inside a word (a hyphen
	// the line breaker adds): an artifact, not the element's text.
	hyph bool
	// joins: the line breaks inside the word this text ends: the
	// element's text goes on without a space on the next line.
	joins bool
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

// elemKind is what a structure element is; the names follow the PDF
// standard structure types (tagging lives in tag*.go).
type elemKind uint8

const (
	elNone       elemKind = iota
	elDocument            // the whole PDF
	elSect                // a bundled document, the cover, the notes
	elTitle               // the document's title
	elH                   // a heading; elem.level 1 = the title's level
	elP                   // a paragraph (also the summary and cover lines)
	elL                   // a list
	elLI                  // a list item
	elLbl                 // a list item's bullet or number; a fact's label
	elLBody               // a list item's body
	elTable               // a table
	elTR                  // a table row
	elTH                  // a header cell
	elTD                  // a data cell
	elFigure              // a picture; elem.alt is its description
	elCaption             // a picture's caption
	elBlockQuote          // a block quote
	elCode                // a code block
	elBox                 // a structured-content box (key facts, recommendations)
	elNote                // one endnote
	elTOC                 // a table of contents
	elTOCI                // one of its entries
)

// elem is one structure element; layout.elems lists them in reading order,
// each after its parent.
type elem struct {
	kind   elemKind
	parent int32  // index into layout.elems; -1 for a root
	level  int    // elH: 1 is the title's level, body headings from 2
	alt    string // elFigure: the picture's description
	lang   string // a bundled document's language, when not the PDF's
}

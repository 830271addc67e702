// Package resolve turns validated documents into the site's pages: URLs,
// translations, cross-links, toolkits, taxonomies, lists and feeds. Every
// relation is a map built once; nothing scans all pages per page.
package resolve

import (
	"time"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

// Kind is what a page is.
type Kind string

// The page kinds. Each has its own template.
const (
	KindDocument  Kind = "single"
	KindHome      Kind = "home"
	KindSection   Kind = "list"
	KindTaxonomy  Kind = "terms"
	KindTerm      Kind = "term"
	KindSearch    Kind = "search"
	KindChooser   Kind = "chooser"
	KindNotFound  Kind = "404"
	KindDownloads Kind = "downloads"
	// KindRegister is the register of outputs; KindReuse says how others
	// may reuse them (builder/register).
	KindRegister Kind = "register"
	KindReuse    Kind = "reuse"
)

// Input is one document ready to resolve: loaded, validated and parsed.
type Input struct {
	Doc  *content.Doc
	Meta *schema.Meta
	Body *markdown.Doc
	// HTML is the body rendered with link placeholders (markdown.RenderDeferred).
	HTML []byte
	// TermPos is where each taxonomy term was written (see TermPositions),
	// for a builder that drops the front matter; nil means look in Doc.Front.
	TermPos []LineCol
}

// Alternate is a page's counterpart in one language, for the language
// switcher and hreflang. Missing is set when there is no translation and
// URL points at a fallback.
type Alternate struct {
	Lang    string
	URL     string
	Missing bool
}

// TermRef names a taxonomy term and where its page is.
type TermRef struct {
	Name, URL string
	Count     int
}

// Pager places a list page among its siblings.
type Pager struct {
	Num, Total int
	Prev, Next string
}

// Page is one HTML page of the site.
type Page struct {
	Kind Kind
	Lang string
	// Path is the output folder relative to the site root ("en/guides/x/");
	// URL is the same below the base path ("/en/guides/x/").
	Path, URL string
	Title     string
	Summary   string
	Date      time.Time
	Section   string // content folder, also for lists

	// Document pages.
	Doc  *content.Doc
	Meta *schema.Meta
	// Body holds the headings and links of the document; its tree may have
	// been dropped (see markdown.Doc.DropTree).
	Body *markdown.Doc
	// LinkDests are the resolved destinations of Body.Links ("" = unchanged),
	// for markdown.Doc.SetDestinations.
	LinkDests []string
	// HTML is the body rendered with link placeholders; render fills them
	// from LinkDests.
	HTML         []byte
	Key          string // translation key
	Slug         string
	Alternates   []Alternate // every site language but Lang, in site order
	Terms        map[string][]TermRef
	Toolkit      *Page   // a guide's toolkit
	Prev, Next   *Page   // neighbouring guides in the toolkit
	Guides       []*Page // a toolkit's guides, in order
	Translations map[string]*Page
	// Attachments are the files the document offers (questionnaires, templates).
	Attachments []Attachment

	// List pages.
	Items    []*Page
	Pager    *Pager
	Taxonomy string
	TermList []TermRef
	// Home pages: the toolkits.
	Toolkits []*Page

	termPos []LineCol // Input.TermPos
	// idx is the page's place in Site.Pages (and Site.Docs), the same in
	// every site WithBodies makes from the resolved one; -1 while unplaced.
	idx int32
}

// Downloads are the files made from documents after resolve (briefs,
// bundles and kits), by page: the brief stage's result, which the renderer
// reads. The pages themselves are not changed once resolved.
type Downloads map[*Page][]*Download

// Download is a file offered for download.
type Download struct {
	Path, URL string
	Kind      string // "brief", "bundle" or "kit"
	Pages     int    // for PDFs
	Size      int64
}

// Attachment is a file kept beside a document's Markdown.
type Attachment struct {
	Name string // as listed in front matter ("questionnaire.csv")
	Rel  string // path in the content tree ("guides/questionnaire.csv")
	URL  string
}

// IsDocument reports whether p shows a content document.
func (p *Page) IsDocument() bool { return p.Kind == KindDocument }

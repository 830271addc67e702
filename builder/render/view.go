package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/cite"
	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
)

// View is what templates see: the page plus helpers bound to its language.
type View struct {
	*resolve.Page
	Content template.HTML
	r       *Renderer
	lang    *i18n.Lang
	work    *cite.Work // citeWork's, made once a page (cite.go)
}

// T returns the UI string key in the page's language.
func (v *View) T(key string) string { return v.r.cat.T(v.Lang, key) }

// TIn returns the UI string key in language code.
func (v *View) TIn(code, key string) string { return v.r.cat.T(code, key) }

// Tn returns the UI string key for the count n: its plural form for n in
// the page's language (key.one, key.few …), with {n} replaced by n
// formatted for the language.
func (v *View) Tn(key string, n int) string { return v.r.cat.Tn(v.Lang, key, n) }

// PluralForms are the forms of the counted UI string key by CLDR category,
// for a script that counts in the browser.
func (v *View) PluralForms(key string) map[string]string { return v.r.cat.PluralForms(v.Lang, key) }

// Typo returns s typeset for the page's language: quotation marks,
// apostrophes and no-break spaces (i18n.Lang.Typeset). Templates pass
// every text a reader sees through it; data (JSON-LD) stays as written.
func (v *View) Typo(s string) string { return v.lang.Typeset(s) }

// TypoIn returns s typeset for language code (the chooser shows every language).
func (v *View) TypoIn(code, s string) string { return v.r.cat.Lang(code).Typeset(s) }

// FigureValue is a key figure's value as the page's language writes it:
// its value for the language, else its amount formatted for the language
// ("€762,280", "762 280 €"), else its one value.
func (v *View) FigureValue(f config.KeyFigure) string {
	if s := f.Values[v.Lang]; s != "" {
		return v.Typo(s)
	}
	if f.Amount != "" {
		var s string
		var err error
		if f.Currency != "" {
			s, err = v.lang.FormatMoney(f.Amount, f.Currency)
		} else {
			s, err = v.lang.FormatNumber(f.Amount)
		}
		if err == nil { // config.check has refused anything else
			return s
		}
	}
	return v.Typo(f.Value)
}

// AttachmentLabel describes an attachment for a reader deciding whether to
// download it: its format and size, "CSV, 2 KB".
func (v *View) AttachmentLabel(a resolve.Attachment) string {
	format := strings.ToUpper(strings.TrimPrefix(path.Ext(a.Rel), "."))
	if format == "" {
		format = v.T("file")
	}
	if v.r.content == nil {
		return format
	}
	fi, err := fs.Stat(v.r.content, a.Rel)
	if err != nil {
		return format
	}
	return format + ", " + v.lang.FormatSize(fi.Size())
}

// Number formats a whole number for the page's language: 12,345 or 12 345.
func (v *View) Number(n int) string { return v.lang.FormatInt(n) }

// FormatDate formats t for the page's language.
func (v *View) FormatDate(t time.Time) string { return v.lang.FormatDate(t) }

// ISODate formats t for datetime attributes.
func (v *View) ISODate(t time.Time) string { return t.Format("2006-01-02") }

// Asset returns the fingerprinted URL of a static file.
func (v *View) Asset(name string) string {
	if u, ok := v.r.assets[name]; ok {
		return u
	}
	return v.r.site.BasePath + name
}

// Site is the resolved site.
func (v *View) Site() *resolve.Site { return v.r.site }

// SiteTitle is the site's title in the page's language.
func (v *View) SiteTitle() string { return v.r.site.Config.Title[v.Lang] }

// SiteTitleIn is the site's title in language code.
func (v *View) SiteTitleIn(code string) string { return v.r.site.Config.Title[code] }

// Heading is the page's h1.
func (v *View) Heading() string {
	switch v.Kind {
	case resolve.KindDocument:
		return v.Title
	case resolve.KindHome, resolve.KindChooser:
		return v.SiteTitle()
	case resolve.KindSection:
		return v.SectionTitle(v.Section)
	case resolve.KindTaxonomy:
		return v.T("taxonomy." + v.Taxonomy)
	case resolve.KindTerm:
		return v.T("term."+v.Taxonomy) + ": " + v.Title
	case resolve.KindSearch:
		return v.T("search")
	case resolve.KindDownloads:
		return v.T("downloads")
	case resolve.KindRegister:
		return v.T("register")
	case resolve.KindReuse:
		return v.T("reuse")
	case resolve.KindNotFound:
		return v.T("not_found")
	}
	return v.Title
}

// PageTitle is the text of <title>.
func (v *View) PageTitle() string {
	if v.Kind == resolve.KindHome || v.Kind == resolve.KindChooser {
		return v.SiteTitle()
	}
	h := v.Heading()
	if v.Pager != nil && v.Pager.Num > 1 {
		h += " – " + v.Tn("page_n", v.Pager.Num)
	}
	return h + " – " + v.SiteTitle()
}

// Description is the page's meta description.
func (v *View) Description() string {
	if v.Summary != "" {
		return v.Summary
	}
	return v.r.site.Config.Description[v.Lang]
}

// Abs turns a site URL into an absolute address.
func (v *View) Abs(u string) string { return v.r.site.AbsURL(u) }

// Link is a labelled URL for navigation lists.
type Link struct {
	Lang, Name, URL string
	Current         bool
	Missing         bool
}

// Hreflangs are the page's real translations (itself included) and x-default.
func (v *View) Hreflangs() []Link {
	if v.Kind == resolve.KindChooser || v.Kind == resolve.KindNotFound {
		return nil
	}
	all := map[string]string{v.Lang: v.URL}
	for _, a := range v.Alternates {
		if !a.Missing {
			all[a.Lang] = a.URL
		}
	}
	var links []Link
	for _, code := range v.r.site.Config.Codes() {
		if u, ok := all[code]; ok {
			links = append(links, Link{Lang: code, URL: v.Abs(u)})
		}
	}
	if u, ok := all[v.r.site.Config.DefaultLanguage]; ok && len(links) > 1 {
		links = append(links, Link{Lang: "x-default", URL: v.Abs(u)})
	}
	return links
}

// Switcher lists every language: the current one, and where each other one leads.
func (v *View) Switcher() []Link {
	alt := map[string]resolve.Alternate{}
	for _, a := range v.Alternates {
		alt[a.Lang] = a
	}
	var links []Link
	for _, l := range v.r.site.Config.Languages {
		if l.Code == v.Lang {
			links = append(links, Link{Lang: l.Code, Name: l.Name, URL: v.URL, Current: true})
			continue
		}
		a, ok := alt[l.Code]
		if !ok {
			a = resolve.Alternate{Lang: l.Code, URL: v.r.site.ByLang[l.Code].Home.URL}
		}
		missing := a.Missing && v.Kind == resolve.KindDocument
		if missing {
			// The document's own page, with its notice in that language
			// (NotTranslated), naming it and linking the versions there are.
			a.URL = v.URL + "#" + notTranslatedID(l.Code)
		}
		links = append(links, Link{Lang: l.Code, Name: l.Name, URL: a.URL, Missing: missing})
	}
	return links
}

// NotTranslatedNotice is what a document page tells the reader of a
// language it is not translated into, in that language.
type NotTranslatedNotice struct {
	Lang, ID string
	// Before and After are the notice's words around the document's title,
	// Title (in the document's language, DocLang).
	Before, Title, After, DocLang string
	Home                          string // the language's home page
	HomeText                      string
	Versions                      []Link // the document in the languages it exists in
}

func anyMissing(alts []resolve.Alternate) bool {
	for _, a := range alts {
		if a.Missing {
			return true
		}
	}
	return false
}

// Texts are a document's title and summary typeset for its language.
type Texts struct{ Title, Summary string }

// Texts returns the page's title and summary typeset, in one call (each
// call from a template costs a reflective call; a document page shows
// both).
func (v *View) Texts() Texts {
	return Texts{Title: v.lang.Typeset(v.Title), Summary: v.lang.Typeset(v.Summary)}
}

// TitleTag is the text of <title>: PageTitle typeset.
func (v *View) TitleTag() string { return v.lang.Typeset(v.PageTitle()) }

// TypoTerms are the document's terms of taxonomy tax with their names
// typeset, in one call for the whole list.
func (v *View) TypoTerms(tax string) []resolve.TermRef {
	refs := v.Terms[tax]
	var out []resolve.TermRef // a copy once a name changes: the resolved list stays as it is
	for i, t := range refs {
		s := v.lang.Typeset(t.Name)
		if s == t.Name {
			continue
		}
		if out == nil {
			out = slices.Clone(refs)
		}
		out[i].Name = s
	}
	if out == nil {
		return refs
	}
	return out
}

// TermItem is a term as a taxonomy's index lists it: its name typeset and
// how many documents it has, in words ("3 dokumenty").
type TermItem struct {
	Name, URL, Count string
}

// TermItems lists a taxonomy index page's terms, in one call for the whole
// list (a site may have hundreds of terms, and each call from a template
// costs a reflective call).
func (v *View) TermItems() []TermItem {
	items := make([]TermItem, len(v.TermList))
	for i, t := range v.TermList {
		items[i] = TermItem{Name: v.lang.Typeset(t.Name), URL: t.URL, Count: v.Tn("documents_n", t.Count)}
	}
	return items
}

// notTranslatedID is the id of the notice for language code.
func notTranslatedID(code string) string { return "not-in-" + code }

// NotTranslated lists a notice for each language the document is not
// translated into: shown when the switcher's link to that language
// targets it (#not-in-sk), hidden otherwise.
func (v *View) NotTranslated() []NotTranslatedNotice {
	if v.Kind != resolve.KindDocument || !anyMissing(v.Alternates) {
		return nil
	}
	var versions []Link
	var missing []string
	for _, l := range v.r.site.Config.Languages {
		if l.Code == v.Lang {
			versions = append(versions, Link{Lang: l.Code, Name: l.Name, URL: v.URL, Current: true})
			continue
		}
		for _, a := range v.Alternates {
			if a.Lang != l.Code {
				continue
			}
			if a.Missing {
				missing = append(missing, l.Code)
			} else {
				versions = append(versions, Link{Lang: l.Code, Name: l.Name, URL: a.URL})
			}
		}
	}
	var notices []NotTranslatedNotice
	title := v.Typo(v.Page.Title) // typeset as its own language writes it
	for _, code := range missing {
		before, after, _ := strings.Cut(v.r.cat.T(code, "not_translated_doc"), "{title}")
		notices = append(notices, NotTranslatedNotice{
			Lang: code, ID: notTranslatedID(code),
			Before: before, Title: title, After: after, DocLang: v.Lang,
			Home:     v.r.site.ByLang[code].Home.URL,
			HomeText: v.r.cat.T(code, "not_translated_home"),
			Versions: versions,
		})
	}
	return notices
}

// Multilingual reports whether the page speaks every language at once:
// the language chooser and the root 404 page, which no language owns.
// They get a header and footer without one language's words.
func (v *View) Multilingual() bool {
	return v.Kind == resolve.KindChooser || v.Kind == resolve.KindNotFound && v.Path == "404.html"
}

// Canonical is the page's absolute address for search engines and
// sharing, or "" for a 404 page, which has no address of its own and is
// kept out of search results.
func (v *View) Canonical() string {
	if v.Kind == resolve.KindNotFound {
		return ""
	}
	return v.Abs(v.URL)
}

// NotFoundURL is the 404 page of language code.
func (v *View) NotFoundURL(code string) string { return v.r.site.BasePath + code + "/404.html" }

// OtherLanguages lists the other languages' homes, for the 404 page.
func (v *View) OtherLanguages() []Link {
	var links []Link
	for _, l := range v.Languages() {
		if l.Lang != v.Lang {
			links = append(links, l)
		}
	}
	return links
}

// Languages lists every language's home, for the chooser and the 404 page.
func (v *View) Languages() []Link {
	var links []Link
	for _, l := range v.r.site.Config.Languages {
		links = append(links, Link{Lang: l.Code, Name: l.Name, URL: v.r.site.ByLang[l.Code].Home.URL})
	}
	return links
}

// Menu is the main navigation of the page's language.
func (v *View) Menu() []Link {
	lang := v.r.site.ByLang[v.Lang]
	var links []Link
	for _, item := range v.r.site.Config.Menu {
		if pages := lang.Sections[item]; len(pages) > 0 {
			links = append(links, Link{Name: v.SectionTitle(item), URL: pages[0].URL, Current: v.Section == item})
			continue
		}
		if d := lang.TopLevel[item]; d != nil {
			links = append(links, Link{Name: d.Title, URL: d.URL, Current: d == v.Page})
		}
	}
	return links
}

// CurrentMenu names what the main navigation marks as current: a menu
// item, "search" on the search page, or "". Pages with the same CurrentMenu
// share one rendering of the navigation.
func (v *View) CurrentMenu() string {
	if v.Kind == resolve.KindSearch {
		return "search"
	}
	for _, l := range v.Menu() {
		if l.Current {
			return l.URL
		}
	}
	return ""
}

// Home is the home page of the page's language.
func (v *View) Home() *resolve.Page { return v.r.site.ByLang[v.Lang].Home }

// LangPage returns the generated page of a kind ("search", "downloads") in
// the page's language, or nil.
func (v *View) LangPage(kind string) *resolve.Page {
	lang := v.r.site.ByLang[v.Lang]
	switch resolve.Kind(kind) {
	case resolve.KindSearch:
		return lang.Search
	case resolve.KindDownloads:
		return lang.Downloads
	case resolve.KindRegister:
		return lang.Register
	case resolve.KindReuse:
		return lang.Reuse
	}
	return nil
}

// Taxonomies lists the page language's taxonomy index pages.
func (v *View) Taxonomies() []Link {
	var links []Link
	for _, tax := range v.r.site.Config.Taxonomies {
		if p := v.r.site.ByLang[v.Lang].Taxonomy[tax]; p != nil {
			links = append(links, Link{Name: v.T("taxonomy." + tax), URL: p.URL})
		}
	}
	return links
}

// FeedURL is the RSS feed for the page: its section's, else its language's.
func (v *View) FeedURL() string {
	if v.Kind == resolve.KindSection {
		return v.r.site.BasePath + v.Lang + "/" + v.Section + "/index.xml"
	}
	return v.r.site.BasePath + v.Lang + "/index.xml"
}

// SectionTitle is the localized name of a content folder.
func (v *View) SectionTitle(section string) string { return v.T("section." + section) }

// TypeLabel is the localized name of a content type.
func (v *View) TypeLabel(typ string) string { return v.T("type." + typ) }

// LangName is the name of language code in itself.
func (v *View) LangName(code string) string { return v.r.site.Config.Language(code).Name }

// TOCEntry is a section in a table of contents, with its subsections.
type TOCEntry struct {
	markdown.Heading
	Children []markdown.Heading
}

// TOC lists the sections (h2) and subsections (h3) of a long document: one
// with three or more sections. Short documents need no table of contents.
func (v *View) TOC() []TOCEntry {
	if v.Body == nil {
		return nil
	}
	var toc []TOCEntry
	for _, h := range v.Body.Headings {
		switch {
		case h.Level == 2:
			toc = append(toc, TOCEntry{Heading: h})
		case h.Level == 3 && len(toc) > 0:
			toc[len(toc)-1].Children = append(toc[len(toc)-1].Children, h)
		}
	}
	if len(toc) < 3 {
		return nil
	}
	return toc
}

// TableOfContents is TOC as HTML, an <ol> of links to the sections with a
// nested <ol> of subsections, or "" for a short document (the name Hugo's
// templates use). One value instead of a loop in the template: a document
// page spent a sixth of its template time on the table of contents.
func (v *View) TableOfContents() template.HTML {
	toc := v.TOC()
	if toc == nil {
		return ""
	}
	var b strings.Builder
	item := func(h markdown.Heading) {
		b.WriteString("\n<li><a href=\"#")
		b.WriteString(fragment(h.ID))
		b.WriteString("\">")
		b.WriteString(textEscaper.Replace(h.Text))
		b.WriteString("</a>")
	}
	b.WriteString("<ol>")
	for _, e := range toc {
		item(e.Heading)
		if len(e.Children) > 0 {
			b.WriteString("\n<ol>")
			for _, c := range e.Children {
				item(c)
				b.WriteString("</li>")
			}
			b.WriteString("\n</ol>")
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>")
	return template.HTML(b.String())
}

// textEscaper escapes text between tags exactly as html/template does.
var textEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// fragment percent-encodes an id for use after "#", as html/template does:
// every byte but letters, digits and -._~.
func fragment(id string) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// DownloadLabel describes a download: "PDF, 4 pages, 180 KB".
func (v *View) DownloadLabel(d *resolve.Download) string {
	if d.Size == 0 {
		// Not made yet (serve makes briefs when they are asked for).
		if d.Kind == "kit" {
			return "ZIP"
		}
		return "PDF"
	}
	size := v.lang.FormatSize(d.Size)
	if d.Kind == "kit" {
		return "ZIP, " + size
	}
	return "PDF, " + v.Tn("pages_n", d.Pages) + ", " + size
}

// HumanSize formats a byte count as KB or MB.
func HumanSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}

// Downloads are the files made from the page's document: its brief, and a
// toolkit's bundle and kit.
func (v *View) Downloads() []*resolve.Download { return v.r.downloads[v.Page] }

// Toolkits are a home page's toolkits, as views (a template shows their
// downloads).
func (v *View) Toolkits() []*View { return v.views(v.Page.Toolkits) }

// AllDownloads lists the documents of the page's language that offer
// downloads, for the downloads page.
func (v *View) AllDownloads() []*View {
	var pages []*resolve.Page
	for _, d := range v.r.site.ByLang[v.Lang].Docs {
		if len(v.r.downloads[d]) > 0 {
			pages = append(pages, d)
		}
	}
	return v.views(pages)
}

// views returns a view of each page, or nil for none.
func (v *View) views(pages []*resolve.Page) []*View {
	if len(pages) == 0 {
		return nil
	}
	out := make([]*View, len(pages))
	for i, p := range pages {
		out[i] = &View{Page: p, r: v.r, lang: v.r.cat.Lang(p.Lang)}
	}
	return out
}

// OGType is the OpenGraph type of the page.
func (v *View) OGType() string {
	if v.Kind == resolve.KindDocument {
		return "article"
	}
	return "website"
}

// Locale is the OpenGraph locale of language code.
func (v *View) Locale(code string) string {
	if l := v.r.site.Config.Language(code).Locale; l != "" {
		return l
	}
	return code
}

// JSONLD describes the page for search engines, in schema.org terms.
func (v *View) JSONLD() template.JS {
	if w := v.citeWork(); w != nil {
		// builder/cite: Report, Event, NewsArticle … with funder, licence, translations
		ld := w.JSONLD()
		if img := v.jsonLDImage(); img != nil {
			ld.Image = img // picture.go
		}
		b, _ := json.Marshal(ld)
		return template.JS(b)
	}
	publisher := map[string]any{"@type": "Organization", "name": v.r.site.Config.PublisherIn(v.Lang)}
	data := map[string]any{
		"@context": "https://schema.org", "@type": "WebPage",
		"name": v.PageTitle(), "inLanguage": v.Lang, "url": v.Abs(v.URL), "publisher": publisher,
	}
	if v.Kind == resolve.KindHome {
		data["@type"] = "WebSite"
		data["name"] = v.SiteTitle()
	}
	b, _ := json.Marshal(data)
	return template.JS(b)
}

// CardList is a list of pages with the view that renders it.
type CardList struct {
	*View
	List []*resolve.Page
}

// Card is a document as a list shows it: its own view, and the kind of the
// list page it is shown on.
type Card struct {
	*View
	ListKind resolve.Kind
}

// Card returns the view of a listed document p for the "card" partial.
func (v *View) Card(p *resolve.Page) Card {
	return Card{View: &View{Page: p, r: v.r, lang: v.r.cat.Lang(p.Lang)}, ListKind: v.Kind}
}

// With pairs the view with a list of pages for the "cards" partial.
func (v *View) With(list []*resolve.Page) CardList { return CardList{View: v, List: list} }

// TaxonomyURL is the index page of a taxonomy in the page's language.
func (v *View) TaxonomyURL(tax string) string {
	if p := v.r.site.ByLang[v.Lang].Taxonomy[tax]; p != nil {
		return p.URL
	}
	return v.Home().URL
}

// SectionURL is the first list page of the document's section, or "".
func (v *View) SectionURL() string {
	if pages := v.r.site.ByLang[v.Lang].Sections[v.Section]; len(pages) > 0 {
		return pages[0].URL
	}
	return ""
}

package resolve

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"golang.org/x/text/unicode/norm"
)

// term is a taxonomy term of one language while its pages are made.
type term struct {
	page *Page
	// pos is where the term was first written (in the newest document).
	pos diag.Pos
	// told holds the other spellings already reported, so that a spelling
	// repeated in many documents is reported once.
	told map[string]bool
}

// claim is the term page's claim on its path, at the term's first use.
func (t *term) claim(url string) claim {
	return claim{rank: rankFolder, pos: t.pos, url: url,
		what: fmt.Sprintf("the page of the term %q (%s)", t.page.Title, t.page.Taxonomy), self: "the term's page",
		fix: "write the term differently"}
}

// variant reports name, another spelling of t that makes the same address.
// Spellings that differ only in capitals or accents ("miskolc", "Kosice")
// are meant as the same term: they share the page, titled as first written,
// and the editor is warned. Others ("C++" and "C") are different terms that
// would be merged: an error.
func (t *term) variant(name string, pos diag.Pos, url string, diags *diag.List) {
	if t.told[name] {
		return
	}
	if t.told == nil {
		t.told = map[string]bool{}
	}
	t.told[name] = true
	tax, first := t.page.Taxonomy, t.page.Title
	if fold(name) == fold(first) {
		diags.Warnf(pos, "field %q: %q is written %q at %s; both go to the page %s, titled %q; write the term the same way everywhere", tax, name, first, t.pos, url, first)
		return
	}
	diags.Errorf(pos, "field %q: the terms %q and %q (at %s) would share the page %s; write them so that they differ in letters or digits, or the same way if they are one term", tax, name, first, t.pos, url)
}

// fold lowers s and drops its accents, for telling spellings of one word.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// LineCol is a line and column in a document's own file.
type LineCol struct{ Line, Col int32 }

// TermPositions lists where front wrote each term of the site's
// taxonomies, taxonomy after taxonomy, the way schema.Meta.Terms lists
// them: a document's terms can then be pointed at after its front matter
// is dropped, for eight bytes a term.
func TermPositions(front *content.Value, taxonomies []string) []LineCol {
	var out []LineCol
	for _, tax := range taxonomies {
		v := front.Get(tax)
		if v == nil || v.Kind != content.List {
			continue
		}
		for _, it := range v.Items {
			if it.Kind == content.Scalar { // as schema keeps them
				out = append(out, LineCol{int32(it.Pos.Line), int32(it.Pos.Col)})
			}
		}
	}
	return out
}

// termPos is where document d wrote its i-th term of the site's taxonomy
// number ti: from the positions kept for it, or its front matter when it
// is still there, else the field.
func (r *resolver) termPos(d *Page, ti, i int) diag.Pos {
	taxes := r.site.Config.Taxonomies
	tax := taxes[ti]
	if d.termPos != nil {
		k := i
		for _, t := range taxes[:ti] {
			k += len(d.Meta.Terms(t))
		}
		if k < len(d.termPos) {
			return diag.Pos{File: d.Doc.Path, Line: int(d.termPos[k].Line), Col: int(d.termPos[k].Col)}
		}
	}
	if v := d.Doc.Front.Get(tax); v != nil && v.Kind == content.List && i < len(v.Items) {
		return v.Items[i].Pos
	}
	if p, ok := d.Meta.Pos[tax]; ok {
		return p
	}
	return diag.Pos{File: d.Doc.Path}
}

// claimFurther claims list page p beyond the first page of the list first.
func (r *resolver) claimFurther(p, first *Page) {
	r.site.urls.claim(p.Path, claim{rank: rankSite, pos: diag.Pos{File: r.opts.Content}, what: "a further page of a list", self: "a further page of a list", url: p.URL, fix: "rename it"})
}

// unusedTaxonomies warns, at its line in site.yaml, about a taxonomy no
// document of any language uses: it gets no pages, which is rarely what was
// meant. The default taxonomies, which site.yaml does not name, are not
// worth a word.
func (r *resolver) unusedTaxonomies(used map[string]bool, diags *diag.List) {
	cfg := r.site.Config
	unwritten := cfg.Pos("\x00") // where Pos points for what site.yaml does not say
	for i, tax := range cfg.Taxonomies {
		if used[tax] {
			continue
		}
		if pos := cfg.Pos("taxonomies." + itoa(i)); pos != unwritten {
			diags.Warnf(pos, "field \"taxonomies\": no document uses %q, so it gets no pages; list terms in a document's front matter (%s: [\"…\"]) or remove it from taxonomies", tax, tax)
		}
	}
}

// termPages are the list pages of one term of one language, and all the
// documents they list.
type termPages struct {
	tax, slug string
	items     []*Page
	pages     []*Page
}

// termAlternates finds a term's page in each other language: the term
// written the same way ("Miskolc" in every language), else the term its
// documents' translations give at the same place in their list (the
// Slovak "zamestnanosť" is the English "employment" when the translations
// put it there), else that language's index of the taxonomy, marked
// missing. Page n of a term's list has page n of the other's as its
// counterpart, else the other's first page, marked missing (not a
// translation for hreflang). same holds the first page of every term by
// "term:TAX:SLUG", byFirst the lists of a term by its first page; slugify
// is the build's cached markdown.Slugify.
func (r *resolver) termAlternates(tp *termPages, same map[string]map[string]*Page, byFirst map[*Page]*termPages, slugify func(string) string) {
	s := r.site
	lang := tp.pages[0].Lang
	other := map[string]*termPages{}
	for _, l := range s.Config.Codes() {
		if l == lang {
			continue
		}
		first := same["term:"+tp.tax+":"+tp.slug][l]
		if first == nil {
			if slug := r.translatedTerms(tp.tax, lang, l, slugify)[tp.slug]; slug != "" {
				first = same["term:"+tp.tax+":"+slug][l]
			}
		}
		if first != nil {
			other[l] = byFirst[first]
		}
	}
	for n, p := range tp.pages {
		p.Alternates = r.fallbacksOr(lang, func(l string) (*Page, bool) {
			if o := other[l]; o != nil {
				if n < len(o.pages) {
					return o.pages[n], true
				}
				return o.pages[0], false
			}
			return s.ByLang[l].Taxonomy[tp.tax], false
		})
	}
}

// translatedTerms maps each term (by slug) of taxonomy tax in language
// from to the slug of the term that the translations into language to most
// often write where the documents write it (ties: the first to reach the
// highest count, in the language's document order), or "" when none does.
// One pass over the language's documents serves every term, where asking
// term by term walked a common term's thousands of documents once per term
// page set; the result is kept for the other terms of the same pair.
func (r *resolver) translatedTerms(tax, from, to string, slugify func(string) string) map[string]string {
	key := tax + "\x00" + from + "\x00" + to
	if m, ok := r.termVotes[key]; ok {
		return m
	}
	type tally struct {
		votes map[string]int
		best  string
	}
	tallies := map[string]*tally{}
	for _, d := range r.site.ByLang[from].Docs {
		t := d.Translations[to]
		if t == nil {
			continue
		}
		mine, theirs := d.Meta.Terms(tax), t.Meta.Terms(tax)
		if len(mine) != len(theirs) {
			continue // not the same list, translated
		}
		for i, name := range mine {
			own := slugify(name)
			tl := tallies[own]
			if tl == nil {
				tl = &tally{votes: map[string]int{}}
				tallies[own] = tl
			}
			slug := slugify(theirs[i])
			tl.votes[slug]++
			if tl.votes[slug] > tl.votes[tl.best] {
				tl.best = slug
			}
		}
	}
	m := make(map[string]string, len(tallies))
	for own, tl := range tallies {
		m[own] = tl.best
	}
	if r.termVotes == nil {
		r.termVotes = map[string]map[string]string{}
	}
	r.termVotes[key] = m
	return m
}

// fallbacksOr lists a page's counterparts in the other languages as find
// gives them (ok: the same page in that language, not a fallback); where
// find has nothing, the other language's home with the "not translated"
// notice.
func (r *resolver) fallbacksOr(lang string, find func(l string) (*Page, bool)) []Alternate {
	var alts []Alternate
	for _, l := range r.site.Config.Codes() {
		if l == lang {
			continue
		}
		if p, ok := find(l); p != nil {
			alts = append(alts, Alternate{Lang: l, URL: p.URL, Missing: !ok})
		} else {
			alts = append(alts, Alternate{Lang: l, URL: r.url(l+"/") + "#untranslated", Missing: true})
		}
	}
	return alts
}

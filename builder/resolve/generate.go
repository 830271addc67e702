package resolve

import (
	"sort"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

// HomeItems is how many of the newest documents a home page shows.
const HomeItems = 6

// generatedPages adds the pages no file asks for: homes, section lists,
// taxonomies, search, downloads, the language chooser and the 404 page.
func (r *resolver) generatedPages(diags *diag.List) {
	s := r.site
	// Term names repeat across thousands of documents: slugify each once.
	slugCache := map[string]string{}
	slugify := func(name string) string {
		slug, ok := slugCache[name]
		if !ok {
			slug = markdown.Slugify(name)
			slugCache[name] = slug
		}
		return slug
	}
	// genKey → lang → page, to link generated pages across languages.
	same := map[string]map[string]*Page{}
	add := func(key string, p *Page) {
		p.URL = r.url(p.Path)
		p.idx = int32(len(s.Pages))
		s.Pages = append(s.Pages, p)
		if key == "" {
			return
		}
		if same[key] == nil {
			same[key] = map[string]*Page{}
		}
		same[key][p.Lang] = p
	}
	for _, p := range s.Docs {
		s.Pages = append(s.Pages, p)
	}
	checked := map[string]bool{} // section folders whose names were checked
	used := map[string]bool{}    // taxonomies with at least one term
	var termSets []*termPages    // for their counterparts in the other languages
	for _, code := range s.Config.Codes() {
		lang := s.ByLang[code]
		home := &Page{Kind: KindHome, Lang: code, Path: code + "/", Toolkits: lang.Toolkits}
		for _, d := range lang.Docs {
			if d.Meta.Type != schema.Page && d.Meta.Type != schema.Toolkit && len(home.Items) < HomeItems {
				home.Items = append(home.Items, d)
			}
		}
		lang.Home = home
		add("home", home)

		bySection := map[string][]*Page{}
		var sections []string
		for _, d := range lang.Docs {
			if d.Section == "" {
				continue
			}
			if bySection[d.Section] == nil {
				sections = append(sections, d.Section)
			}
			bySection[d.Section] = append(bySection[d.Section], d)
		}
		sort.Strings(sections)
		for _, sec := range sections {
			if !checked[sec] {
				checked[sec] = true
				r.checkFolder(sec, diags)
			}
			items := bySection[sec]
			if sec == "toolkits" {
				items = lang.Toolkits
			}
			first := &Page{Kind: KindSection, Lang: code, Section: sec, Path: code + "/" + sec + "/"}
			first.URL = r.url(first.Path)
			r.claimSection(first)
			for n, p := range r.paginate(first, items) {
				if n > 0 {
					r.claimFurther(p, first)
				}
				add("list:"+sec+":"+itoa(n+1), p)
				lang.Sections[sec] = append(lang.Sections[sec], p)
			}
		}

		for ti, tax := range s.Config.Taxonomies {
			index := &Page{Kind: KindTaxonomy, Lang: code, Taxonomy: tax, Path: code + "/" + tax + "/"}
			terms := map[string]*term{}
			var slugs []string
			for _, d := range lang.Docs {
				for i, name := range d.Meta.Terms(tax) {
					slug := slugify(name)
					if slug == "" {
						diags.Errorf(r.termPos(d, ti, i), "field %q: the term %q has no letters or digits to make an address from; write it with letters or digits, or remove it", tax, name)
						continue
					}
					tm := terms[slug]
					if tm == nil {
						tm = &term{page: &Page{Kind: KindTerm, Lang: code, Taxonomy: tax, Title: name, Path: code + "/" + tax + "/" + slug + "/"}, pos: r.termPos(d, ti, i)}
						terms[slug] = tm
						slugs = append(slugs, slug)
					} else if name != tm.page.Title {
						tm.variant(name, r.termPos(d, ti, i), r.url(tm.page.Path), diags)
					}
					t := tm.page
					if len(t.Items) == 0 || t.Items[len(t.Items)-1] != d {
						t.Items = append(t.Items, d)
					}
				}
			}
			if len(slugs) == 0 {
				continue
			}
			used[tax] = true
			sort.Strings(slugs)
			refs := make(map[string]TermRef, len(slugs))
			add("terms:"+tax, index)
			lang.Taxonomy[tax] = index
			for _, slug := range slugs {
				tm := terms[slug]
				t := tm.page
				ref := TermRef{Name: t.Title, URL: r.url(t.Path), Count: len(t.Items)}
				index.TermList = append(index.TermList, ref)
				refs[slug] = ref
				tp := &termPages{tax: tax, slug: slug, items: t.Items}
				for n, p := range r.paginate(t, t.Items) {
					if n == 0 {
						r.site.urls.claim(p.Path, tm.claim(p.URL))
						add("term:"+tax+":"+slug, p)
					} else {
						r.claimFurther(p, t)
						add("", p)
					}
					tp.pages = append(tp.pages, p)
				}
				termSets = append(termSets, tp)
			}
			// Each document lists its terms in the order its editor wrote them.
			for _, d := range lang.Docs {
				for _, name := range d.Meta.Terms(tax) {
					if ref, ok := refs[slugify(name)]; ok {
						if d.Terms == nil {
							d.Terms = map[string][]TermRef{}
						}
						d.Terms[tax] = append(d.Terms[tax], ref)
					}
				}
			}
		}
		if r.opts.Search {
			lang.Search = &Page{Kind: KindSearch, Lang: code, Path: code + "/search/"}
			add("search", lang.Search)
		}
		if r.opts.Downloads {
			lang.Downloads = &Page{Kind: KindDownloads, Lang: code, Path: code + "/downloads/"}
			add("downloads", lang.Downloads)
		}
		lang.Register = &Page{Kind: KindRegister, Lang: code, Path: code + "/register/"}
		add("register", lang.Register)
		lang.Reuse = &Page{Kind: KindReuse, Lang: code, Path: code + "/reuse/"}
		add("reuse", lang.Reuse)
	}
	r.unusedTaxonomies(used, diags)
	def := s.Config.DefaultLanguage
	add("", &Page{Kind: KindChooser, Lang: def, Path: ""})
	nf := &Page{Kind: KindNotFound, Lang: def, Path: "404.html"}
	add("", nf)
	// Each language has its own page for addresses that do not exist, in
	// its words; the one at the root sends readers to theirs.
	for _, code := range s.Config.Codes() {
		add("", &Page{Kind: KindNotFound, Lang: code, Path: code + "/404.html"})
	}
	byFirst := make(map[*Page]*termPages, len(termSets))
	for _, tp := range termSets {
		byFirst[tp.pages[0]] = tp
	}
	for _, tp := range termSets {
		r.termAlternates(tp, same, byFirst, slugify)
	}

	for _, p := range s.Pages {
		if p.Kind == KindDocument || p.Kind == KindTerm || p.Kind == KindChooser || p.Kind == KindNotFound {
			continue
		}
		key := genKey(p)
		p.Alternates = r.fallbacks(p.Lang, func(l string) *Page { return same[key][l] })
	}
}

// paginate splits items into list pages of the configured size: first
// keeps its path, the others get page/N/ below it; each knows its neighbours.
func (r *resolver) paginate(first *Page, items []*Page) []*Page {
	per := r.site.Config.Paginate
	total := max((len(items)+per-1)/per, 1)
	pages := make([]*Page, total)
	for n := 1; n <= total; n++ {
		p := first
		if n > 1 {
			next := *first
			p = &next
			p.Path = first.Path + "page/" + itoa(n) + "/"
		}
		p.Items = items[(n-1)*per : min(n*per, len(items))]
		p.Pager = &Pager{Num: n, Total: total}
		p.URL = r.url(p.Path)
		pages[n-1] = p
	}
	for i, p := range pages {
		if i > 0 {
			p.Pager.Prev = pages[i-1].URL
		}
		if i+1 < len(pages) {
			p.Pager.Next = pages[i+1].URL
		}
	}
	return pages
}

func genKey(p *Page) string {
	switch p.Kind {
	case KindHome, KindSearch, KindDownloads, KindRegister, KindReuse:
		return string(p.Kind)
	case KindSection:
		return "list:" + p.Section + ":" + itoa(p.Pager.Num)
	case KindTaxonomy:
		return "terms:" + p.Taxonomy
	}
	return ""
}

// fallbacks lists p's counterparts in the other languages; where find has
// none, the other language's home with the "not translated" notice.
func (r *resolver) fallbacks(lang string, find func(l string) *Page) []Alternate {
	var alts []Alternate
	for _, l := range r.site.Config.Codes() {
		if l == lang {
			continue
		}
		if t := find(l); t != nil {
			alts = append(alts, Alternate{Lang: l, URL: t.URL})
		} else {
			alts = append(alts, Alternate{Lang: l, URL: r.url(l+"/") + "#untranslated", Missing: true})
		}
	}
	return alts
}

package resolve

import (
	"fmt"
	"slices"
	"strings"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

func (o *Options) defaults() {
	if o.Content == "" {
		o.Content = "content"
	}
	if o.StaticDir == "" {
		o.StaticDir = "static"
	}
}

// sortedInputs returns the inputs in path order, so that which of two
// colliding files is reported, and what the site holds, never depends on the
// order the caller read them in. The loader already sorts: then it is one pass.
func sortedInputs(in []Input) []Input {
	byPath := func(a, b Input) int { return strings.Compare(a.Doc.Path, b.Doc.Path) }
	if slices.IsSortedFunc(in, byPath) {
		return in
	}
	in = slices.Clone(in)
	slices.SortFunc(in, byPath)
	return in
}

// claimSite claims the paths of the pages and files the site makes by
// itself, whatever the content: they cannot move, so whatever else lands on
// one of them is what the editor has to rename.
func (r *resolver) claimSite() {
	s := r.site
	cfgPos := diag.Pos{File: s.Config.File()}
	own := func(p, what, fix string) {
		s.urls.claim(p, claim{rank: rankSite, pos: cfgPos, what: what, url: r.url(p), fix: fix})
	}
	const langFix = "give the languages in site.yaml other codes"
	own("", "the language chooser", langFix)
	own("404.html", "the page for addresses that do not exist (404)", langFix)
	own("sitemap.xml", "the sitemap", langFix)
	for _, ext := range []string{"csv", "json", "xlsx"} {
		own("register."+ext, "the register of outputs ("+ext+")", "rename or remove it")
	}
	// dissem writes robots.txt unless the site has its own in static/.
	if !slices.Contains(r.opts.Static, "robots.txt") {
		own("robots.txt", "the file for search engines (robots.txt)", "remove it, or put your own robots.txt in static/")
	}
	for _, code := range s.Config.Codes() {
		own(code+"/", "the "+code+" home page", langFix)
		own(code+"/404.html", "the "+code+" page for addresses that do not exist (404)", langFix)
		own(code+"/index.xml", "the "+code+" news feed", langFix)
		if r.opts.Search {
			own(code+"/search/", "the site's search page", langFix)
			own(code+"/search/index.json", "the search index", langFix)
		}
		if r.opts.Downloads {
			own(code+"/downloads/", "the downloads page", langFix)
		}
		own(code+"/register/", "the register of outputs", langFix)
		own(code+"/reuse/", "the page on reusing the site's guides", langFix)
		// A taxonomy's address is kept even while no document uses it, so
		// that the first term written later does not break the site.
		for i, tax := range s.Config.Taxonomies {
			p := code + "/" + tax + "/"
			s.urls.claim(p, claim{rank: rankSite, pos: s.Config.Pos("taxonomies." + itoa(i)), url: r.url(p),
				what: fmt.Sprintf("the index of the taxonomy %q", tax), fix: fmt.Sprintf("rename the taxonomy %q in site.yaml", tax)})
		}
	}
}

// claimFiles claims the content tree's other files (copied to media/) and
// the static files.
func (r *resolver) claimFiles() {
	for _, f := range r.site.Media {
		src := r.opts.Content + "/" + f
		r.site.urls.claim("media/"+f, claim{rank: rankFile, pos: diag.Pos{File: src}, what: src, self: "its address", url: r.site.MediaURL(f), fix: "rename one of the files"})
	}
	for _, f := range r.opts.Static {
		src := r.opts.StaticDir + "/" + f
		if dir := r.searchFolder(f); dir != "" {
			// The index's files (meta.json, s/…, d/…) are named by what
			// the pages hold, so they cannot be claimed one by one: the
			// folder is the build's, and a static file there was silently
			// replaced (or replaced a part of the index).
			r.site.urls.diags.Errorf(diag.Pos{File: src}, "its address %s is inside the folder of the search index (%s), which the build writes; move the file elsewhere in static/", r.url(f), r.url(dir))
			continue
		}
		r.site.urls.claim(f, claim{rank: rankFile, pos: diag.Pos{File: src}, what: src, self: "its address", url: r.url(f), fix: "rename or remove it"})
	}
}

// searchFolder returns the search page's folder ("en/search/") when the
// static file f lies below it (not the page itself, claimed as such), or "".
func (r *resolver) searchFolder(f string) string {
	if !r.opts.Search {
		return ""
	}
	for _, code := range r.site.Config.Codes() {
		dir := code + "/search/"
		if strings.HasPrefix(f, dir) && f != dir+"index.html" {
			return dir
		}
	}
	return ""
}

// docSlug is the last segment of a document's address: its "slug" field,
// else its file name made a slug. A name with nothing to make an address of
// ("???.en.md") is an error: its page would be the section's own list.
func docSlug(d *content.Doc, m *schema.Meta, diags *diag.List) (string, bool) {
	if m.Slug != "" {
		if markdown.Slugify(m.Slug) == "" {
			diags.Errorf(m.Pos["slug"], "field \"slug\": %q has no letters or digits to make an address from; write a name like \"household-survey\"", m.Slug)
			return "", false
		}
		return m.Slug, true
	}
	slug := markdown.Slugify(d.Base)
	if slug == "" {
		diags.Errorf(diag.Pos{File: d.Path}, "the file name %q has no letters or digits to make an address from; rename the file, e.g. to household-survey.%s.md, or add a field like \"slug: household-survey\"", d.Base, d.Lang)
		return "", false
	}
	return slug, true
}

// docClaim is a document's claim on its page's path: at its "slug" field
// when it has one, else at the file, whose name made the address.
func docClaim(d *content.Doc, m *schema.Meta, url string) claim {
	if m.Slug != "" {
		return claim{rank: rankSlug, pos: m.Pos["slug"], what: d.Path, self: "its address", url: url, fix: "change its \"slug\""}
	}
	return claim{rank: rankFile, pos: diag.Pos{File: d.Path}, what: d.Path, self: "its address", url: url, fix: "rename the file or give it another \"slug\""}
}

// checkFolder reports a section folder whose name is not an address
// segment as it is ("Guides", "case studies", "faq?"): the folder's name is
// written into every address below it.
func (r *resolver) checkFolder(sec string, diags *diag.List) {
	slug := markdown.Slugify(sec)
	if slug == sec {
		return
	}
	pos := diag.Pos{File: r.opts.Content + "/" + sec + "/"}
	if slug == "" {
		diags.Errorf(pos, "the folder name %q has no letters or digits to make an address from; rename the folder, e.g. to guides", sec)
		return
	}
	diags.Errorf(pos, "the folder name %q is part of addresses, which use lower-case letters, digits and hyphens; rename the folder to %q", sec, slug)
}

// claimSection claims a section's list, its feed and page/ below it, where
// the list continues when it is longer than one page.
func (r *resolver) claimSection(first *Page) {
	folder := r.opts.Content + "/" + first.Section + "/"
	pos := diag.Pos{File: folder}
	urls := r.site.urls
	urls.claim(first.Path, claim{rank: rankFolder, pos: pos, what: "the list of the folder " + folder, self: "the folder's list", url: first.URL, fix: "rename the folder"})
	urls.claim(first.Path+"index.xml", claim{rank: rankFolder, pos: pos, what: "the news feed of the folder " + folder, self: "the folder's news feed", url: first.URL + "index.xml", fix: "rename the folder"})
	urls.claim(first.Path+"page/", claim{rank: rankSite, pos: pos, what: "where the list of " + folder + " continues (" + first.URL + "page/2/ …)", url: first.URL + "page/", fix: "rename the folder"})
}

// skips counts the documents left out of a build, to explain an empty site.
type skips struct{ drafts, scheduled, expired int }

// report is the error for a build that would publish no document: an
// editor's mistake (an emptied or misnamed folder, every file a draft) must
// not replace a good site with an empty one.
func (s skips) report(contentDir string, inputs int, diags *diag.List) {
	pos := diag.Pos{File: contentDir}
	const keep = "nothing was published, and the site published before stays as it was"
	if inputs == 0 {
		diags.Errorf(pos, "the folder holds no documents (Markdown files such as about.en.md); %s", keep)
		return
	}
	var why []string
	if s.drafts > 0 {
		why = append(why, count(s.drafts, "draft", "drafts"))
	}
	if s.scheduled > 0 {
		why = append(why, count(s.scheduled, "with a publish_date still to come", "with a publish_date still to come"))
	}
	if s.expired > 0 {
		why = append(why, count(s.expired, "past its expiry_date", "past their expiry_date"))
	}
	hint := ""
	if s.drafts > 0 {
		hint = "; to preview drafts, build with --drafts"
	}
	diags.Errorf(pos, "no document can be published (%s); %s%s", strings.Join(why, ", "), keep, hint)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

package resolve

import (
	"github.com/4im-project/dissem/builder/diag"
)

// properNameTaxonomies hold names (of partners, of cities) that are written
// the same in every language, so a term shared with another language's
// file is expected there.
var properNameTaxonomies = map[string]bool{"partners": true, "cities": true}

// lintTranslatedTerms warns when a translation keeps a term of its source
// language: topics are written in the file's language ("lakhatás" in a
// Hungarian file, not "housing"), and a copied English term makes a
// Hungarian term page nobody finds. The source is the default language's
// version; a term counts as copied when every document of the language that
// uses it has it in its source too. Two passes over the documents, whatever
// the number of copies.
func (r *resolver) lintTranslatedTerms(diags *diag.List) {
	def := r.site.Config.DefaultLanguage
	type use struct{ all, copied int }
	uses := map[[3]string]*use{}
	for _, p := range r.site.Docs {
		if p.Lang == def {
			continue
		}
		src := p.Translations[def]
		for _, tax := range r.site.Config.Taxonomies {
			if properNameTaxonomies[tax] {
				continue
			}
			for _, t := range p.Meta.Terms(tax) {
				k := [3]string{p.Lang, tax, t}
				u := uses[k]
				if u == nil {
					u = &use{}
					uses[k] = u
				}
				u.all++
				if src != nil && contains(src.Meta.Terms(tax), t) {
					u.copied++
				}
			}
		}
	}
	for _, p := range r.site.Docs {
		src := p.Translations[def]
		if p.Lang == def || src == nil {
			continue
		}
		for ti, tax := range r.site.Config.Taxonomies {
			if properNameTaxonomies[tax] {
				continue
			}
			for i, t := range p.Meta.Terms(tax) {
				u := uses[[3]string{p.Lang, tax, t}]
				if u.all == u.copied && contains(src.Meta.Terms(tax), t) {
					lang := r.site.Config.Language(p.Lang).Name
					diags.Warnf(r.termPos(p, ti, i), "%s %q is the %s version's term; write the %s term, as the other %s documents do, or it gets a page of its own",
						tax, t, r.site.Config.Language(def).Name, lang, lang)
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

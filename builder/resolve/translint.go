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
// uses it has it in its source too.
func (r *resolver) lintTranslatedTerms(diags *diag.List) {
	def := r.site.Config.DefaultLanguage
	for _, p := range r.site.Docs {
		src := p.Translations[def]
		if p.Lang == def || src == nil {
			continue
		}
		for ti, tax := range r.site.Config.Taxonomies {
			if properNameTaxonomies[tax] {
				continue
			}
			srcTerms := map[string]bool{}
			for _, t := range src.Meta.Terms(tax) {
				srcTerms[t] = true
			}
			for i, t := range p.Meta.Terms(tax) {
				// Shared only with sources: every document of this language
				// that uses it has the term in its source too.
				if srcTerms[t] && r.onlyCopied(p.Lang, def, tax, t) {
					diags.Warnf(r.termPos(p, ti, i), "%s %q is the %s version's term; write the %s term, as the other %s documents do, or it gets a page of its own",
						tax, t, r.site.Config.Language(def).Name, r.site.Config.Language(p.Lang).Name, r.site.Config.Language(p.Lang).Name)
				}
			}
		}
	}
}

// onlyCopied reports whether every document of lang using term t of tax
// has t in its def-language version too.
func (r *resolver) onlyCopied(lang, def, tax, t string) bool {
	for _, q := range r.site.ByLang[lang].Docs {
		if !contains(q.Meta.Terms(tax), t) {
			continue
		}
		src := q.Translations[def]
		if src == nil || !contains(src.Meta.Terms(tax), t) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

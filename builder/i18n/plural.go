package i18n

import (
	"strings"
)

// The CLDR plural categories a counted UI string may have forms for.
const (
	One   = "one"
	Few   = "few"
	Many  = "many"
	Other = "other"
)

// pluralRule is a language's CLDR cardinal rule for whole numbers ≥ 0,
// with the categories that whole numbers reach (required in the UI strings
// files) and those only decimals reach (accepted, falling back to other).
type pluralRule struct {
	of       func(n int) string
	required []string
	optional []string
}

// oneOther is the rule of English, Hungarian, German and most languages of
// the EU: 1 is one, everything else other.
var oneOther = pluralRule{of: func(n int) string {
	if n == 1 {
		return One
	}
	return Other
}, required: []string{One, Other}}

// pluralRules are the CLDR cardinal rules (unicode.org/cldr, plurals.xml)
// of the site languages dissem has been used with, and of their
// neighbours. A language not listed gets oneOther.
var pluralRules = map[string]pluralRule{
	// Slovak and Czech: one (1), few (2–4), many (decimals: 1,5 strany),
	// other (0, 5…).
	"sk": {of: czechSlovak, required: []string{One, Few, Other}, optional: []string{Many}},
	"cs": {of: czechSlovak, required: []string{One, Few, Other}, optional: []string{Many}},
	// French and Portuguese: 0 and 1 are one.
	"fr": {of: func(n int) string {
		if n <= 1 {
			return One
		}
		return Other
	}, required: []string{One, Other}, optional: []string{Many}},
	// Polish: one (1), few (2–4, 22–24 … but not 12–14), many (the rest).
	"pl": {of: func(n int) string {
		switch {
		case n == 1:
			return One
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return Few
		}
		return Many
	}, required: []string{One, Few, Many, Other}},
}

func czechSlovak(n int) string {
	switch {
	case n == 1:
		return One
	case n >= 2 && n <= 4:
		return Few
	}
	return Other
}

func ruleOf(code string) pluralRule {
	base, _, _ := strings.Cut(code, "-")
	if r, ok := pluralRules[base]; ok {
		return r
	}
	return oneOther
}

// PluralCategory is the CLDR cardinal plural category of the whole number
// n in language code: "one", "few", "many" or "other". Slovak: 1 one,
// 2–4 few, 0 and 5 or more other.
func PluralCategory(code string, n int) string {
	if n < 0 {
		n = -n
	}
	return ruleOf(code).of(n)
}

// Tn returns the UI string key of language code for the count n: the form
// "key.<category>" (see PluralCategory), else "key.other", else the plain
// "key", with "{n}" replaced by n formatted for the language ("12 345")
// and a no-break space after it.
func (c *Catalog) Tn(code, key string, n int) string {
	s, ok := c.form(code, key, PluralCategory(code, n))
	if !ok {
		s = c.T(code, key+"."+Other)
	}
	num := strings.TrimSpace(intString(n))
	if l := c.langs[code]; l != nil {
		num = l.FormatInt(n)
	}
	// The number never ends a line apart from its noun: "4 oldal".
	s = strings.ReplaceAll(s, "{n} ", num+nbsp)
	return strings.ReplaceAll(s, "{n}", num)
}

// form looks up key in its plural form cat, else other, else key itself.
func (c *Catalog) form(code, key, cat string) (string, bool) {
	l := c.langs[code]
	if l == nil {
		return "", false
	}
	if s, ok := l.Strings[key+"."+cat]; ok {
		return s, true
	}
	if s, ok := l.Strings[key+"."+Other]; ok {
		return s, true
	}
	s, ok := l.Strings[key]
	return s, ok
}

// PluralForms returns the forms of the counted string key in language
// code, by category, for a script that counts in the browser (it picks one
// with Intl.PluralRules). Every category the language has is present.
func (c *Catalog) PluralForms(code, key string) map[string]string {
	r := ruleOf(code)
	forms := map[string]string{}
	for _, cat := range append(append([]string(nil), r.required...), r.optional...) {
		if s, ok := c.form(code, key, cat); ok {
			forms[cat] = s
		}
	}
	if len(forms) == 0 {
		c.T(code, key+"."+Other) // recorded as missing
	}
	return forms
}

// checkPlurals reports a counted string (one with a ".other" form) that
// lacks a form its language needs, and a form the language does not have.
func checkPlurals(l *Lang, report func(key, msg string)) {
	r := ruleOf(l.Code)
	known := map[string]bool{}
	for _, c := range r.required {
		known[c] = true
	}
	for _, c := range r.optional {
		known[c] = true
	}
	for _, k := range sortedKeys(l.Strings) {
		base, cat, ok := cutLast(k, ".")
		if !ok || !isCategory(cat) {
			continue
		}
		if !known[cat] {
			report(k, "UI string "+quote(k)+": language "+quote(l.Code)+" has no plural form "+quote(cat)+"; its forms are "+strings.Join(append(append([]string(nil), r.required...), r.optional...), ", "))
			continue
		}
		if cat != Other {
			continue
		}
		for _, need := range r.required {
			if _, has := l.Strings[base+"."+need]; !has {
				report(k, "UI string "+quote(base)+": the plural form "+quote(base+"."+need)+" is missing for language "+quote(l.Code)+"; it needs "+strings.Join(r.required, ", ")+" (write "+example(l.Code, need)+")")
			}
		}
	}
}

// example names numbers that take the plural form cat in language code.
func example(code, cat string) string {
	var ns []string
	for n := 0; n <= 25 && len(ns) < 3; n++ {
		if PluralCategory(code, n) == cat {
			ns = append(ns, intString(n))
		}
	}
	if len(ns) == 0 {
		return "the form for decimal numbers"
	}
	return "the form used after " + strings.Join(ns, ", ")
}

func isCategory(s string) bool {
	switch s {
	case "zero", "two", One, Few, Many, Other:
		return true
	}
	return false
}

func cutLast(s, sep string) (before, after string, ok bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

func quote(s string) string { return `"` + s + `"` }

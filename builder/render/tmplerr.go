package render

import (
	"errors"
	"html/template"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	texttemplate "text/template"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
)

// Template errors are read by site designers: they point at the template
// ("templates/single.html:12:5: …"), say what is wrong without Go's words,
// and come once per distinct mistake, not once per page. Everything here
// runs only when a template fails, never on the path of a good page.

// TemplateError is a mistake in a template, at its position there.
type TemplateError struct {
	Pos diag.Pos
	Msg string
}

func (e *TemplateError) Error() string { return e.Pos.String() + ": " + e.Msg }

// Report turns the errors of rendering pages (errs[i] is pages[i]'s) into
// diagnostics: a template error once, at the template, with the first page
// it broke and how many; any other error once per page.
func Report(pages []*resolve.Page, errs []error) diag.List {
	var diags diag.List
	type seen struct {
		at    int // index in diags
		first string
		n     int
	}
	byMsg := map[string]*seen{}
	for i, err := range errs {
		if err == nil {
			continue
		}
		var te *TemplateError
		if !errors.As(err, &te) {
			diags.Errorf(diag.Pos{File: pageName(pages[i])}, "%v", err)
			continue
		}
		if s := byMsg[te.Error()]; s != nil {
			s.n++
			continue
		}
		byMsg[te.Error()] = &seen{at: len(diags), first: pageName(pages[i]), n: 1}
		diags.Errorf(te.Pos, "%s", te.Msg)
	}
	for _, s := range byMsg {
		on := " (while making " + s.first
		if s.n > 1 {
			on += " and " + strconv.Itoa(s.n-1) + " other page"
			if s.n > 2 {
				on += "s"
			}
		}
		diags[s.at].Msg += on + ")"
	}
	return diags
}

// execError turns an error of executing a template into a *TemplateError
// at the innermost template position it names (a part rendered through
// partialCached fails inside its own file).
func (r *Renderer) execError(err error) error {
	var inner *texttemplate.ExecError
	for e := err; e != nil; e = errors.Unwrap(e) {
		if x, ok := e.(texttemplate.ExecError); ok {
			inner = &x
		}
	}
	if errors.Is(err, errTooBig) {
		return err // about the page, not a place in a template
	}
	msg := err.Error()
	if inner != nil {
		msg = inner.Err.Error()
	}
	var herr *template.Error
	if errors.As(err, &herr) && inner == nil {
		// html/template's own errors, found when a template first runs
		// ("html/template:single.html:3:14: no such template …").
		msg = herr.Error()
	}
	pos, rest := templatePos(r.tmplDir, msg)
	// `executing "main" at <.Titel>: can't evaluate …`: keep the action.
	action := ""
	if after, ok := strings.CutPrefix(rest, "executing "); ok {
		if i := strings.Index(after, " at <"); i >= 0 {
			if j := strings.Index(after[i:], ">: "); j >= 0 {
				action = after[i+len(" at <") : i+j]
				rest = after[i+j+len(">: "):]
			}
		}
	}
	return &TemplateError{Pos: pos, Msg: plainMessage(rewrite(rest, action))}
}

// parseError turns a parse error of file name into a diagnostic.
func parseError(dir, name string, err error) diag.Diag {
	pos, rest := templatePos(dir, err.Error())
	if pos.File == "" || pos.File == dir {
		pos = diag.Pos{File: path.Join(dir, name)}
	}
	return diag.Diag{Pos: pos, Severity: diag.Error, Msg: plainMessage(rewrite(rest, ""))}
}

// templatePos reads "template: NAME:LINE[:COL]: rest" (the prefix may come
// twice, or as "html/template:NAME…") and returns the position in dir and
// the rest.
func templatePos(dir, msg string) (diag.Pos, string) {
	for {
		trimmed := strings.TrimPrefix(strings.TrimPrefix(msg, "template: "), "html/template:")
		if trimmed == msg {
			break
		}
		msg = trimmed
	}
	name, rest, ok := strings.Cut(msg, ":")
	if !ok || strings.ContainsAny(name, " \"") {
		return diag.Pos{File: dir}, msg
	}
	pos := diag.Pos{File: path.Join(dir, name)}
	num := func() (int, bool) {
		s, r, _ := strings.Cut(rest, ":")
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		rest = r
		return n, true
	}
	if pos.Line, _ = num(); pos.Line > 0 {
		// text/template counts columns from 0; editors and our messages from 1.
		if col, ok := num(); ok {
			pos.Col = col + 1
		}
	}
	return pos, strings.TrimSpace(rest)
}

// rewrite says text/template's messages in a designer's words.
func rewrite(msg, action string) string {
	var a, b string
	for _, noise := range []string{"error calling partialCached: ", "html/template: "} {
		msg = strings.TrimPrefix(msg, noise)
	}
	switch {
	case scan(msg, "can't evaluate field %s in type %s", &a, &b):
		return fieldMessage(a, b)
	case scan(msg, "nil pointer evaluating %s", &a):
		field := a[strings.LastIndexByte(a, '.'):]
		return "the template uses " + field + " of something this page does not have; check it first with {{with}} or {{if}}"
	case strings.HasPrefix(msg, "unexpected EOF"):
		return "the template ends inside an {{if}}, {{range}}, {{with}}, {{block}} or {{define}}: a {{end}} is missing"
	case scan(msg, "function %s not defined", &a):
		return "there is no function " + a + "; the functions are join, add, partialCached and those of Go templates (len, index, printf, eq …)"
	case scan(msg, "no such template %s", &a), scan(msg, "%s is undefined", &a):
		return "there is no template " + a + ": define it with {{define " + a + "}} in a file under templates/partials/"
	case scan(msg, "error calling %s: %s", &a, &b):
		return "{{" + a + "}} failed: " + b
	case scan(msg, "bad character %s", &a):
		return "a stray character " + strings.TrimPrefix(a[strings.IndexByte(a, ' ')+1:], " ") + " inside {{ }}: an action is written {{.Title}}, closed with two braces"
	case strings.HasPrefix(msg, "unclosed action"):
		return "an action opened with {{ is never closed with }}"
	case scan(msg, "unexpected {{end}}"):
		return "an {{end}} with no {{if}}, {{range}}, {{with}}, {{block}} or {{define}} open to close"
	case scan(msg, "unexpected %s in %s", &a, &b):
		return "unexpected " + a + " in the " + b + "; check the action's spelling"
	case strings.HasPrefix(msg, "exceeded maximum template depth"):
		return "templates call each other without end (more than 100,000 deep): does a template include itself?"
	}
	if action != "" {
		return msg + " (in {{" + action + "}})"
	}
	return msg
}

// scan matches msg against a pattern with %s holes (each one a word).
func scan(msg, pattern string, holes ...*string) bool {
	parts := strings.Split(pattern, "%s")
	if !strings.HasPrefix(msg, parts[0]) {
		return false
	}
	rest := msg[len(parts[0]):]
	for i, h := range holes {
		next := parts[i+1]
		var j int
		if next == "" {
			j = len(rest)
		} else if j = strings.Index(rest, next); j < 0 {
			return false
		}
		*h, rest = rest[:j], rest[j+len(next):]
	}
	return true
}

// goType matches Go type names ("*render.View", "resolve.Page") that a
// message should not show.
var goType = regexp.MustCompile(`\*?\b(render|resolve|schema|config|template|time|i18n)\.[A-Z][A-Za-z]*`)

// plainMessage replaces the Go type names left in a message.
func plainMessage(msg string) string {
	return goType.ReplaceAllStringFunc(msg, func(t string) string { return describe(t) })
}

// known are the types templates see, by the name Go gives them in errors.
var known = map[string]reflect.Type{
	"*render.View":      reflect.TypeFor[*View](),
	"*resolve.Page":     reflect.TypeFor[*resolve.Page](),
	"render.Link":       reflect.TypeFor[Link](),
	"render.Card":       reflect.TypeFor[Card](),
	"render.CardList":   reflect.TypeFor[CardList](),
	"render.TOCEntry":   reflect.TypeFor[TOCEntry](),
	"*resolve.Download": reflect.TypeFor[*resolve.Download](),
	"*resolve.Site":     reflect.TypeFor[*resolve.Site](),
}

// describe names a Go type as a designer knows it.
func describe(goName string) string {
	switch goName {
	case "*render.View":
		return "pages"
	case "*resolve.Page":
		return "a page (.Page, .Home, a list's items)"
	case "render.Link":
		return "a link (.URL, .Name …)"
	case "render.Card", "render.CardList":
		return "a card"
	}
	return "this value"
}

// fieldMessage says that .field does not exist on a value, and what does.
func fieldMessage(field, goName string) string {
	msg := "the template uses ." + field + ", which " + describe(goName) + " do not have"
	if goName != "*render.View" {
		msg = "the template uses ." + field + ", which " + describe(goName) + " does not have"
	}
	t, ok := known[goName]
	if !ok {
		return msg
	}
	names := fieldNames(t)
	if best := closest(field, names); best != "" {
		msg += " (did you mean ." + best + "?)"
	}
	for i := range names {
		names[i] = "." + names[i]
	}
	return msg + "; available: " + strings.Join(names, ", ")
}

// fieldNames lists what a template can write after a value of type t: its
// exported fields (with those of embedded structs) and methods.
func fieldNames(t reflect.Type) []string {
	set := map[string]bool{}
	for i := range t.NumMethod() {
		set[t.Method(i).Name] = true
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if f.IsExported() && !f.Anonymous {
				set[f.Name] = true
			}
		}
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// closest returns the name nearest to s by edit distance, if it is near.
func closest(s string, names []string) string {
	best, bestD := "", 3 // at most two edits away, one for short names
	if len(s) <= 4 {
		bestD = 2
	}
	for _, n := range names {
		if d := editDistance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of neighbours that turn a into b (so "Titel" is one from "Title").
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// errTooDeep stops partialCached calls that nest without end.
var errTooDeep = errors.New("partialCached calls nest without end: does a part include itself, directly or through another part?")

package schema

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

var fieldIndex = func() map[string]*field {
	m := make(map[string]*field, len(fields))
	for i := range fields {
		m[fields[i].name] = &fields[i]
	}
	return m
}()

// TypeOf returns a document's type: its `type:` field, else its section's.
func TypeOf(doc *content.Doc, sections map[string]string) string {
	if v := doc.Front.Get("type"); v != nil && v.Kind == content.Scalar {
		return v.Text
	}
	if t, ok := sections[doc.Section]; ok {
		return t
	}
	if t, ok := SectionTypes[doc.Section]; ok {
		return t
	}
	return Page
}

// Validate decodes doc's front matter for its type. sections may override
// the default folder types. Unknown fields are warnings; wrong or missing
// values are errors.
func Validate(doc *content.Doc, sections map[string]string) (*Meta, diag.List) {
	var d diag.List
	m := &Meta{Pos: map[string]diag.Pos{}}
	m.Type = TypeOf(doc, sections)
	if doc.Broken {
		return m, d
	}
	if !known(m.Type) {
		d.Errorf(posOf(doc, "type"), "field \"type\": want one of %s, got %q", strings.Join(Types, ", "), m.Type)
		return m, d
	}
	m.Brief = BriefByDefault(m.Type)
	front := doc.Front
	if doc.BodyLine <= 1 && len(front.Keys) == 0 && noFront(doc, m.Type, &d) {
		// No front matter at all (an empty file, or Markdown pasted without
		// it): one message saying so, not one per required field.
		return m, d
	}
	for _, key := range front.Keys {
		f := fieldIndex[key]
		v := front.Fields[key]
		m.Pos[key] = v.Pos
		switch {
		case f == nil:
			d.Warnf(front.KeyPos[key], "unknown field %q is ignored%s", key, suggest(key))
		case f.types != nil && !contains(f.types, m.Type):
			d.Warnf(front.KeyPos[key], "field %q does not apply to a %s and is ignored", key, m.Type)
		case v.Kind == content.Null, v.Kind == content.Scalar && strings.TrimSpace(v.Text) == "" && f.name != "title" && f.name != "summary":
			// An empty field is as good as an absent one.
		default:
			f.decode(key, v, m, &d)
		}
	}
	for _, f := range fields {
		if !contains(f.required, m.Type) {
			continue
		}
		v := front.Get(f.name)
		switch {
		case v == nil || v.Kind == content.Null || (v.Kind == content.Scalar && strings.TrimSpace(v.Text) == ""):
			d.Errorf(front.Pos, "missing required field %q for a %s; add a line like %s", f.name, m.Type, example(f.name))
		case v.Kind == content.Scalar && invisible(v.Text):
			// A title of zero-width spaces passed and made a page with no
			// heading, no link text and an empty entry in every list.
			d.Errorf(v.Pos, "field %q holds only invisible characters (zero-width spaces or direction marks, perhaps pasted); write it out, like %s", f.name, example(f.name))
		}
	}
	if n := utf8.RuneCountInString(m.Title); n > maxTitle {
		// Text pasted into the wrong field: shown whole in every list, tab,
		// feed and brief header (a 10 MB title made a list page pass 64 MB).
		d.Warnf(m.Pos["title"], "field \"title\" is %d characters long; a title is shown in lists, the browser's tab and the brief's header: keep it under %d characters and put the rest in the summary or the text", n, maxTitle)
	}
	if m.Image != "" && m.ImageAlt == "" {
		d.Errorf(posOf(doc, "image"), "field \"image_alt\": describe the image for readers who cannot see it; it is required when \"image\" is set")
	}
	if m.Type == Guide && m.Toolkit != "" && front.Get("order") == nil {
		d.Warnf(posOf(doc, "toolkit"), "field \"order\": a guide in a toolkit should say its place, e.g. \"order: 1\"")
	}
	checkEventEnd(m, &d) // cite.go
	if m.Draft {
		demoteDraft(m, d)
	}
	return m, d
}

// demoteDraft turns a draft's errors into warnings and marks it Incomplete:
// a draft is work in progress, so its empty or wrong fields must not stop the
// build of everything else, and it is left out of the site until they are
// fixed (it is never published anyway).
func demoteDraft(m *Meta, d diag.List) {
	for i := range d {
		if d[i].Severity == diag.Error {
			d[i].Severity = diag.Warning
			d[i].Msg = "draft: " + d[i].Msg
			m.Incomplete = true
		}
	}
}

func posOf(doc *content.Doc, key string) diag.Pos {
	if p, ok := doc.Front.KeyPos[key]; ok {
		return p
	}
	return doc.Front.Pos
}

func known(t string) bool { return contains(Types, t) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest names a known field that differs from key only by case or separators.
func suggest(key string) string {
	norm := func(s string) string { return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(s)) }
	for _, f := range fields {
		if norm(f.name) == norm(key) {
			return fmt.Sprintf("; did you mean %q?", f.name)
		}
	}
	return ""
}

var examples = map[string]string{
	"title":           `title: "Tetemvár pilot"`,
	"summary":         `summary: "One or two sentences."`,
	"date":            "date: 2024-05-31",
	"city":            "city: Miskolc",
	"country":         "country: Hungary",
	"period":          "period: {start: 2021-11-01, end: 2023-10-31}",
	"audience":        `audience: "Social workers and city staff"`,
	"recommendations": `recommendations: ["First recommendation"]`,
	"event_date":      "event_date: 2024-05-31",
	"location":        "location: Miskolc",
}

func example(name string) string {
	if e, ok := examples[name]; ok {
		return "\"" + strings.ReplaceAll(e, `"`, `'`) + "\""
	}
	return "\"" + name + ": …\""
}

// invisible reports whether s holds nothing a reader sees: only spaces and
// format characters (zero-width spaces and joiners, direction marks, the
// byte-order mark).
func invisible(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// maxTitle is the longest title that passes without a warning, in
// characters: the longest of the sample site's titles is under 120.
const maxTitle = 300

// noFront reports a document without front matter, naming the fields its
// type needs, and returns true; a type that needs none takes the file as it
// is (false).
func noFront(doc *content.Doc, typ string, d *diag.List) bool {
	var names []string
	for _, f := range fields {
		if contains(f.required, typ) {
			names = append(names, f.name)
		}
	}
	if len(names) == 0 {
		return false
	}
	what := "has no front matter"
	if len(bytes.TrimSpace(doc.Body)) == 0 {
		what = "is empty"
	}
	d.Errorf(diag.Pos{File: doc.Front.Pos.File, Line: 1, Col: 1},
		"the file %s; begin it with a line \"---\", then the fields %s of a %s one a line (like %s), then another line \"---\"",
		what, strings.Join(names, ", "), typ, example("title"))
	return true
}

package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/diag"
	"go.yaml.in/yaml/v4"
)

// shape checks a site.yaml node tree against the Go type it will be decoded
// into, before decoding, so that every mistake is reported at its own line
// in an editor's words ("field "paginate": want a whole number, got "ten"")
// instead of the decoder's ("cannot construct !!str into int"). It records
// where each value was written, for checks made after decoding.
type shape struct {
	file  string
	diags *diag.List
	// pos and keyPos hold each value's and each key's position by path:
	// "paginate", "menu.0", "sections.news", "languages.1.code".
	pos, keyPos map[string]diag.Pos
}

func (s *shape) at(n *yaml.Node) diag.Pos {
	return diag.Pos{File: s.file, Line: n.Line, Col: n.Column}
}

// value checks n against t. path is the value's key for pos; label names it
// in messages (`field "languages", item 2, "code"`).
func (s *shape) value(n *yaml.Node, t reflect.Type, path, label, want string) {
	s.pos[path] = s.at(n)
	if n.ShortTag() == "!!null" {
		return // unset: the zero value, as if the line were not there
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if want == "" {
		want = describe(t)
	}
	bad := func() { s.diags.Errorf(s.at(n), "%s: want %s, got %s", label, want, got(n)) }
	if t == reflect.TypeFor[PerLanguage]() {
		// One text, or a text per language.
		switch n.Kind {
		case yaml.ScalarNode:
		case yaml.MappingNode:
			s.value(n, reflect.TypeFor[Localized](), path, label, want)
		default:
			bad()
		}
		return
	}
	switch t.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			bad()
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			bad()
		}
	case reflect.Int:
		_, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, strconv.IntSize)
		switch {
		case n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" && !wholeNumber(n.Value):
			bad()
		case err != nil:
			s.diags.Errorf(s.at(n), "%s: want a whole number, got %s, which is too large", label, got(n))
		}
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			bad()
			return
		}
		for i, item := range n.Content {
			s.value(item, t.Elem(), path+"."+strconv.Itoa(i), fmt.Sprintf("%s, item %d", label, i+1), "")
		}
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			bad()
			return
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				s.diags.Errorf(s.at(k), "%s: a name must be plain text, got %s", label, got(k))
				continue
			}
			s.keyPos[path+"."+k.Value] = s.at(k)
			s.value(v, t.Elem(), path+"."+k.Value, fmt.Sprintf("%s, %q", label, k.Value), "")
		}
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			bad()
			return
		}
		s.fields(n, t, path, label)
	}
}

// fields checks the keys of mapping n against struct t's yaml names.
func (s *shape) fields(n *yaml.Node, t reflect.Type, path, label string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := fieldByName(t, k.Value)
		if k.Kind != yaml.ScalarNode || !ok {
			where := ""
			if label != "" {
				where = " in " + label
			}
			s.diags.Errorf(s.at(k), "unknown field %s%s%s", got(k), where, didYouMean(k.Value, t))
			continue
		}
		sub, name := k.Value, fmt.Sprintf("field %q", k.Value)
		if path != "" {
			sub, name = path+"."+k.Value, fmt.Sprintf("%s, %q", label, k.Value)
		}
		s.keyPos[sub] = s.at(k)
		s.value(v, f.Type, sub, name, f.Tag.Get("want"))
	}
}

// wholeNumber reports whether v is written like an integer (one too large
// for an int is tagged as a float).
func wholeNumber(v string) bool {
	v = strings.TrimLeft(v, "+-")
	return v != "" && strings.Trim(v, "0123456789") == ""
}

// fieldByName returns t's field whose yaml name is name.
func fieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); tag == name && f.IsExported() {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// describe says what a value of type t looks like, for "want …".
func describe(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Localized]():
		return "a text per language, like {en: …, hu: …}"
	case reflect.TypeFor[PerLanguage]():
		return "a text, or a text per language, like {en: …, hu: …}"
	case reflect.TypeFor[Language]():
		return "a language, like {code: en, name: English, locale: en_GB}"
	case reflect.TypeFor[KeyFigure]():
		return `a figure, like {value: "120", label: {en: …, hu: …}} or {amount: 762280, currency: EUR, label: …}`
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "a whole number"
	case reflect.Slice:
		return "a list, like [first, second]"
	}
	return "name: value pairs, like {name: value}"
}

// got describes what the editor wrote.
func got(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a group of fields"
	}
	v := n.Value
	if utf8.RuneCountInString(v) > 40 {
		v = string([]rune(v)[:40]) + "…"
	}
	return strconv.Quote(v)
}

// didYouMean names the field of t closest to name, when one is close.
func didYouMean(name string, t reflect.Type) string {
	best, bestDist := "", 3
	for i := range t.NumField() {
		cand, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if cand == "" {
			continue
		}
		d := distance(strings.ToLower(name), strings.ToLower(cand))
		if d < bestDist || d == bestDist && best == "" {
			best, bestDist = cand, d
		}
	}
	if best == "" || bestDist > 2 || bestDist == 2 && len(name) < 5 {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// distance is the edit distance between a and b (insertions, deletions,
// changes and swaps of two neighbours), in bytes: field names are ASCII.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1) // two letters swapped
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

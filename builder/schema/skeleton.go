package schema

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// SectionOf returns the default content folder of a type ("guide" → "guides").
func SectionOf(typ string) (string, bool) {
	for sec, t := range SectionTypes {
		if t == typ {
			return sec, true
		}
	}
	return "", false
}

// Skeleton returns a new document of type typ: front matter with every
// required field of the type (to be filled in), marked as a draft.
func Skeleton(typ, title string, date time.Time) (string, error) {
	if !known(typ) {
		types := append([]string(nil), Types...)
		sort.Strings(types)
		return "", fmt.Errorf("unknown type %q; want one of %s", typ, strings.Join(types, ", "))
	}
	var b strings.Builder
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %q\n", title)
	b.WriteString("summary: \"\"\n")
	fmt.Fprintf(&b, "date: %s\n", date.Format("2006-01-02"))
	b.WriteString("draft: true\n")
	for _, f := range fields {
		if f.name == "title" || f.name == "summary" || f.name == "date" || !contains(f.required, typ) {
			continue
		}
		if e, ok := examples[f.name]; ok {
			fmt.Fprintf(&b, "# e.g. %s\n", e)
		}
		switch f.name {
		case "period":
			b.WriteString("period: {start: , end: }\n")
		case "recommendations":
			b.WriteString("recommendations: []\n")
		default:
			fmt.Fprintf(&b, "%s: \"\"\n", f.name)
		}
	}
	b.WriteString("---\n\n")
	return b.String(), nil
}

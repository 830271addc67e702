package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
)

// tocTemplate is the loop TableOfContents replaces; its output is the oracle.
const tocTemplate = `<ol>
{{- range .}}
<li><a href="#{{.ID}}">{{.Text}}</a>
{{- with .Children}}
<ol>
{{- range .}}
<li><a href="#{{.ID}}">{{.Text}}</a></li>
{{- end}}
</ol>
{{- end}}</li>
{{- end}}
</ol>`

func TestTableOfContentsMatchesTemplate(t *testing.T) {
	h := func(level int, id, text string) markdown.Heading {
		return markdown.Heading{Level: level, ID: id, Text: text}
	}
	tests := []struct {
		name     string
		headings []markdown.Heading
	}{
		{"short", []markdown.Heading{h(2, "a", "A"), h(2, "b", "B")}},
		{"flat", []markdown.Heading{h(2, "a", "A"), h(2, "b", "B"), h(2, "c", "C")}},
		{"nested", []markdown.Heading{h(2, "a", "A"), h(3, "a-1", "A.1"), h(3, "a-2", "A.2"), h(2, "b", "B"), h(2, "c", "C"), h(3, "c-1", "C.1")}},
		{"h3 first", []markdown.Heading{h(3, "x", "X"), h(2, "a", "A"), h(2, "b", "B"), h(2, "c", "C")}},
		{"escaping", []markdown.Heading{h(2, "közösségi coaching", `Q&A <1> "x" 'y' a+b`), h(2, "a/b?c#d", "Kassa–Košice"), h(2, "ok_1.2~", "x\x00y")}},
	}
	tmpl := template.Must(template.New("toc").Parse(tocTemplate))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &View{Page: &resolve.Page{Body: &markdown.Doc{Headings: tt.headings}}}
			got := string(v.TableOfContents())
			want := ""
			if toc := v.TOC(); toc != nil {
				var b strings.Builder
				if err := tmpl.Execute(&b, toc); err != nil {
					t.Fatal(err)
				}
				want = b.String()
			}
			if got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

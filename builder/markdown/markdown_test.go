package markdown

import (
	"bytes"
	"strings"
	"testing"
)

var quotesHU = Quotes{Open: "„", Close: "”", OpenSingle: "»", CloseSingle: "«"}

func render(t *testing.T, m *Markdown, src string) string {
	t.Helper()
	d := m.Parse("x.md", []byte(src), 1)
	var b bytes.Buffer
	if err := m.Render(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Közösségi coaching", "kozossegi-coaching"},
		{"Bábonyibérc – első lépések", "babonyiberc-elso-lepesek"},
		{"Komunitný rozvoj: ďalšie kroky", "komunitny-rozvoj-dalsie-kroky"},
		{"  What's next?  ", "what-s-next"},
		{"Łódź 2024", "lodz-2024"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Slugify(tt.in); got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name      string
		opts      Options
		src, want string
	}{
		{"hungarian quotes", Options{Quotes: quotesHU}, `Ez a "projekt" neve.`, "<p>Ez a „projekt” neve.</p>\n"},
		{"slovak quotes", Options{Quotes: Quotes{"„", "“", "‚", "‘"}}, `To je "projekt".`, "<p>To je „projekt“.</p>\n"},
		{"english quotes", Options{Quotes: Quotes{"“", "”", "‘", "’"}}, `The "project" -- it's new...`, "<p>The “project” – it’s new…</p>\n"},
		{"heading id folds accents", Options{}, "## Közösségi coaching\n\n## Közösségi coaching", "<h2 id=\"kozossegi-coaching\">Közösségi coaching</h2>\n<h2 id=\"kozossegi-coaching-1\">Közösségi coaching</h2>\n"},
		{"raw html escaped", Options{}, "a <b>bold</b> move", "<p>a &lt;b&gt;bold&lt;/b&gt; move</p>\n"},
		{"raw html block escaped", Options{}, "<div>x</div>\n", "<p>&lt;div&gt;x&lt;/div&gt;\n</p>\n"},
		{"raw html allowed", Options{AllowHTML: true}, "a <b>bold</b> move", "<p>a <b>bold</b> move</p>\n"},
		{"task list", Options{TaskDone: "done", TaskOpen: "to do"}, "- [x] a\n- [ ] b", `<ul>
<li><span class="task" role="img" aria-label="done">☑</span> a</li>
<li><span class="task" role="img" aria-label="to do">☐</span> b</li>
</ul>
`},
		{"table", Options{TableLabel: "Table {n}"}, "| a | b |\n|---|---|\n| 1 | 2 |", "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table 1\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
		{"definition list", Options{}, "Term\n: Meaning", "<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>\n"},
		{"strikethrough", Options{}, "~~old~~", "<p><del>old</del></p>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, New(tt.opts), tt.src); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestFootnote(t *testing.T) {
	got := render(t, New(Options{}), "Text[^1].\n\n[^1]: Note.")
	if !strings.Contains(got, `role="doc-endnotes"`) || !strings.Contains(got, "Note.") {
		t.Errorf("footnote missing: %s", got)
	}
}

func TestLinksAndHeadingsHavePositions(t *testing.T) {
	src := "Intro line.\n\n## First part\n\nSee [the guide](../guides/x.md) and\n![](pic.png)\n"
	d := New(Options{}).Parse("content/a.en.md", []byte(src), 7)
	if len(d.Headings) != 1 || d.Headings[0].ID != "first-part" || d.Headings[0].Text != "First part" {
		t.Errorf("headings = %+v", d.Headings)
	}
	if len(d.Links) != 2 {
		t.Fatalf("links = %+v", d.Links)
	}
	if got := d.Links[0].Pos.String(); got != "content/a.en.md:11:5" {
		t.Errorf("link pos = %s, want content/a.en.md:11:5", got)
	}
	if d.Links[0].Dest != "../guides/x.md" {
		t.Errorf("dest = %q", d.Links[0].Dest)
	}
	if !d.Links[1].Image || d.Links[1].Alt != "" || d.Links[1].Pos.Line != 12 {
		t.Errorf("image = %+v", d.Links[1])
	}
}

func FuzzParse(f *testing.F) {
	f.Add("## H\n\n[a](b.md) \"q\" <i>x</i>\n\n| a |\n|---|\n| b |\n\n[^1]: n")
	m := New(Options{Quotes: quotesHU})
	f.Fuzz(func(t *testing.T, src string) {
		d := m.Parse("f.md", []byte(src), 1)
		for _, l := range d.Links {
			if l.Pos.Line < 1 || l.Pos.Col < 1 {
				t.Fatalf("bad position %+v", l.Pos)
			}
		}
		var b bytes.Buffer
		if err := m.Render(&b, d); err != nil {
			t.Fatal(err)
		}
	})
}

package schema

import (
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/content"
)

func load(t *testing.T, name, src string) (*Meta, []string) {
	t.Helper()
	fsys := fstest.MapFS{name: {Data: []byte(src)}}
	tree, diags := content.Load(fsys, content.Options{Prefix: "content", Languages: []string{"en", "hu", "sk"}, Default: "en"})
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	if len(tree.Docs) != 1 {
		t.Fatalf("loaded %d docs", len(tree.Docs))
	}
	m, vd := Validate(tree.Docs[0], nil)
	for _, d := range vd {
		msgs = append(msgs, d.String())
	}
	return m, msgs
}

const okCase = `---
title: "Tetemvár"
summary: "A pilot."
date: 2022-05-31
city: Miskolc
country: Hungary
period: {start: 2021-11-01, end: 2023-10-31}
indicators:
  - {name: Households, value: "120", target: "100"}
---
Body.
`

func TestValidCaseStudy(t *testing.T) {
	m, msgs := load(t, "case-studies/tetemvar.hu.md", okCase)
	if len(msgs) != 0 {
		t.Fatalf("unexpected diagnostics: %q", msgs)
	}
	if m.Type != CaseStudy || m.City != "Miskolc" || m.Period.End.Year() != 2023 || !m.Brief || len(m.Indicators) != 1 || m.Indicators[0].Target != "100" {
		t.Errorf("meta = %+v", m)
	}
}

// Each error kind, with its exact message and position.
func TestValidationMessages(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"bad date", "guides/x.hu.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\naudience: A\nevent_date: May\n---\n",
			[]string{`content/guides/x.hu.md:6:1: warning: field "event_date" does not apply to a guide and is ignored`}},
		{"date not a date", "events/x.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nlocation: Miskolc\nevent_date: May\n---\n",
			[]string{`content/events/x.en.md:6:13: field "event_date": want a date like 2024-05-31, got "May"`}},
		{"missing required", "policy-papers/p.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\n---\n",
			[]string{`content/policy-papers/p.en.md:2:1: missing required field "recommendations" for a policy-paper; add a line like "recommendations: ['First recommendation']"`}},
		{"empty list", "policy-papers/p.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nrecommendations: []\n---\n",
			[]string{`content/policy-papers/p.en.md:5:18: field "recommendations": want at least one item`}},
		{"unknown field", "news/n.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nTopics: [a]\n---\n",
			[]string{`content/news/n.en.md:5:1: warning: unknown field "Topics" is ignored; did you mean "topics"?`}},
		{"wrong type list", "news/n.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\ntopics: housing\n---\n",
			[]string{`content/news/n.en.md:5:9: field "topics": want a list like ["a", "b"], got "housing"`}},
		{"wrong type int", "events/e.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nevent_date: 2022-05-31\nlocation: L\nparticipants: many\n---\n",
			[]string{`content/events/e.en.md:7:15: field "participants": want a whole number like 12, got "many"`}},
		{"image without alt", "news/n.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nimage: a.jpg\n---\n",
			[]string{`content/news/n.en.md:5:1: field "image_alt": describe the image for readers who cannot see it; it is required when "image" is set`}},
		{"period reversed", "case-studies/c.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\ncity: M\ncountry: H\nperiod: {start: 2023-01-01, end: 2022-01-01}\n---\n",
			[]string{`content/case-studies/c.en.md:7:9: field "period": end 2022-01-01 is before start 2023-01-01`}},
		{"bad slug", "news/n.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\nslug: Új hír\n---\n",
			[]string{`content/news/n.en.md:5:7: field "slug": use only lower-case letters a-z, digits and hyphens, got "Új hír"`}},
		{"unknown type", "news/n.en.md", "---\ntype: blog\ntitle: T\nsummary: S\ndate: 2022-05-31\n---\n",
			[]string{`content/news/n.en.md:2:1: field "type": want one of case-study, guide, policy-paper, event-report, news, press-release, toolkit, page, got "blog"`}},
		{"yaml syntax", "news/n.en.md", "---\ntitle: T: U\nsummary: S\n---\n",
			[]string{`content/news/n.en.md:2:9: the value contains ": "; put the whole value in quotes, like title: "Rent: a guide"`}},
		{"unknown language suffix", "news/n.de.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31\n---\n",
			[]string{`content/news/n.de.md: language "de" in the file name is not one of the site's languages (en, hu, sk); name the file n.en.md or add the language to site.yaml`}},
		{"rfc3339 date accepted", "news/n.en.md", "---\ntitle: T\nsummary: S\ndate: 2022-05-31T10:00:00+02:00\n---\n", nil},
		{"toml front matter", "news/n.en.md", "+++\ntitle = \"T\"\nsummary = \"S\"\ndate = 2022-05-31\n+++\nBody\n", nil},
		{"toml syntax", "news/n.en.md", "+++\ntitle = \"T\nsummary = \"S\"\n+++\n",
			[]string{`content/news/n.en.md:2:11: front matter (TOML): strings cannot contain newlines`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := load(t, tt.file, tt.src)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d diagnostics:\n%q\nwant:\n%q", len(got), got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("got  %s\nwant %s", got[i], tt.want[i])
				}
			}
		})
	}
}

func TestBodyLine(t *testing.T) {
	fsys := fstest.MapFS{"news/n.md": {Data: []byte("\n---\ntitle: T\n---\nfirst body line\n")}}
	tree, _ := content.Load(fsys, content.Options{Prefix: "content", Languages: []string{"en"}, Default: "en"})
	d := tree.Docs[0]
	if d.BodyLine != 5 || string(d.Body) != "first body line\n" || d.Lang != "en" || d.Base != "n" || d.Section != "news" {
		t.Errorf("doc = %+v, body %q", d, d.Body)
	}
	if p := d.Front.KeyPos["title"]; p.Line != 3 {
		t.Errorf("title at line %d, want 3", p.Line)
	}
}

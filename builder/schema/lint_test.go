package schema

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/content"
)

func TestFindPersonalData(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Write to kovacs.janos@gmail.com today.", []string{"kovacs.janos@gmail.com"}},
		{"Call +36 30 123 4567 or 06-30/123-4567.", []string{"+36 30 123 4567", "06-30/123-4567"}},
		{"Tel.: (06 46) 123 456, Slovakia +421 905 123 456.", []string{"06 46) 123 456", "+421 905 123 456"}},
		{"Mobil: 0905 123 456", []string{"0905 123 456"}},
		{"Write to info@miskolc.hu or sajto@aeidl.eu.", nil},
		{"Budget €762,280 over 2021-11-01 to 2023-10-31; 3530 Miskolc; 0.5 FTE; 10 000 000 HUF.", nil},
		{"An @mention and a@b are not addresses; nor is x@localhost.", nil},
		{"Code ABC0123456789 is a reference.", nil},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range FindPersonalData([]byte(tt.text)) {
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("FindPersonalData(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name, src string
		public    map[string]bool
		want      []string
	}{
		{"clean", "---\ntitle: T\ndate: 2024-05-31\n---\nText.\n", nil, nil},
		{"lastmod before date", "---\ntitle: T\ndate: 2024-05-31\nlastmod: 2024-01-01\n---\nText.\n", nil,
			[]string{`content/x.en.md:4:1: warning: field "lastmod" (2024-01-01) is before "date" (2024-05-31)`}},
		{"heading first", "---\ntitle: T\ndate: 2024-05-31\n---\n\n# T\n\nText.\n", nil,
			[]string{`content/x.en.md:6:1: warning: the text starts with a "#" heading`}},
		{"section heading first is fine", "---\ntitle: T\ndate: 2024-05-31\n---\n## Method\n", nil, nil},
		{"email in body", "---\ntitle: T\ndate: 2024-05-31\n---\nText.\nÍrjon Annának: anna.kiss@freemail.hu.\n", nil,
			[]string{`content/x.en.md:6:16: warning: the text holds the e-mail address anna.kiss@freemail.hu; do not publish`}},
		{"phone in summary", "---\ntitle: T\nsummary: \"Call +36 30 123 4567\"\ndate: 2024-05-31\n---\n", nil,
			[]string{`content/x.en.md:3:10: warning: field "summary" holds the phone number +36 30 123 4567`}},
		{"allowed public contact", "---\ntitle: T\ndate: 2024-05-31\n---\nCall +36 46 512 700 or mayor.office@miskolc.hu\n",
			map[string]bool{NormalizeContact("+36-46-512-700"): true, NormalizeContact("Mayor.Office@miskolc.hu"): true}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, d := content.Load(fstest.MapFS{"x.en.md": {Data: []byte(tt.src)}}, content.Options{Prefix: "content", Languages: []string{"en"}, Default: "en"})
			m, vd := Validate(tree.Docs[0], nil)
			d.Append(vd)
			got := Lint(tree.Docs[0], m, tt.public)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d warnings, want %d:\n%s", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i].String(), w) {
					t.Errorf("got  %s\nwant %s…", got[i], w)
				}
			}
		})
	}
}

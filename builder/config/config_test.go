package config

import (
	"strings"
	"testing"
)

// base is a minimal good site.yaml; cases append to it or replace it.
const base = "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\n"

// TestParseErrors checks every site.yaml message word for word, with its
// line and column.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unknown key, close", base + "menus: []\n",
			`site.yaml:4:1: unknown field "menus"; did you mean "menu"?`},
		{"unknown key, case", base + "baseUrl: https://y.org/\n",
			`site.yaml:4:1: unknown field "baseUrl"; did you mean "baseURL"?`},
		{"unknown key, far", base + "colour: red\n",
			`site.yaml:4:1: unknown field "colour"`},
		{"unknown key in a language", "title: {en: T}\nbaseURL: https://x.org/\nlanguages:\n  - {code: en, nmae: English}\n",
			`site.yaml:4:16: unknown field "nmae" in field "languages", item 1; did you mean "name"?`},
		{"paginate text", base + "paginate: ten\n",
			`site.yaml:4:11: field "paginate": want a whole number, got "ten"`},
		{"paginate huge", base + "paginate: 99999999999999999999999\n",
			`site.yaml:4:11: field "paginate": want a whole number, got "99999999999999999999999", which is too large`},
		{"paginate 0", base + "paginate: 0\n",
			`site.yaml:4:11: field "paginate": want the number of items on a list page, 1 or more, got 0`},
		{"paginate -1", base + "paginate: -1\n",
			`site.yaml:4:11: field "paginate": want the number of items on a list page, 1 or more, got -1`},
		{"bool as text", base + "briefs: maybe\n",
			`site.yaml:4:9: field "briefs": want true or false, got "maybe"`},
		{"menu not a list", base + "menu: guides\n",
			`site.yaml:4:7: field "menu": want a list of section folders and page names, like [guides, about], got "guides"`},
		{"title a list", "title: [T]\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:1:8: field "title": want a text per language, like {en: …, hu: …}, got a list`},
		{"title text of a language a list", "title: {en: [T]}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:1:13: field "title", "en": want text, got a list`},
		{"sections a list", base + "sections: [news]\n",
			`site.yaml:4:11: field "sections": want a content type for each folder, like {reports: policy-paper}, got a list`},
		{"sections value a list", base + "sections:\n  news: [a, b]\n",
			`site.yaml:5:9: field "sections", "news": want text, got a list`},
		{"language not a mapping", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [en]\n",
			`site.yaml:3:13: field "languages", item 1: want a language, like {code: en, name: English, locale: en_GB}, got "en"`},
		{"key figure label text", base + "keyFigures:\n  - {value: 3, label: three}\n",
			`site.yaml:5:23: field "keyFigures", item 1, "label": want a text per language, like {en: …, hu: …}, got "three"`},
		{"key figure amount with a group mark", base + "keyFigures:\n  - {amount: \"762,280\", currency: EUR, label: {en: grant}}\n",
			`site.yaml:5:14: field "keyFigures", item 1, "amount": write the number plainly, with digits and at most one point before decimals, like 762280 or 1234.5, got "762,280"; each language shows it its own way`},
		{"key figure currency without amount", base + "keyFigures:\n  - {value: \"€5\", currency: EUR, label: {en: grant}}\n",
			`site.yaml:5:19: field "keyFigures", item 1: "currency" goes with an "amount", like {amount: 762280, currency: EUR}`},
		{"key figure without value", base + "keyFigures:\n  - {label: {en: grant}}\n",
			`site.yaml:5:5: field "keyFigures", item 1: give the figure a value, like {value: "2", …}, {values: {en: …, hu: …}, …} or {amount: 762280, currency: EUR, …}`},
		{"fundedBy not per language", base + "fundedBy: Funded by the EU\n",
			`site.yaml:4:11: field "fundedBy": want a text per language, like {en: …, hu: …}, got "Funded by the EU"`},
		{"publisher a list", base + "publisher: [AEIDL, Miskolc]\n",
			`site.yaml:4:12: field "publisher": want a text, or a text per language, like {en: …, hu: …}, got a list`},
		{"publisher per language, a list inside", base + "publisher: {en: [a]}\n",
			`site.yaml:4:17: field "publisher", "en": want text, got a list`},
		{"duplicate key", base + "paginate: 5\ntitle: {en: U}\n",
			`site.yaml:5:1: field "title" is given twice, on lines 1 and 5; keep one`},
		{"alias bomb", base + "publisher: &a x\ndescription: {en: *a}\n",
			`site.yaml:5:19: "*a" repeats a value marked with "&a"; repeating values this way is not supported here, write the value out in full`},
		{"syntax error", base + "publisher: \"AEIDL\n",
			`site.yaml:4:12: the text in quotes that starts here is never closed; add the closing quote mark (") at the end of the value`},
		{"empty", "",
			"site.yaml:1:1: the site configuration is empty; it needs at least a title, a baseURL and the languages, like:\n    title: {en: \"My site\"}\n    baseURL: \"https://example.org/\"\n    languages:\n      - {code: en, name: English}"},
		{"only comments", "# to do\n",
			"site.yaml:1:1: the site configuration is empty"},
		{"not a mapping", "- title\n",
			`site.yaml:1:1: the site configuration must be fields like "title: …", one a line; got a list`},
		{"UTF-16", "\xff\xfet\x00i\x00",
			`site.yaml:1:1: the file is saved as UTF-16; save it as UTF-8`},
		{"no languages", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: []\n",
			`site.yaml:3:1: field "languages": list at least one language, like "- {code: en, name: English}"`},
		{"no languages at all", "title: {en: T}\nbaseURL: https://x.org/\n",
			`site.yaml:1:1: field "languages": list at least one language`},
		{"language without name", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en}]\n",
			`site.yaml:3:13: field "languages", item 1: every language needs a code and a name, like {code: hu, name: Magyar}`},
		{"language code with a slash", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: ../en, name: English}]\n",
			`site.yaml:3:20: field "languages", item 1, "code": use a language code of lower-case letters, like en, hu or pt-br, got "../en"`},
		{"language twice", "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}, {code: en, name: E}]\n",
			`site.yaml:3:47: field "languages": "en" is listed twice`},
		{"default language unknown", base + "defaultLanguage: hu\n",
			`site.yaml:4:18: field "defaultLanguage": "hu" is not one of the languages`},
		{"base URL without scheme", "title: {en: T}\nbaseURL: x.org\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:2:10: field "baseURL": want an absolute address starting with https:// or http://, like https://example.org/, got "x.org"`},
		{"javascript base URL", "title: {en: T}\nbaseURL: \"javascript:alert(1)//\"\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:2:10: field "baseURL": want an absolute address starting with https:// or http://, like https://example.org/, got "javascript:alert(1)//"`},
		{"data base URL", "title: {en: T}\nbaseURL: \"data:text/html,x\"\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:2:10: field "baseURL": want an absolute address starting with https:// or http://`},
		{"base URL with query", "title: {en: T}\nbaseURL: \"https://x.org/?a=1\"\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:2:10: field "baseURL": want a plain address without a user name, "?" or "#", like https://example.org/, got "https://x.org/?a=1"`},
		{"missing base URL", "title: {en: T}\nlanguages: [{code: en, name: English}]\n",
			`site.yaml:1:1: field "baseURL": missing; give the address the site is published at, like https://example.org/`},
		{"missing title", "baseURL: https://x.org/\nlanguages: [{code: en, name: English}, {code: hu, name: Magyar}]\ntitle: {en: T}\n",
			`site.yaml:3:1: field "title": no title for language "hu"; add it, like {hu: "…"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("site.yaml", []byte(tt.src))
			if !strings.Contains(diags.String(), tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", diags, tt.want)
			}
			for _, goWord := range []string{"!!", "config.", "EOF", "unmarshal", "construct", "struct", "int64"} {
				if strings.Contains(diags.String(), goWord) {
					t.Errorf("message uses the Go word %q: %s", goWord, diags)
				}
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	c, diags := Parse("site.yaml", []byte("title: {en: T, sk: S}\nbaseURL: https://x.org/sub\nlanguages: [{code: en, name: English}, {code: sk, name: Slovenčina}]\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if c.DefaultLanguage != "en" || c.Paginate != 10 || c.BaseURL != "https://x.org/sub/" || !c.BriefsOn() || len(c.Taxonomies) != 3 {
		t.Errorf("config = %+v", c)
	}
}

// TestPositions checks that later stages can point at what site.yaml wrote.
func TestPositions(t *testing.T) {
	c, diags := Parse("site.yaml", []byte("\xef\xbb\xbf"+base+"menu:\n  - guides\n  - abuot\nsections: {reports: policy-paper}\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for path, want := range map[string]string{
		"menu.1":           "site.yaml:6:5",
		"sections.reports": "site.yaml:7:21",
		"nothing":          "site.yaml:1:1",
	} {
		if got := c.Pos(path).String(); got != want {
			t.Errorf("Pos(%q) = %s, want %s", path, got, want)
		}
	}
	if got := c.KeyPos("sections.reports").String(); got != "site.yaml:7:12" {
		t.Errorf("KeyPos = %s", got)
	}
}

// An amount written as a YAML number reaches the renderer as its digits.
func TestKeyFigureAmount(t *testing.T) {
	src := "title: {en: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}]\nkeyFigures:\n  - {amount: 762280, currency: EUR, label: {en: grant}}\n  - {amount: 1234.5, label: {en: km}}\n"
	c, diags := Parse("site.yaml", []byte(src))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if a, b := c.KeyFigures[0].Amount, c.KeyFigures[1].Amount; a != "762280" || b != "1234.5" {
		t.Errorf("amounts %q and %q, want 762280 and 1234.5", a, b)
	}
}

// TestPublisherPerLanguage: the publisher is one name for every language,
// or a name per language, with the one written for every language or the
// first language's as the fallback.
func TestPublisherPerLanguage(t *testing.T) {
	const base = "title: {en: T, hu: T, sk: T}\nbaseURL: https://x.org/\nlanguages: [{code: en, name: English}, {code: hu, name: Magyar}, {code: sk, name: Slovenčina}]\n"
	for _, tc := range []struct {
		yaml       string
		en, hu, sk string
	}{
		{"publisher: AEIDL\n", "AEIDL", "AEIDL", "AEIDL"},
		{"publisher: {en: City of Miskolc, hu: Miskolc Megyei Jogú Város Önkormányzata}\n", "City of Miskolc", "Miskolc Megyei Jogú Város Önkormányzata", "City of Miskolc"},
		{"", "", "", ""},
	} {
		c, d := Parse("site.yaml", []byte(base+tc.yaml))
		if d.HasErrors() {
			t.Fatalf("%q: %s", tc.yaml, d)
		}
		if en, hu, sk := c.PublisherIn("en"), c.PublisherIn("hu"), c.PublisherIn("sk"); en != tc.en || hu != tc.hu || sk != tc.sk {
			t.Errorf("%q: en %q, hu %q, sk %q; want %q, %q, %q", tc.yaml, en, hu, sk, tc.en, tc.hu, tc.sk)
		}
	}
}

package brief

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/markdown"
)

// hostile are characters the Liberation fonts lack, or that fpdf cannot
// encode, with what a brief prints for them.
var hostile = []struct {
	name, in, out string
}{
	{"emoji", "a😀b", "a?b"},
	{"emoji with variation selector", "❤️", "?"},
	{"CJK", "中文", "??"},
	{"last code point", "x\U0010FFFF", "x?"},
	{"replacement character", "\uFFFD", "?"},
	{"invalid UTF-8", "a\xffb", "a?b"},
	{"control character", "bell\u0007", "bell"},
	{"C1 control", "x\u0085y", "xy"},
	{"newline in metadata", "two\nlines", "two lines"},
	{"byte-order mark", "\uFEFFtitle", "title"},
	{"zero-width joiner (the font has it)", "a\u200Db", "a\u200Db"},
	{"lone combining accent (the font has it)", "\u0301e", "\u0301e"},
	{"non-breaking hyphen", "e\u2011mail", "e-mail"},
	{"quotes and dashes the font has", "„x” – y — z…", "„x” – y — z…"},
	{"Hungarian and Slovak", "Őrbottyán ľ ĺ ŕ", "Őrbottyán ľ ĺ ŕ"},
}

func TestPrintable(t *testing.T) {
	m := engine(t).met[serif]
	for _, tt := range hostile {
		if got := m.printable(tt.in); got != tt.out {
			t.Errorf("%s: printable(%q) = %q, want %q", tt.name, tt.in, got, tt.out)
		}
	}
	// The mono face lacks the typographic spaces the serif faces have.
	if got := engine(t).met[mono].printable("a\u2003b\u202Fc"); got != "a b\u00A0c" {
		t.Errorf("mono: printable(em space, narrow no-break space) = %q", got)
	}
}

// TestPrintableKeepsCleanText checks the fast path: text the face can show
// comes back as the same string, not a copy.
func TestPrintableKeepsCleanText(t *testing.T) {
	m := engine(t).met[serif]
	s := "Árvíztűrő tükörfúrógép, „idézet”"
	if got := m.printable(s); got != s {
		t.Fatalf("printable(%q) = %q", s, got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = m.printable(s) }); n != 0 {
		t.Errorf("printable allocates %v times for text the font has", n)
	}
}

func TestFitCutsOnceToWidth(t *testing.T) {
	m := engine(t).met[serifItalic]
	tests := []struct {
		s     string
		width float64
	}{
		{"Short title", 400}, {strings.Repeat("Long title ", 50), 400},
		{strings.Repeat("x", 20000), 471}, {"Wide", 1}, {"Őrbottyán", 20},
	}
	for _, tt := range tests {
		got := m.fit(tt.s, 8, tt.width)
		if got == tt.s {
			if m.width(got, 8) > tt.width {
				t.Errorf("fit(%.20q, %v) kept a string that is too wide", tt.s, tt.width)
			}
			continue
		}
		// The longest prefix that fits with an ellipsis, and at least one rune.
		body := strings.TrimSuffix(got, "…")
		if !strings.HasPrefix(tt.s, body) || body == "" {
			t.Fatalf("fit(%.20q) = %.20q, not a prefix with an ellipsis", tt.s, got)
		}
		if len([]rune(body)) > 1 && m.width(got, 8) > tt.width {
			t.Errorf("fit(%.20q, %v) = %.20q is %v wide", tt.s, tt.width, got, m.width(got, 8))
		}
		next := tt.s[:len(body)+len(string([]rune(tt.s[len(body):])[0]))]
		if m.width(next+"…", 8) <= tt.width {
			t.Errorf("fit(%.20q, %v) = %.20q: one more rune would fit", tt.s, tt.width, got)
		}
	}
}

func TestUnprintableWarnsOncePerCharacter(t *testing.T) {
	md := markdown.New(markdown.Options{Quotes: quotes["en"]})
	src := "## Steps 😀\n\nText 😀 again, 中 and \u0007.\n"
	d := &Document{Meta: Meta{Title: "A 😀 title", Authors: []string{"Ann 🎉"}},
		Body: md.Parse("x.md", []byte(src), 7)}
	got := engine(t).Unprintable(d, "content/x.md", 7).String()
	want := "" +
		"content/x.md: warning: the PDF brief's font has no glyph for 😀 (U+1F600) in the title; the brief prints ? instead\n" +
		"content/x.md: warning: the PDF brief's font has no glyph for 🎉 (U+1F389) in the authors; the brief prints ? instead\n" +
		"content/x.md:9:15: warning: the PDF brief's font has no glyph for 中 (U+4E2D); the brief prints ? instead\n" +
		"content/x.md:9:21: warning: the invisible control character U+0007 is left out of the PDF brief; delete it\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestBriefWithUnprintableCharacters lays out a brief with every kind of
// character the fonts lack in its title (so in the running header, the
// bookmarks and the metadata), headings, body, table, link text, code and
// footnote. It must build, and its text must hold everything else.
func TestBriefWithUnprintableCharacters(t *testing.T) {
	var all strings.Builder
	for _, h := range hostile {
		all.WriteString(h.in + " ")
	}
	bad := strings.ReplaceAll(all.String(), "\n", " ")
	src := "## Heading " + bad + "\n\n" +
		strings.Repeat("Paragraph with keep1 "+bad+" words to fill the page.\n\n", 40) +
		"| Col keep2 " + bad + " | B |\n|---|---|\n| keep3 " + bad + " | x |\n\n" +
		"A [link keep4 " + bad + "](https://example.eu/) and `code keep5 " + bad + "`.[^1]\n\n" +
		"```\nblock keep6 " + bad + "\n```\n\n" +
		"[^1]: Note keep7 " + bad + "\n"
	md := markdown.New(markdown.Options{Quotes: quotes["en"]})
	d := loadDoc(t, fixtures[2])
	d.Title = "Title keep0 " + bad
	d.Summary, d.Authors = "Summary "+bad, []string{"Author " + bad}
	d.Body = md.Parse("x.md", []byte(src), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages < 2 {
		t.Fatalf("%d pages: the running header is not tested", r.Pages)
	}
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, r.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
	for _, keep := range []string{"keep0", "keep1", "keep2", "keep3", "keep4", "keep5", "keep6", "keep7", "Őrbottyán", "„x”", "e-mail"} {
		if !strings.Contains(text, keep) {
			t.Errorf("the brief's text lacks %q", keep)
		}
	}
	if strings.Contains(text, "😀") || strings.Contains(text, "中") {
		t.Errorf("the brief prints characters its font lacks")
	}
	run(t, "qpdf", "--check", path)
}

// TestUnprintableInBoxes: a character the fonts lack in a recommendation
// or a key fact (front matter, no line to point at) is reported too.
func TestUnprintableInBoxes(t *testing.T) {
	d := &Document{Meta: Meta{Title: "T", Boxes: []Box{{Title: "Key recommendations",
		Lists: []BoxList{{Items: []string{"Act now 🚀"}}}, Facts: []Fact{{"Place", "Miskolc 🚀"}}}}}}
	got := engine(t).Unprintable(d, "content/x.md", 1).String()
	want := "content/x.md: warning: the PDF brief's font has no glyph for 🚀 (U+1F680) in the key facts or recommendations; the brief prints ? instead\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

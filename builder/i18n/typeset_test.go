package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// nb shows no-break spaces in test tables: "v~Miskolci" is "v\u00a0Miskolci".
func nb(s string) string { return strings.ReplaceAll(s, "~", "\u00a0") }

func TestTypeset(t *testing.T) {
	c := realCatalog(t)
	tests := []struct{ lang, in, want string }{
		// Quotes outer and inner, apostrophes.
		{"en", `The "Miskolc is 'our' place" programme`, "The “Miskolc is ‘our’ place” programme"},
		{"en", `The European Union's grant`, "The European Union’s grant"},
		{"en", `the partners' meeting`, "the partners’ meeting"},
		{"en", `'twas the '90s`, "‘twas the ’90s"},
		{"en", `("Quoted")`, "(“Quoted”)"},
		{"hu", `A "Miskolc a 'MI' helyünk" program`, nb(`A~„Miskolc a~»MI« helyünk” program`)},
		{"hu", `'tanuló' és 'lakó'`, "»tanuló« és »lakó«"},
		{"sk", `Projekt "Miskolc je 'naše' miesto"`, "Projekt „Miskolc je ‚naše‘ miesto“"},
		{"sk", `'trh' a 'práca'`, nb("‚trh‘ a~‚práca‘")},
		// No-break spaces after Slovak one-letter words and Hungarian articles.
		{"sk", "Integrované služby v Miskolci s Košicami a AEIDL", nb("Integrované služby v~Miskolci s~Košicami a~AEIDL")},
		{"sk", "V Košiciach i v Miskolci, k ľuďom o práci u nás z mesta", nb("V~Košiciach i~v~Miskolci, k~ľuďom o~práci u~nás z~mesta")},
		{"sk", "program vo meste", "program vo meste"}, // "vo" is not one letter
		{"hu", "Az Európai Unió a szociális innováció", nb("Az~Európai Unió a~szociális innováció")},
		{"hu", "Miskolc az otthonunk", nb("Miskolc az~otthonunk")},
		{"hu", "aza a", "aza a"}, // a word that merely starts with "az"; a word at the end
		{"en", "a plan in a city", "a plan in a city"},
		// Nothing to change: the same string.
		{"sk", "Košice", "Košice"},
		{"hu", "", ""},
	}
	for _, tt := range tests {
		if got := c.Lang(tt.lang).Typeset(tt.in); got != tt.want {
			t.Errorf("%s: Typeset(%q)\n got %q\nwant %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// A string with nothing to typeset must cost no allocation: titles and
// summaries go through Typeset on every page.
func TestTypesetUnchangedDoesNotAllocate(t *testing.T) {
	sk := realCatalog(t).Lang("sk")
	s := "Integrované služby pre Miskolc a Košice"[:27] // "Integrované služby pre Mis"
	if n := testing.AllocsPerRun(100, func() { _ = sk.Typeset(s) }); n != 0 {
		t.Errorf("Typeset of %q allocates %v times, want 0", s, n)
	}
}

func TestUIStringsAreTypeset(t *testing.T) {
	c := realCatalog(t)
	if got := c.T("sk", "no_downloads"); !strings.Contains(got, "V\u00a0slovenčine") {
		t.Errorf("sk no_downloads = %q, want a no-break space after V", got)
	}
}

func TestPluralCategory(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"},
		{"hu", 1, "one"}, {"hu", 5, "other"},
		{"sk", 0, "other"}, {"sk", 1, "one"}, {"sk", 2, "few"}, {"sk", 4, "few"}, {"sk", 5, "other"}, {"sk", 22, "other"}, {"sk", 101, "other"},
		{"pl", 22, "few"}, {"pl", 12, "many"}, {"fr", 0, "one"},
	}
	for _, tt := range tests {
		if got := PluralCategory(tt.lang, tt.n); got != tt.want {
			t.Errorf("PluralCategory(%s, %d) = %s, want %s", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestTn(t *testing.T) {
	c := realCatalog(t)
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, nb("1~page")}, {"en", 2, nb("2~pages")}, {"en", 12345, nb("12,345~pages")},
		{"hu", 1, nb("1~oldal")}, {"hu", 4, nb("4~oldal")},
		{"sk", 1, nb("1~strana")}, {"sk", 3, nb("3~strany")}, {"sk", 5, nb("5~strán")}, {"sk", 0, nb("0~strán")}, {"sk", 12345, nb("12~345~strán")},
	}
	for _, tt := range tests {
		if got := c.Tn(tt.lang, "pages_n", tt.n); got != tt.want {
			t.Errorf("%s: Tn(pages_n, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	forms := c.PluralForms("sk", "documents_n")
	if len(forms) != 4 || forms["few"] != "{n} dokumenty" {
		t.Errorf("sk PluralForms(documents_n) = %q, want one, few, many and other", forms)
	}
}

func TestPluralFormsChecked(t *testing.T) {
	fsys := fstest.MapFS{
		"en.yaml": {Data: []byte(base + "strings:\n  n.one: \"{n} page\"\n  n.other: \"{n} pages\"\n")},
		"sk.yaml": {Data: []byte(base + "strings:\n  n.one: \"{n} strana\"\n  n.other: \"{n} strán\"\n  n.two: x\n")},
	}
	_, diags := Load(fsys, "templates/i18n", []string{"en", "sk"})
	want := `templates/i18n/sk.yaml: UI string "n": the plural form "n.few" is missing for language "sk"; it needs one, few, other (write the form used after 2, 3, 4)
templates/i18n/sk.yaml: UI string "n.two": language "sk" has no plural form "two"; its forms are one, few, other, many
`
	if diags.String() != want {
		t.Errorf("got\n%s\nwant\n%s", diags, want)
	}
}

func TestNumbers(t *testing.T) {
	c := realCatalog(t)
	tests := []struct {
		lang                       string
		n                          int
		int_, dec, money, size, mb string
	}{
		{"en", 762280, "762,280", "1.5", "€762,280", "180\u00a0KB", "1.2\u00a0MB"},
		{"hu", 762280, nb("762~280"), "1,5", nb("762~280~€"), "180\u00a0KB", "1,2\u00a0MB"},
		{"sk", 762280, nb("762~280"), "1,5", nb("762~280~€"), "180\u00a0KB", "1,2\u00a0MB"},
	}
	for _, tt := range tests {
		l := c.Lang(tt.lang)
		money, err := l.FormatMoney("762280", "EUR")
		got := []string{l.FormatInt(tt.n), l.FormatDecimal(1.5, 1), money, l.FormatSize(180 * 1024), l.FormatSize(1258291)}
		want := []string{tt.int_, tt.dec, tt.money, tt.size, tt.mb}
		if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: got %q, want %q (%v)", tt.lang, got, want, err)
		}
	}
	if got := c.Lang("hu").FormatInt(4000); got != "4000" {
		t.Errorf("hu: FormatInt(4000) = %q, want 4000 (four digits stay whole)", got)
	}
	if _, err := c.Lang("en").FormatNumber("762,280"); err == nil {
		t.Errorf("FormatNumber accepted a number with a group mark")
	}
}

package brief

import (
	"reflect"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/markdown"
)

// TestHyphSegs: the letters a hyphenation break shows are split into the
// word's own (read back) and those the break adds (artifacts).
func TestHyphSegs(t *testing.T) {
	tests := []struct {
		word, pre, post string
		a, b            []seg
		ok              bool
	}{
		{"", "", "", nil, nil, true}, // an ordinary break: only the hyphen is added
		{"ssz", "sz", "sz", []seg{{"s", false}, {"z", true}}, []seg{{"sz", false}}, true}, // hosz-szú
		{"ccs", "cs", "cs", []seg{{"c", false}, {"s", true}}, []seg{{"cs", false}}, true}, // loc-csan
		{"lly", "ly", "ly", []seg{{"l", false}, {"y", true}}, []seg{{"ly", false}}, true}, // Kál-lyal
		{"ő", "ő", "", []seg{{"ő", false}}, nil, true},
		{"", "x", "", []seg{{"x", true}}, nil, true},
		{"abc", "ax", "y", nil, nil, false}, // letters the word does not have
	}
	for _, tt := range tests {
		a, b, ok := hyphSegs(tt.word, tt.pre, tt.post)
		if ok != tt.ok || ok && (!reflect.DeepEqual(a, tt.a) || !reflect.DeepEqual(b, tt.b)) {
			t.Errorf("hyphSegs(%q, %q, %q) = %v, %v, %v; want %v, %v, %v", tt.word, tt.pre, tt.post, a, b, ok, tt.a, tt.b, tt.ok)
		}
	}
}

// readBack is a paragraph's text as the structure tree gives it: the
// text ops that are not artifacts, with a space between ops unless the
// line broke inside the word (op.joins), as tagger.text writes it.
func readBack(rows []*row) (text string, hyphens int) {
	var b strings.Builder
	join := true
	for _, r := range rows {
		for _, o := range r.ops {
			switch {
			case o.kind != opText:
			case o.hyph:
				hyphens++
			default:
				if !join {
					b.WriteByte(' ')
				}
				b.WriteString(o.text)
				join = o.joins
			}
		}
	}
	return b.String(), hyphens
}

// TestHyphenIsArtifact sets paragraphs in narrow columns, so that words
// break, and reads their text back: it is the source's, word for word —
// without the hyphens the line breaker adds (also where Hungarian
// hyphenation changes letters: "hosszú" is set "hosz-/szú") and without
// the soft hyphens an editor put in, which are invisible unless a line
// breaks there.
func TestHyphenIsArtifact(t *testing.T) {
	tests := []struct {
		lang, text string
		width      float64
		soft       bool // the text's soft hyphens are its only break points
	}{
		{"hu", "A hosszú távú asszonyklub összegyűjtése hosszabb, mint a loccsanó tócsák vizsgálata, és a munkaerő-piaci szolgáltatások együttműködése hosszúra nyúlik.", 90, false},
		{"sk", "Mestská samospráva v spolupráci s mimovládnymi organizáciami zabezpečila nepretržité poskytovanie sociálnych služieb.", 100, false},
		{"en", "The Cél\u00adközön\u00adség and the neigh\u00adbour\u00adhood re\u00adgener\u00adation of \u00addis\u00ad\u00adadvantaged\u00ad areas.", 60, true},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			l := engine(t).newLayout(&Document{Meta: Meta{Lang: tt.lang}}, "", 1, nil)
			o := textOpts{fam: famSerif, size: bodySize, justify: true, hyphenate: true}
			rows := l.simple(tt.text, o, inlineState{}, textL, tt.width)
			got, hyphens := readBack(rows)
			want := strings.ReplaceAll(tt.text, "\u00ad", "")
			if got != want {
				t.Errorf("read back:\n%s\nwant:\n%s\nlines:\n%s", got, want, rowsText(rows))
			}
			if tt.lang == "hu" && !changed(rows) {
				t.Errorf("no break changed letters (hosz-szú): the test misses that case:\n%s", rowsText(rows))
			}
			if hyphens == 0 {
				t.Errorf("no word broke with a hyphen: the test sets nothing it checks:\n%s", rowsText(rows))
			}
			for i, r := range rows {
				for j, o := range r.ops {
					if strings.Contains(o.text, "\u00ad") {
						t.Errorf("line %d draws a soft hyphen: %q", i+1, o.text)
					}
					if o.hyph && o.text == "-" && j != len(r.ops)-1 {
						t.Errorf("line %d: an added hyphen that does not end the line", i+1)
					}
				}
			}
			if tt.soft {
				// Only at the editor's points: every line ends with a whole
				// word or with the part before a soft hyphen.
				parts := strings.FieldsFunc(tt.text, func(r rune) bool { return r == ' ' || r == '\u00ad' })
				for _, r := range rows {
					n := len(r.ops)
					if n < 2 || !r.ops[n-1].hyph {
						continue
					}
					f := strings.Fields(r.ops[n-2].text)
					if head := f[len(f)-1]; !contains(parts, head) {
						t.Errorf("a line breaks after %q, not at a soft hyphen", head)
					}
				}
			}
		})
	}
}

// changed reports whether a line ends in letters a break added.
func changed(rows []*row) bool {
	for _, r := range rows {
		for _, o := range r.ops {
			if o.hyph && o.text != "-" {
				return true
			}
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestHyphenStructText reads a brief's structure text back with poppler:
// its hyphenated paragraphs are the source's words, with no inserted
// hyphen and no space inside a word, while pdftotext (which reads the
// page as drawn) shows the hyphens at the lines' ends.
func TestHyphenStructText(t *testing.T) {
	para := "A foglalkoztatáspolitikai, szociálpolitikai és településfejlesztési együttműködések eredményeképpen a szolgáltatásfejlesztési munkacsoportok hosszú távú asszonyklubokat és egészségügyi szolgáltatásokat szerveztek, a Célközön\u00adség képviselőivel és a munkaerő-piaci programokkal összehangoltan."
	// The words broken as "hos-/szú" are a link's, too: its annotation's
	// /Contents is its text read the same way.
	linked := "munkacsoportok hosszú távú asszonyklubokat"
	src := "## Egy bekezdés\n\n" + strings.Repeat(strings.Replace(para, linked, "["+linked+"](https://example.eu/a)", 1)+"\n\n", 3)
	d := loadDoc(t, fixtures[0])
	d.Body = markdown.New(markdown.Options{Quotes: quotes["hu"]}).Parse("p.md", []byte(src), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "hyphens", r.PDF)
	if drawn := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"); !strings.Contains(drawn, "-\n") {
		t.Fatalf("no line ends in a hyphen: the test checks nothing:\n%s", drawn)
	}
	want := strings.ReplaceAll(para, "\u00ad", "")
	n := 0
	for _, e := range parseStructText(t, run(t, "pdfinfo", "-struct-text", path)).all() {
		if e.role == "P" && strings.HasPrefix(e.text(), "A foglalkoztatáspolitikai") {
			n++
			if got := e.text(); got != want {
				t.Errorf("structure text:\n%s\nwant:\n%s", got, want)
			}
		}
	}
	// An annotation per line the link is on, each with the whole text.
	json := run(t, "qpdf", "--json=2", path, "-")
	if all, whole := strings.Count(json, `"/Contents": "u:munkacsoportok`), strings.Count(json, `"/Contents": "u:`+linked+`"`); whole < 3 || all != whole {
		t.Errorf("%d of the link's %d annotations have the /Contents %q", whole, all, linked)
	}
	if n != 3 {
		t.Errorf("found %d of the 3 paragraphs in the structure", n)
	}
}

// TestSoftHyphenMetadata: where no line breaks — the PDF's metadata, the
// bookmarks, the running head — a soft hyphen in a title is dropped, not
// drawn or shown as a hyphen.
func TestSoftHyphenMetadata(t *testing.T) {
	d := loadDoc(t, fixtures[0])
	d.Title = "Cél\u00adközönség és fog\u00adlalkoztatás"
	d.Summary = "A cél\u00adközönség."
	d.Authors = []string{"Kovács\u00adné"}
	src := "## Egy fe\u00adjezet\n\n" + strings.Repeat("Egy bekezdés, amely a második oldalra visz, ahol a futófej a címet mutatja. ", 80) + "\n"
	d.Body = markdown.New(markdown.Options{Quotes: quotes["hu"]}).Parse("p.md", []byte(src), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pages < 2 {
		t.Fatalf("%d page: no running head to check", r.Pages)
	}
	path := writeTemp(t, "soft", r.PDF)
	info := run(t, "pdfinfo", "-meta", path)
	for _, want := range []string{"Célközönség és foglalkoztatás", "A célközönség.", "Kovácsné"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo -meta lacks %q:\n%s", want, info)
		}
	}
	drawn := run(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-")
	if strings.Contains(drawn+info, "\u00ad") || strings.Contains(drawn, "Cél-kö") || strings.Contains(drawn, "fe-je") {
		t.Errorf("a soft hyphen is drawn or kept:\n%s", drawn)
	}
	if out := run(t, "pdfinfo", "-struct-text", path); strings.Contains(out, "\u00ad") {
		t.Errorf("a soft hyphen in the structure text")
	}
}

// TestNoHyphenatedAcronyms: a word with two capitals or more (AEIDL,
// ROMACT, HÁRFA, EaSI) is never hyphenated, even in a narrow column where
// the words around it are; "AE-/IDL" reads as two words.
func TestNoHyphenatedAcronyms(t *testing.T) {
	text := "A tanulságokat az AEIDL építi be, a ROMACT programból átvett módszerrel, a HÁRFA Alapítvány és az EaSI programja szerint; a foglalkoztatáspolitikai együttműködés megerősítése."
	l := engine(t).newLayout(&Document{Meta: Meta{Lang: "hu"}}, "", 1, nil)
	o := textOpts{fam: famSerif, size: bodySize, justify: true, hyphenate: true}
	for _, width := range []float64{60, 80, 100, 120} {
		rows := l.simple(text, o, inlineState{}, textL, width)
		if _, hyphens := readBack(rows); hyphens == 0 {
			t.Errorf("%g pt: no word hyphenated: the test checks nothing", width)
		}
		for _, r := range rows {
			n := len(r.ops)
			if n < 2 || !r.ops[n-1].hyph {
				continue
			}
			f := strings.Fields(r.ops[n-2].text)
			if head := f[len(f)-1]; acronym(head) || strings.ToUpper(head) == head {
				t.Errorf("%g pt: an acronym hyphenated after %q:\n%s", width, head, rowsText(rows))
			}
		}
	}
}

// TestLastWordWhole: a paragraph's last line is not a fragment of under
// five letters of a hyphenated word (the Slovak key recommendations ended
// a line with "asistenci-" and put "ou." alone on the last), in justified
// and ragged text, at every width of a column.
func TestLastWordWhole(t *testing.T) {
	texts := map[string]string{
		"sk": "Mnohé menšie miestne príspevky mesta treba zjednodušiť a umožniť oprávneným domácnostiam uplatniť ich v jednom konaní s asistenciou.",
		"hu": "Rendezni kell a bejelentett lakcím nélkül élők helyzetét, hogy a hiányzó okmányok ne zárják ki őket az ellátásokból.",
		"en": "The Consortium Council of the six project partners coordinates the roles of the partners and keeps the council.",
	}
	for lang, text := range texts {
		l := engine(t).newLayout(&Document{Meta: Meta{Lang: lang}}, "", 1, nil)
		for _, justify := range []bool{true, false} {
			o := textOpts{fam: famSerif, size: bodySize, justify: justify, hyphenate: true}
			for width := 150.0; width <= 340; width += 5 {
				rows := l.simple(text, o, inlineState{}, textL, width)
				n := len(rows)
				if n < 2 {
					continue
				}
				prev := rows[n-2].ops
				if len(prev) > 0 && prev[len(prev)-1].hyph && countLetters(rows[n-1].desc) < 5 {
					t.Errorf("%s, %g pt (justified %v): the last line is a fragment:\n%s", lang, width, justify, rowsText(rows))
				}
			}
		}
	}
}

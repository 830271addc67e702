package brief

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/4im-project/dissem/builder/hyphen"
	"github.com/4im-project/dissem/builder/i18n"
	"github.com/4im-project/dissem/builder/markdown"
)

// catalog loads the site's UI strings (no-break words, quotation marks).
func catalog(t testing.TB) *i18n.Catalog {
	t.Helper()
	cat, diags := i18n.Load(os.DirFS("../../templates/i18n"), "templates/i18n", []string{"en", "hu", "sk"})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cat
}

var titleLine = regexp.MustCompile(`(?m)^title:\s*"(.*)"\s*$`)

// contentDoc reads a document of the sample site (content/REL) as a brief
// sees it: its title and body, with the language's typography.
func contentDoc(t testing.TB, cat *i18n.Catalog, rel string) *Document {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../content", rel))
	if err != nil {
		t.Fatal(err)
	}
	lang := strings.TrimSuffix(filepath.Ext(strings.TrimSuffix(rel, ".md")), "")[1:]
	parts := strings.SplitN(string(src), "\n---\n", 2)
	if len(parts) != 2 {
		t.Fatalf("%s: no front matter", rel)
	}
	li := cat.Lang(lang)
	md := markdown.New(markdown.Options{NoBreak: li.NoBreakBefore,
		Quotes: markdown.Quotes{Open: li.Quotes[0], Close: li.Quotes[1], OpenSingle: li.Quotes[2], CloseSingle: li.Quotes[3]}})
	title := ""
	if m := titleLine.FindStringSubmatch(parts[0]); m != nil {
		title = li.Typeset(m[1])
	}
	d := &Document{Meta: Meta{Lang: lang, Title: title, TypeLabel: "Brief"},
		Body: md.Parse(rel, []byte(parts[1]), 1), BaseURL: "https://example.eu/", NoBreak: li.NoBreakBefore,
		ReadFile: func(name string) ([]byte, error) {
			return os.ReadFile(filepath.Join("../../content", filepath.Dir(rel), filepath.FromSlash(name)))
		}}
	return d
}

// sampleDocs are the sample site's briefs the typography tests measure.
var sampleDocs = []string{
	"policy-papers/integrated-support-model.hu.md", "policy-papers/integrated-support-model.sk.md",
	"policy-papers/integrated-support-model.en.md", "case-studies/tetemvar.sk.md",
	"case-studies/babonyiberc.hu.md", "guides/household-survey.en.md", "guides/community-coaching.sk.md",
}

// bodyLines returns the text of every full line of the body's justified
// paragraphs (the last line of a paragraph is short by design), measured
// from the layout: the characters of the ops drawn on each row.
func bodyLines(l *layout) []string {
	var out []string
	for i, r := range l.rows {
		if i+1 == len(l.rows) || len(r.ops) == 0 {
			continue
		}
		next := l.rows[i+1]
		if next.before > 0.5 { // the last line of its paragraph
			continue
		}
		var b strings.Builder
		left, right := math.Inf(1), 0.0
		for _, o := range r.ops {
			if o.kind != opText || o.st.font == sansBold || o.st.font == mono || o.st.size != bodySize {
				b.Reset()
				left = -1
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(o.text)
			left, right = math.Min(left, o.x), math.Max(right, o.x+o.w)
		}
		// Only lines that span the column are full lines of text.
		if left == textL && right > textL+textW-1 {
			out = append(out, b.String())
		}
	}
	return out
}

// TestLineLength measures the characters per line of the sample briefs'
// body text from the layout: 60–80 on average in every language, and nine
// lines in ten within 55–88.
func TestLineLength(t *testing.T) {
	cat := catalog(t)
	for _, rel := range sampleDocs {
		l := engine(t).newLayout(contentDoc(t, cat, rel), "", 1, nil)
		l.body()
		lines := bodyLines(l)
		if len(lines) < 20 {
			t.Fatalf("%s: only %d full lines measured", rel, len(lines))
		}
		total, out := 0, 0
		for _, s := range lines {
			n := utf8.RuneCountInString(s)
			total += n
			if n < 55 || n > 88 {
				out++
			}
		}
		mean := float64(total) / float64(len(lines))
		t.Logf("%s: %d lines, %.1f characters a line", rel, len(lines), mean)
		if mean < 60 || mean > 80 {
			t.Errorf("%s: %.1f characters a line on average, want 60–80", rel, mean)
		}
		if out*10 > len(lines) {
			t.Errorf("%s: %d of %d lines outside 55–88 characters", rel, out, len(lines))
		}
	}
}

// TestHyphenationPerLanguage sets a paragraph of long words in a narrow
// column for Hungarian and Slovak and checks that lines end in hyphens
// where that language's patterns allow and English ones do not: it fails
// when a language's patterns are not applied (or another's are).
func TestHyphenationPerLanguage(t *testing.T) {
	texts := map[string]string{
		"hu": "Az önkormányzati együttműködés megerősítése érdekében a szolgáltatópontok munkatársai rendszeresen egyeztetnek a foglalkoztatási főosztállyal és a családsegítő szolgálatokkal.",
		"sk": "Mestská samospráva v spolupráci s mimovládnymi organizáciami zabezpečila nepretržité poskytovanie sociálnych služieb a zamestnanostných programov obyvateľom lokality.",
	}
	en, err := hyphen.For("en")
	if err != nil {
		t.Fatal(err)
	}
	for lang, text := range texts {
		t.Run(lang, func(t *testing.T) {
			own, err := hyphen.For(lang)
			if err != nil {
				t.Fatal(err)
			}
			l := engine(t).newLayout(&Document{Meta: Meta{Lang: lang}}, "", 1, nil)
			o := textOpts{fam: famSerif, size: bodySize, justify: true, hyphenate: true}
			rows := l.simple(text, o, inlineState{}, textL, 120)
			words := strings.Fields(text)
			hyphenated, ownOnly := 0, 0
			for i, r := range rows[:len(rows)-1] {
				// The hyphen is an op of its own (an artifact, setLine),
				// after the word's first letters.
				n := len(r.ops)
				if n < 2 || !r.ops[n-1].hyph || r.ops[n-1].text != "-" || r.ops[n-2].hyph {
					continue
				}
				parts := strings.Fields(r.ops[n-2].text + "-")
				head := strings.TrimSuffix(parts[len(parts)-1], "-")
				tail := strings.Fields(rows[i+1].ops[0].text)[0]
				word := strings.TrimRight(head+tail, ".,")
				found := false
				for _, w := range words {
					found = found || strings.TrimRight(w, ".,") == word
				}
				if !found {
					continue // a word with a hyphen of its own
				}
				hyphenated++
				at := utf8.RuneCountInString(head)
				if !breaksAt(own, word, at) {
					t.Errorf("%s patterns do not allow %s-%s", lang, head, tail)
				}
				if !breaksAt(en, word, at) {
					ownOnly++
				}
			}
			if hyphenated == 0 {
				t.Fatalf("no word hyphenated in a 120 pt column:\n%s", rowsText(rows))
			}
			if ownOnly == 0 {
				t.Errorf("every break is one English patterns make too: are the %s patterns applied?\n%s", lang, rowsText(rows))
			}
		})
	}
}

// breaksAt reports whether h hyphenates word after its first at letters.
func breaksAt(h *hyphen.Hyphenator, word string, at int) bool {
	for _, b := range h.Hyphenate(word) {
		if b.Start == at && b.Pre == "" {
			return true
		}
	}
	return false
}

func rowsText(rows []*row) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(r.desc + "\n")
	}
	return b.String()
}

// TestNoBreakAfterOneLetterWords lays out the sample site's Slovak and
// Hungarian briefs and checks that no line ends with a Slovak one-letter
// preposition or conjunction or a Hungarian article.
func TestNoBreakAfterOneLetterWords(t *testing.T) {
	cat := catalog(t)
	for _, rel := range sampleDocs {
		d := contentDoc(t, cat, rel)
		words := cat.Lang(d.Lang).NoBreakAfter
		if len(words) == 0 {
			continue
		}
		l := engine(t).newLayout(d, "", 1, nil)
		l.body()
		bad := 0
		for _, r := range l.rows {
			if len(r.ops) == 0 || r.ops[len(r.ops)-1].kind != opText {
				continue
			}
			f := strings.Fields(r.desc)
			if len(f) < 2 {
				continue
			}
			for _, w := range words {
				if strings.EqualFold(f[len(f)-1], w) {
					bad++
					t.Errorf("%s: a line ends with %q: %s", rel, w, r.desc)
				}
			}
		}
	}
}

// TestBalancedTitle: a title that takes several lines breaks them evenly
// (its shortest line a given share of its longest, more than the breaks
// that fill each line give), and one that fits a line stays one line.
func TestBalancedTitle(t *testing.T) {
	l := engine(t).newLayout(&Document{Meta: Meta{Lang: "hu"}}, "", 1, nil)
	o := textOpts{fam: famSans, bold: true, size: 26, color: colHeading}
	set := func(s string) []*row {
		z := itemizer{l: l, o: o}
		z.text(s, z.style(inlineState{}), false)
		return l.balanced(func(w float64) []*row { return l.setText(z.items, o, marginL, w) }, marginL, contentW*0.92)
	}
	for _, tt := range []struct {
		title string
		even  float64 // the shortest line's width over the longest's, at least
	}{
		{"Az integrált szociális, foglalkoztatási és pénzügyi támogatási modell", 0.6},
		{"Tetemvár: prepojená podpora v\u00a0susedstve centra mesta", 0.8}, // 0.76 unbalanced
		{"Household survey: how to map a neighbourhood with its residents", 0.8},
		{"Leszakadó városrészek integrációja Miskolcon és Kassán", 0.65},
		{"Community coaching in segregated neighbourhoods", 0.8}, // 0.47 unbalanced
	} {
		rows := set(tt.title)
		if len(rows) < 2 {
			t.Fatalf("%q: want two lines or more", tt.title)
		}
		short, long := math.Inf(1), 0.0
		for _, r := range rows {
			w := 0.0
			for _, o := range r.ops {
				w = math.Max(w, o.x+o.w-marginL)
			}
			short, long = math.Min(short, w), math.Max(long, w)
		}
		if short < tt.even*long {
			t.Errorf("unbalanced (%.2f): %s", short/long, strings.ReplaceAll(rowsText(rows), "\n", " / "))
		}
	}
	if rows := set("Rövid cím"); len(rows) != 1 {
		t.Errorf("a short title in %d lines", len(rows))
	}
}

package brief

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// CheckStructText reads the brief at path with poppler (pdfinfo
// -struct-text, -meta; pdftotext -bbox-layout) and qpdf, and checks what
// a screen reader gets: headings in order without a skipped level (H1
// first), every Figure described (its /Alt, read by qpdf, as poppler does
// not print it) and placed (/BBox), tables with scoped header cells, links
// as Link elements holding their text and annotation, every word of the
// text one the sources have (vocab: an inserted hyphen inside a word, or a
// space where a line broke inside one, makes a word no source has), all
// painted content tagged or an artifact, the document language lang, and
// the reading order that of the page (visualOrder).
func CheckStructText(t *testing.T, path, lang string, vocab map[string]bool) {
	t.Helper()
	name := filepath.Base(path)
	tree := parseStructText(t, run(t, "pdfinfo", "-struct-text", path))
	els := tree.all()
	if len(els) == 0 || els[0].role != "Document" {
		t.Fatalf("%s: the structure does not start with a Document", name)
	}
	figures := checkElems(t.Errorf, name, els)
	d := readQPDF(t, path)

	described := 0
	for _, e := range d.structTree(t) {
		if e.role == "Figure" && strings.TrimSpace(e.alt) != "" {
			described++
		}
	}
	if described != figures {
		t.Errorf("%s: poppler reads %d Figures, %d have /Alt", name, figures, described)
	}
	for i := range d.pages {
		if pm := scanContent(d.pageContent(i)); len(pm.untagged) > 0 || pm.unbalanced {
			t.Errorf("%s: page %d: %d painting operators neither tagged nor artifacts", name, i+1, len(pm.untagged))
		}
	}
	if got := text(d.root["/Lang"]); got != lang {
		t.Errorf("%s: document /Lang %q, want %q", name, got, lang)
	}
	if meta := run(t, "pdfinfo", "-meta", path); !strings.Contains(meta, "<rdf:li>"+lang+"</rdf:li>") {
		t.Errorf("%s: the XMP metadata gives no dc:language %s", name, lang)
	}
	checkWords(t.Errorf, name, tree.blockText(), vocab)
	visualOrder(t.Errorf, name, tree, run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-"))
}

// report is where a check tells a problem: t.Errorf, or a collector in
// the tests that plant one.
type report func(format string, args ...any)

// checkElems checks the elements of a tree (CheckStructText) and returns
// how many Figures it has.
func checkElems(report report, name string, els []*sNode) (figures int) {
	last := 0
	for _, e := range els {
		switch {
		case len(e.role) == 2 && e.role[0] == 'H' && e.role[1] >= '1' && e.role[1] <= '6':
			lv := int(e.role[1] - '0')
			if (last == 0 && lv != 1) || lv > last+1 {
				report("%s: %s %q after H%d", name, e.role, e.text(), last)
			}
			if strings.TrimSpace(e.text()) == "" {
				report("%s: an empty %s", name, e.role)
			}
			last = lv
		case e.role == "Figure":
			figures++
			if e.attrs["/BBox"] == "" {
				report("%s: a Figure without /BBox", name)
			}
		case e.role == "Table":
			if !e.has("TH") {
				report("%s: a Table without TH: %.60q", name, e.text())
			}
		case e.role == "TH":
			if s := e.attrs["/Scope"]; s != "/Column" && s != "/Row" {
				report("%s: TH %q without /Scope", name, e.text())
			}
		case e.role == "Link":
			objs := 0
			for _, k := range e.kids {
				if k.obj {
					objs++
				}
			}
			if strings.TrimSpace(e.text()) == "" || objs == 0 {
				report("%s: a Link with text %q and %d annotations", name, e.text(), objs)
			}
		}
		if e.role != "Link" {
			for _, k := range e.kids {
				if k.obj {
					report("%s: an annotation in %s, not in a Link", name, e.role)
				}
			}
		}
	}
	return figures
}

// apostrophes reads the typographer's apostrophe as the source's, and
// drops soft hyphens.
var apostrophes = strings.NewReplacer("’", "'", "\u00ad", "")

// wordRE is a word as the vocabulary and the check see it: letters, with
// hyphens and apostrophes inside.
var wordRE = regexp.MustCompile(`\p{L}+(?:[-']\p{L}+)*`)

// Vocabulary collects the words of the files under roots (Markdown, YAML),
// lower-cased: the words a brief may show.
func Vocabulary(t *testing.T, roots ...string) map[string]bool {
	t.Helper()
	v := map[string]bool{}
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".yaml") {
				return err
			}
			b, err := os.ReadFile(p)
			for _, w := range wordRE.FindAllString(apostrophes.Replace(string(b)), -1) {
				v[strings.ToLower(w)] = true
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return v
}

// checkWords reports the words of a brief's structure text that no source
// has: a word with an inserted hyphen ("hi-ányzó"), a word cut by a space
// ("hi ányzó"), or two words run together.
func checkWords(report report, name, text string, vocab map[string]bool) {
	seen := map[string]bool{}
	for _, f := range strings.Fields(text) {
		if strings.ContainsAny(f, "0123456789/@_=") {
			continue // numbers, dates, addresses
		}
		for _, w := range wordRE.FindAllString(apostrophes.Replace(f), -1) {
			if lw := strings.ToLower(w); !vocab[lw] && !seen[lw] {
				seen[lw] = true
				report("%s: the structure text has %q, a word no source has (a hyphen or space the line breaker put in?)", name, w)
			}
		}
	}
}

// bboxWord is a word pdftotext found on a page, where it is drawn.
type bboxWord struct {
	page int
	x, y float64
	w    string // norm
}

var bboxWordRE = regexp.MustCompile(`<page |<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>([^<]*)</word>`)

// norm keeps a word's letters and digits, lower-cased: pdftotext and the
// structure differ in punctuation, hyphens and no-break spaces.
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, html.UnescapeString(s))
}

// visualOrder checks that the structure's pieces of text (one a line,
// mostly) are read as they are printed: down the page, and up again only
// into a column to the right (a table's next cell, the second of two
// boxes side by side), never back to an earlier page. Each piece is found
// on the pages (pdftotext -bbox-layout) by its first words, after the
// last one found when it can be; pieces of fewer than three words
// (numbers, labels) are not looked for.
func visualOrder(report report, name string, tree *sNode, bbox string) {
	var words []bboxWord
	page := 0
	for _, m := range bboxWordRE.FindAllStringSubmatch(bbox, -1) {
		if m[0] == "<page " {
			page++
			continue
		}
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		if page > 1 && (y < headerY+8 || y > footerY-12) {
			continue // the running head and the page number: artifacts
		}
		for _, f := range strings.Fields(strings.ReplaceAll(html.UnescapeString(m[3]), "\u00a0", " ")) {
			if w := norm(f); w != "" {
				words = append(words, bboxWord{page, x, y, w})
			}
		}
	}
	used := map[int]bool{}
	match := func(i int, key []string) bool {
		if used[i] || i+len(key) > len(words) {
			return false
		}
		for k, w := range key {
			b := words[i+k]
			if b.page != words[i].page {
				return false
			}
			// The last word may be cut where its line broke.
			if b.w != w && (k < len(key)-1 || !strings.HasPrefix(b.w, w) && !strings.HasPrefix(w, b.w)) {
				return false
			}
		}
		return true
	}
	prevAt := -1
	var prevText string
	looked, found := 0, 0
	for _, p := range tree.pieces() {
		var key []string
		for _, f := range strings.Fields(strings.ReplaceAll(p, "\u00a0", " ")) {
			if w := norm(f); w != "" {
				key = append(key, w)
			}
		}
		if len(key) < 3 {
			continue // a number, a label: found anywhere
		}
		key = key[:min(len(key), 6)]
		looked++
		// Where the text goes on: after the last piece found (pdftotext
		// reads a page top down too); else anywhere on that page or later,
		// which is the fault this looks for.
		at := -1
		for i := prevAt + 1; i < len(words) && at < 0; i++ {
			if match(i, key) {
				at = i
			}
		}
		for i := 0; i <= prevAt && at < 0; i++ {
			if words[i].page >= words[prevAt].page && match(i, key) {
				at = i
			}
		}
		if at < 0 {
			continue
		}
		found++
		used[at] = true
		if prevAt >= 0 {
			q, prev := &words[at], &words[prevAt]
			if q.page < prev.page || q.page == prev.page && q.y < prev.y-2 && q.x <= prev.x+40 {
				report("%s: page %d: %q is read after %q but printed above it, not in a column to its right", name, q.page, p, prevText)
			}
		}
		prevAt, prevText = at, p
	}
	if found < looked*3/4 {
		report("%s: only %d of %d lines of the structure found on the pages: the order check sees too little", name, found, looked)
	}
}

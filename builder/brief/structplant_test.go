package brief

import (
	"fmt"
	"strings"
	"testing"
)

// The checks of CheckStructText, each shown a planted fault: a gate that
// cannot fail proves nothing.

// collect is a report that keeps what it is told.
type collect []string

func (c *collect) report(format string, args ...any) { *c = append(*c, fmt.Sprintf(format, args...)) }

func TestStructChecksBite(t *testing.T) {
	const good = `Document
  Sect
    H1 (block)
      "Title"
    H2 (block)
      "Part"
    Figure:
       /Placement /Block
       /BBox [62 268.6 533.28 503.93]
      ""
    Table (block)
      TR
        TH:
           /Scope /Column
          "Head"
    P (block)
      "See "
      Link (inline)
        "the guide"
        Object 3 0
`
	const bad = `Document
  Sect
    H1 (block)
      "Title"
    H3 (block)
      "Skipped a level"
    Figure:
       /Placement /Block
      ""
    Table (block)
      TR
        TD
          "x"
    P (block)
      Link (inline)
        Object 3 0
    P (block)
      "text"
      Object 4 0
`
	var c collect
	if checkElems(c.report, "good.pdf", parseStructText(t, good).all()); len(c) > 0 {
		t.Errorf("a sound tree reported: %q", c)
	}
	figures := checkElems(c.report, "bad.pdf", parseStructText(t, bad).all())
	for _, want := range []string{"H3 \"Skipped a level\" after H1", "a Figure without /BBox", "a Table without TH",
		"a Link with text \"\" and 1 annotations", "an annotation in P, not in a Link"} {
		if !strings.Contains(strings.Join(c, "\n"), want) {
			t.Errorf("the planted fault %q not reported: %q", want, c)
		}
	}
	if figures != 1 {
		t.Errorf("%d Figures counted, want 1", figures)
	}

	c = nil
	vocab := map[string]bool{"a": true, "célközönség": true, "hiányzó": true, "munkaerő-piaci": true}
	checkWords(c.report, "w.pdf", "A Célközönség, a munkaerő-piaci hiányzó 2024 https://x.eu/a-b", vocab)
	if len(c) > 0 {
		t.Errorf("words of the sources reported: %q", c)
	}
	checkWords(c.report, "w.pdf", parseStructText(t, "Document\n  P (block)\n    \"A Célközön- ség hi-\"\n    \"ányzó munkaerő\"\n    \"piaci\"\n").blockText(), vocab)
	if len(c) != 4 { // Célközön, ség, hi-ányzó, munkaerőpiaci
		t.Errorf("%d of 4 broken words reported: %q", len(c), c)
	}

	// Two pieces of text read first-then-second; printed with the second
	// above the first in the same column (wrong), or in a column to the
	// right (a table's next cell, a second box beside the first: right).
	tree := parseStructText(t, "Document\n  P (block)\n    \"alpha beta gamma delta\"\n  P (block)\n    \"one two three four\"\n")
	page := func(x2, y2 float64) string {
		var b strings.Builder
		b.WriteString(`<page width="595" height="842">`)
		for i, w := range strings.Fields("alpha beta gamma delta") {
			fmt.Fprintf(&b, `<word xMin="%d" yMin="300" xMax="1" yMax="1">%s</word>`, 62+40*i, w)
		}
		for i, w := range strings.Fields("one two three four") {
			fmt.Fprintf(&b, `<word xMin="%g" yMin="%g" xMax="1" yMax="1">%s</word>`, x2+float64(40*i), y2, w)
		}
		return b.String()
	}
	for _, tt := range []struct {
		name   string
		x2, y2 float64
		bad    bool
	}{{"below", 62, 320, false}, {"above", 62, 280, true}, {"right column, higher", 320, 200, false}} {
		c = nil
		visualOrder(c.report, tt.name, tree, page(tt.x2, tt.y2))
		if got := len(c) > 0; got != tt.bad {
			t.Errorf("%s: reported %v, want %v: %q", tt.name, got, tt.bad, c)
		}
	}
}

// TestTwoBoxReadingOrder: a brief with two boxes on one page (key facts
// with a table, then key recommendations) is read as it is printed: the
// first box's heading, facts and table row by row, then the second box,
// then the body (poppler's structure text against pdftotext's positions).
func TestTwoBoxReadingOrder(t *testing.T) {
	d := loadDoc(t, fixtures[2])
	d.Boxes = []Box{
		{Title: "Key facts", Facts: []Fact{{"City", "Pécs, Hungary"}, {"Period", "2021 – 2024"}},
			Table: [][]string{{"Indicator", "Value", "Target"}, {"Households reached by the service point", "312 households", "300 households"}}},
		{Title: "Key recommendations", Lists: []BoxList{{Ordered: true, Items: []string{
			"Organise cash benefits and social services around the household as a whole.",
			"Keep staffed service points open in the pilot neighbourhoods after the project ends."}}}},
	}
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "boxes", r.PDF)
	bbox := run(t, "pdftotext", "-bbox-layout", "-enc", "UTF-8", path, "-")
	pageOf := func(word string) int {
		for i, pg := range strings.Split(bbox, "<page ")[1:] {
			if strings.Contains(pg, ">"+word+"</word>") {
				return i + 1
			}
		}
		return 0
	}
	if a, b := pageOf("facts"), pageOf("recommendations"); a == 0 || a != b {
		t.Fatalf("the two boxes are on pages %d and %d, not on one", a, b)
	}
	tree := parseStructText(t, run(t, "pdfinfo", "-struct-text", path))
	var c collect
	checkElems(c.report, "boxes.pdf", tree.all())
	visualOrder(c.report, "boxes.pdf", tree, bbox)
	for _, p := range c {
		t.Error(p)
	}
	text := tree.blockText()
	order := []string{"Key facts", "Pécs, Hungary", "Households reached", "312 households", "Key recommendations", "Organise cash", "Keep staffed"}
	at := 0
	for _, w := range order {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q is not read after %q:\n%s", w, text[:at], text)
		}
		at += i
	}
}

package brief

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/markdown"
)

// taggedCase is one PDF the tagging tests read back.
type taggedCase struct {
	name string
	make func(t *testing.T) Result
	// headings are the document's headings in reading order ("H2 Background").
	headings []string
}

func taggedCases() []taggedCase {
	var cs []taggedCase
	for _, f := range fixtures {
		cs = append(cs, taggedCase{name: f.lang, make: func(t *testing.T) Result {
			r, err := engine(t).Brief(loadDoc(t, f))
			if err != nil {
				t.Fatal(err)
			}
			return r
		}})
	}
	cs[0].headings = []string{"H1 " + fixtures[0].title, "H2 Bevezetés", "H3 Lépések"}
	cs[2].headings = []string{"H1 " + fixtures[2].title, "H2 Background", "H2 Indicators over time", "H2 Conclusions"}
	cs = append(cs, taggedCase{name: "bundle", make: func(t *testing.T) Result {
		r, err := engine(t).Bundle(testBundle(t))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}, headings: []string{"H1 Desegregation toolkit", "H2 Contents", "H2 " + fixtures[0].title}})
	return cs
}

// writeTemp writes a PDF for the command-line tools.
func writeTemp(t *testing.T, name string, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var subsetName = regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z0-9-]+$`)

// TestTaggedPDF reads every brief and the bundle back: poppler says it is
// tagged, qpdf finds no error, fonts are named as subsets, and the
// structure tree is sound (checkTree).
func TestTaggedPDF(t *testing.T) {
	for _, c := range taggedCases() {
		t.Run(c.name, func(t *testing.T) {
			r := c.make(t)
			path := writeTemp(t, c.name, r.PDF)
			if info := run(t, "pdfinfo", path); !regexp.MustCompile(`(?m)^Tagged:\s+yes$`).MatchString(info) {
				t.Errorf("pdfinfo does not say Tagged: yes:\n%s", info)
			}
			run(t, "qpdf", "--check", path)
			lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
			for _, line := range lines[2:] {
				f := strings.Fields(line)
				// name type… encoding emb sub uni object ID
				if !subsetName.MatchString(f[0]) || f[len(f)-4] != "yes" {
					t.Errorf("font not named as a subset: %s", line)
				}
			}
			d := readQPDF(t, path)
			checkTree(t, d)
			checkHeadingText(t, path, c.headings)
		})
	}
}

// checkTree checks the catalog and the structure tree of a tagged PDF and
// returns the tree in reading order.
func checkTree(t *testing.T, d *qpdfDoc) []*structElem {
	t.Helper()
	if mi := d.dict(d.root["/MarkInfo"]); mi == nil || mi["/Marked"] != true {
		t.Errorf("catalog: no /MarkInfo <</Marked true>>: %v", d.root["/MarkInfo"])
	}
	if vp := d.dict(d.root["/ViewerPreferences"]); vp == nil || vp["/DisplayDocTitle"] != true {
		t.Errorf("catalog: no /DisplayDocTitle true")
	}
	if text(d.root["/Lang"]) == "" {
		t.Errorf("catalog: no /Lang")
	}
	if xmp := d.data(d.root["/Metadata"]); !bytes.Contains(xmp, []byte("<pdfuaid:part>1</pdfuaid:part>")) {
		t.Errorf("catalog: no XMP metadata with pdfuaid:part 1")
	}
	tree := d.structTree(t)
	if len(tree) == 0 || tree[0].role != "Document" {
		t.Fatalf("the tree's root is not a Document: %v", tree)
	}
	// Headings never skip a level, and the first is the H1 title.
	last := 0
	for _, e := range tree {
		if len(e.role) != 2 || e.role[0] != 'H' {
			continue
		}
		lv := int(e.role[1] - '0')
		if (last == 0 && lv != 1) || lv > last+1 {
			t.Errorf("heading %s after H%d", e.role, last)
		}
		last = lv
	}
	// Every MCID on a page is referenced exactly once, by the element the
	// parent tree names for it.
	owner := map[mcRef]*structElem{}
	annots := map[string]*structElem{}
	for _, e := range tree {
		for _, m := range e.mcids {
			if o, dup := owner[m]; dup {
				t.Errorf("MCID %d on %s referenced by %s and %s", m.mcid, m.page, o.role, e.role)
			}
			owner[m] = e
		}
		for _, a := range e.objrs {
			annots[a] = e
		}
		switch e.role {
		case "Figure":
			if strings.TrimSpace(e.alt) == "" {
				t.Errorf("Figure %s without /Alt", e.ref)
			}
		case "Table":
			if !hasRole(e, "TH") {
				t.Errorf("Table %s has no TH", e.ref)
			}
		case "TH":
			if e.scope != "Column" && e.scope != "Row" {
				t.Errorf("TH %s without /Scope", e.ref)
			}
		case "Link":
			if len(e.objrs) == 0 {
				t.Errorf("Link %s owns no annotation", e.ref)
			}
		}
		// The containers of ISO 32000-1 14.8.4 hold only their parts.
		if parts, ok := allowedKids[e.role]; ok {
			for _, k := range e.kids {
				if !strings.Contains(parts, " "+k.role+" ") {
					t.Errorf("%s %s holds a %s", e.role, e.ref, k.role)
				}
			}
		}
	}
	pt := d.parentTree(t)
	seen := 0
	for i, pref := range d.pages {
		page := d.dict(pref)
		pm := scanContent(d.pageContent(i))
		if pm.unbalanced {
			t.Errorf("page %d: marked-content sequences not balanced", i+1)
		}
		if len(pm.untagged) > 0 {
			t.Errorf("page %d: %d painting operators outside marked content (%v…)", i+1, len(pm.untagged), pm.untagged[0])
		}
		if i > 0 && pm.artifacts == 0 {
			t.Errorf("page %d: no artifacts (running head, page number)", i+1)
		}
		sp, ok := page["/StructParents"].(float64)
		if !ok {
			t.Fatalf("page %d: no /StructParents", i+1)
		}
		arr, _ := pt[int(sp)].([]any)
		if len(arr) != len(pm.mcids) {
			t.Errorf("page %d: %d MCIDs drawn, parent tree lists %d", i+1, len(pm.mcids), len(arr))
		}
		for k, m := range pm.mcids {
			if m != k {
				t.Errorf("page %d: MCID %d drawn as the %dth", i+1, m, k)
			}
			e, ok := owner[mcRef{pref, m}]
			if !ok {
				t.Errorf("page %d: MCID %d is in no structure element", i+1, m)
				continue
			}
			seen++
			if k < len(arr) && arr[k] != e.ref {
				t.Errorf("page %d: parent tree gives MCID %d to %v, the tree to %s", i+1, m, arr[k], e.ref)
			}
		}
		if text(page["/Tabs"]) != "/S" {
			t.Errorf("page %d: no /Tabs /S", i+1)
		}
		as, _ := page["/Annots"].([]any)
		for _, a := range as {
			ad := d.dict(a)
			link, ok := annots[a.(string)]
			sp, has := ad["/StructParent"].(float64)
			switch {
			case !ok:
				t.Errorf("page %d: annotation %v is in no Link element", i+1, a)
			case !has || pt[int(sp)] != link.ref:
				t.Errorf("page %d: annotation %v: /StructParent does not lead to its Link", i+1, a)
			case text(ad["/Contents"]) == "":
				t.Errorf("page %d: link annotation %v without /Contents", i+1, a)
			}
		}
	}
	if seen != len(owner) {
		t.Errorf("the tree references %d MCIDs, the pages draw %d of them", len(owner), seen)
	}
	return tree
}

// allowedKids lists what the list, table and table-of-contents
// elements may hold.
var allowedKids = map[string]string{
	"L":     " LI L Caption ",
	"LI":    " Lbl LBody ",
	"Table": " TR THead TBody TFoot Caption ",
	"TR":    " TH TD ",
	"TOC":   " TOCI TOC Caption ",
}

func hasRole(e *structElem, role string) bool {
	for _, k := range e.kids {
		if k.role == role || hasRole(k, role) {
			return true
		}
	}
	return false
}

// structLine is a line of pdfinfo -struct-text: an element ("H2 (block)")
// or, indented below it, its text in quotes.
var structLine = regexp.MustCompile(`^(\s*)(H[1-6])\b`)

// checkHeadingText reads the headings and their text with poppler
// (pdfinfo -struct-text) and checks that want comes in that order; the
// running head and page numbers (artifacts) must not be in the text.
func checkHeadingText(t *testing.T, path string, want []string) {
	t.Helper()
	out := run(t, "pdfinfo", "-struct-text", path)
	lines := strings.Split(out, "\n")
	var got []string
	for i, l := range lines {
		m := structLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		var txt []string
		for _, n := range lines[i+1:] {
			s := strings.TrimSpace(n)
			if !strings.HasPrefix(s, `"`) {
				break
			}
			txt = append(txt, strings.Trim(s, `"`))
		}
		got = append(got, m[2]+" "+strings.Join(txt, ""))
	}
	at := 0
	for _, g := range got {
		if at < len(want) && g == want[at] {
			at++
		}
	}
	if at < len(want) {
		t.Errorf("headings: want %q in this order, got %q", want, got)
	}
	if regexp.MustCompile(`"\d+ / \d+"`).MatchString(out) {
		t.Errorf("a page number is in the structure's text (it must be an artifact):\n%s", out)
	}
}

// TestTaggedContent checks what each element kind is given: the figure's
// alt text, header cells, the link's annotation, the language of a
// bundled guide, the note's ID.
func TestTaggedContent(t *testing.T) {
	r, err := engine(t).Brief(loadDoc(t, fixtures[0]))
	if err != nil {
		t.Fatal(err)
	}
	d := readQPDF(t, writeTemp(t, "hu", r.PDF))
	roles := map[string][]*structElem{}
	for _, e := range d.structTree(t) {
		roles[e.role] = append(roles[e.role], e)
	}
	alts := ""
	for _, f := range roles["Figure"] {
		alts += f.alt + "|"
	}
	if !strings.Contains(alts, "Egy ábra|") {
		t.Errorf("no Figure with the image's alt text: %q", alts)
	}
	for _, role := range []string{"L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "BlockQuote", "Code", "Note", "Caption", "Link"} {
		if len(roles[role]) == 0 {
			t.Errorf("no %s element", role)
		}
	}
	b, err := engine(t).Bundle(testBundle(t))
	if err != nil {
		t.Fatal(err)
	}
	d = readQPDF(t, writeTemp(t, "bundle", b.PDF))
	langs := map[string]bool{}
	for _, e := range d.structTree(t) {
		langs[e.lang] = true
	}
	if !langs["hu"] || !langs["sk"] {
		t.Errorf("bundled guides in Hungarian and Slovak do not say so (/Lang): %v", langs)
	}
}

// TestTaggedDeterministic: the tags, the subset names and the file
// identifier come out the same for the same input.
func TestTaggedDeterministic(t *testing.T) {
	a, _ := engine(t).Bundle(testBundle(t))
	b, _ := engine(t).Bundle(testBundle(t))
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Fatal("two bundles differ")
	}
	if !bytes.Contains(a.PDF, []byte("/ID [<")) || !bytes.Contains(a.PDF, []byte("%PDF-1.7")) {
		t.Error("no file identifier, or not PDF 1.7")
	}
}

// TestXMP checks the metadata packet: well-formed, and the citation data
// of issue 15 in it.
func TestXMP(t *testing.T) {
	x := xmpPacket(xmpInfo{Title: "Árvíztűrő <tükör> & co", Lang: "hu", Authors: []string{"Kovács Éva", "Ján Novák"},
		Licence: "CC BY 4.0", LicenceURL: "https://creativecommons.org/licenses/by/4.0/", DOI: "10.5281/zenodo.123",
		Summary: "a\x01b"})
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">Árvíztűrő &lt;tükör&gt; &amp; co</rdf:li>`,
		`<dc:creator><rdf:Seq><rdf:li>Kovács Éva</rdf:li><rdf:li>Ján Novák</rdf:li></rdf:Seq></dc:creator>`,
		`<dc:language><rdf:Bag><rdf:li>hu</rdf:li></rdf:Bag></dc:language>`,
		`<dc:identifier>doi:10.5281/zenodo.123</dc:identifier>`,
		`<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>`,
		`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li></rdf:Alt></dc:rights>`,
		`<pdfuaid:part>1</pdfuaid:part>`, ">ab<",
	} {
		if !bytes.Contains(x, []byte(want)) {
			t.Errorf("XMP lacks %s:\n%s", want, x)
		}
	}
}

// TestSubsetTag: the tag is six capital letters, the same for the same
// subset and (almost surely) different for another.
func TestSubsetTag(t *testing.T) {
	a, b := subsetTag([]byte("glyphs 1")), subsetTag([]byte("glyphs 2"))
	if !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(a) || a != subsetTag([]byte("glyphs 1")) || a == b {
		t.Errorf("tags %q %q", a, b)
	}
	for id, f := range faces {
		if n := postScriptName(f.ttf); !strings.HasPrefix(n, "Liberation") {
			t.Errorf("face %d: PostScript name %q", id, n)
		}
	}
	if postScriptName([]byte("short")) != "" || postScriptName(nil) != "" {
		t.Error("a broken font has a name")
	}
}

// TestWriteText: text strings are literal when ASCII, UTF-16 otherwise
// (outside the BMP too), and URIs 7-bit.
func TestWriteText(t *testing.T) {
	for in, want := range map[string]string{
		"a(b)c\\": `(a\(b\)c\\)`,
		"é":       "<FEFF00E9>",
		"😀":       "<FEFFD83DDE00>",
	} {
		w := &pdfOut{}
		writeText(w, in)
		if string(w.b) != want {
			t.Errorf("writeText(%q) = %s, want %s", in, w.b, want)
		}
	}
	w := &pdfOut{}
	writeURI(w, "https://example.eu/hu/útmutató (1)")
	if want := `(https://example.eu/hu/%C3%BAtmutat%C3%B3%20\(1\))`; string(w.b) != want {
		t.Errorf("writeURI = %s, want %s", w.b, want)
	}
}

// TestReadPDFRejects: output that is not what fpdf writes is an error,
// not a panic or a broken file.
func TestReadPDFRejects(t *testing.T) {
	good, err := engine(t).Brief(loadDoc(t, fixtures[1]))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":   nil,
		"no xref": []byte("%PDF-1.3\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n"),
		"cut":     good.PDF[:len(good.PDF)/2],
		"bad startxref": append(append([]byte{}, good.PDF[:bytes.LastIndex(good.PDF, []byte("startxref"))]...),
			"startxref\n"+strconv.Itoa(len(good.PDF)*2)+"\n%%EOF\n"...),
	} {
		if _, err := readPDF(b); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

// TestTaggedText reads the text of the structure back in reading order:
// the words keep their spaces, also across lines, pages and links, and
// where a list item's number is drawn after its first line; a note's
// number, drawn after the note's first line, is read before it.
func TestTaggedText(t *testing.T) {
	long := strings.Repeat("The words of a long item run over several lines of the column, and each line goes on where the last one stopped. ", 3)
	src := "## Words\n\n1. " + long + "\n2. Short.\n\nA paragraph with [a link that runs over the end of a line in the narrow column of the body text](https://example.eu/a) and more words after it, to see the spaces around it.[^1]\n\n[^1]: The words of the note.\n"
	d := loadDoc(t, fixtures[2])
	d.Body = markdown.New(markdown.Options{Quotes: quotes["en"]}).Parse("words.md", []byte(src), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdfinfo", "-struct-text", writeTemp(t, "words", r.PDF))
	var all strings.Builder
	for _, l := range strings.Split(out, "\n") {
		if s := strings.TrimSpace(l); strings.HasPrefix(s, `"`) {
			all.WriteString(strings.Trim(s, `"`))
		}
	}
	// Hyphenation puts a hyphen where a word breaks: compare without any.
	plain := func(s string) string { return strings.NewReplacer("-", "", "\u00ad", "").Replace(s) }
	got := plain(all.String())
	for _, want := range []string{"1." + strings.TrimSpace(long), "2.Short.",
		"A paragraph with a link that runs over the end of a line in the narrow column of the body text and more words after it, to see the spaces around it.1",
		"1. The words of the note."} { // a note's number is read before it, with a space
		if !strings.Contains(got, plain(want)) {
			t.Errorf("structure text lacks %q:\n%s", want, got)
		}
	}
}

// TestBriefXMP: a brief's metadata stream carries the document's citation
// data (issue 15): title, authors, language, licence and DOI.
func TestBriefXMP(t *testing.T) {
	d := loadDoc(t, fixtures[1])
	d.DOI, d.LicenceName, d.LicenceURL = "10.5281/zenodo.42", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	q := readQPDF(t, writeTemp(t, "xmp", r.PDF))
	x := string(q.data(q.root["/Metadata"]))
	for _, want := range []string{
		`<rdf:li xml:lang="x-default">` + fixtures[1].title + `</rdf:li>`,
		"<rdf:li>Kovács Éva</rdf:li><rdf:li>Ján Novák</rdf:li>",
		"<dc:language><rdf:Bag><rdf:li>sk</rdf:li>",
		"<dc:identifier>doi:10.5281/zenodo.42</dc:identifier>",
		"<xmpRights:WebStatement>https://creativecommons.org/licenses/by/4.0/</xmpRights:WebStatement>",
		`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">CC BY 4.0</rdf:li>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("XMP lacks %s:\n%s", want, x)
		}
	}
}

// TestTaggedDecorative: a picture marked decorative ("-") or without a
// description is an artifact, not a Figure without /Alt; its caption is
// still read.
func TestTaggedDecorative(t *testing.T) {
	d := loadDoc(t, fixtures[1])
	d.Body = markdown.New(markdown.Options{Quotes: quotes["sk"]}).Parse("d.md",
		[]byte("## Obrázky\n\n![-](foto.jpg \"Popis pod obrázkom\")\n\n![](abra.png)\n\n![Diagram procesu](diagram.svg)\n"), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	q := readQPDF(t, writeTemp(t, "decorative", r.PDF))
	tree := checkTree(t, q)
	var figs, captions []string
	for _, e := range tree {
		switch e.role {
		case "Figure":
			figs = append(figs, e.alt)
		case "Caption":
			captions = append(captions, e.ref)
		}
	}
	if strings.Join(figs, "|") != "Diagram procesu" || len(captions) != 1 {
		t.Errorf("figures %q, %d captions; want only the described diagram, and the caption", figs, len(captions))
	}
}

// TestXMPPublisherAsAuthor: a document without authors credits its
// publisher, as the page's citation tags do.
func TestXMPPublisherAsAuthor(t *testing.T) {
	x := xmpPacket(xmpOf(&Meta{Title: "T", Publisher: "4IM projekt"}))
	if !bytes.Contains(x, []byte("<dc:creator><rdf:Seq><rdf:li>4IM projekt</rdf:li></rdf:Seq></dc:creator>")) {
		t.Errorf("no publisher as creator:\n%s", x)
	}
}

// FuzzReadPDF: the post-pass reader never panics, whatever it is given
// (it only ever reads fpdf's output, but a bug there must not crash a
// build).
func FuzzReadPDF(f *testing.F) {
	f.Add([]byte("%PDF-1.3\n3 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\nxref\n0 4\n0000000000 65535 f \n0000000000 65535 f \n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 4 /Root 3 0 R>>\nstartxref\n58\n%%EOF\n"))
	f.Add([]byte("xref\n0 1\nstartxref\n0\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		in, err := readPDF(b)
		if err != nil {
			return
		}
		in.pages()
		in.fontNames()
		for _, n := range in.order {
			in.stream(n)
		}
	})
}

// TestTaggedRepeatedHeader: a table's header row, drawn again on every
// page the table continues on, is tagged once; its link is a tagged
// annotation once, not an annotation outside the structure on each page.
func TestTaggedRepeatedHeader(t *testing.T) {
	var b strings.Builder
	b.WriteString("## Table\n\n| Year | [Source](https://example.eu/s) |\n|---|---|\n")
	for i := range 120 {
		b.WriteString("| " + strconv.Itoa(1900+i) + " | survey |\n")
	}
	d := loadDoc(t, fixtures[2])
	d.Body = markdown.New(markdown.Options{Quotes: quotes["en"]}).Parse("t.md", []byte(b.String()), 1)
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	q := readQPDF(t, writeTemp(t, "header", r.PDF))
	tree := checkTree(t, q)
	ths, links := 0, 0
	for _, e := range tree {
		switch e.role {
		case "TH":
			ths++
		case "Link":
			links++
		}
	}
	if len(q.pages) < 4 || ths != 2 || links != 2 { // the table's link and the cover's
		t.Errorf("%d pages, %d TH, %d Link elements; want the header tagged once", len(q.pages), ths, links)
	}
}

// TestTaggedCoverFacts: a two-word label of the cover's facts is read in
// its order, before its value.
func TestTaggedCoverFacts(t *testing.T) {
	d := loadDoc(t, fixtures[0])
	d.Labels = map[string]string{"web": "Az interneten"}
	r, err := engine(t).Brief(d)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, "pdfinfo", "-struct-text", writeTemp(t, "facts", r.PDF))
	if !strings.Contains(out, `"Az interneten `) {
		t.Errorf("the label is not read in order:\n%s", out)
	}
}

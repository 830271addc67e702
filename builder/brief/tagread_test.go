package brief

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// A small reader of a PDF's structure tree, over qpdf's JSON (qpdf
// --json=2 with decoded streams): what the tagging tests check is read
// back from the file, not from the tagger's own records.

// qpdfDoc is a PDF as qpdf describes it.
type qpdfDoc struct {
	objs  map[string]qpdfObj // "3 0 R" → object
	pages []string           // page objects, in order
	root  map[string]any     // the catalog
}

type qpdfObj struct {
	Value  any `json:"value"`
	Stream *struct {
		Dict map[string]any `json:"dict"`
		Data string         `json:"data"`
	} `json:"stream"`
}

// readQPDF runs qpdf on path.
func readQPDF(t *testing.T, path string) *qpdfDoc {
	t.Helper()
	out := run(t, "qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path, "-")
	var j struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		QPDF []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || len(j.QPDF) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	d := &qpdfDoc{}
	if err := json.Unmarshal(j.QPDF[1], &d.objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	for k, v := range d.objs {
		delete(d.objs, k)
		d.objs[strings.TrimPrefix(k, "obj:")] = v
	}
	for _, p := range j.Pages {
		d.pages = append(d.pages, p.Object)
	}
	tr, _ := d.objs["trailer"].Value.(map[string]any)
	d.root = d.dict(tr["/Root"])
	if d.root == nil {
		t.Fatal("no catalog")
	}
	return d
}

// get follows a reference ("12 0 R") to its value; other values are
// returned as they are.
func (d *qpdfDoc) get(v any) any {
	if s, ok := v.(string); ok && strings.HasSuffix(s, " R") {
		o, ok := d.objs[s]
		if !ok {
			return nil
		}
		if o.Stream != nil {
			return o.Stream.Dict
		}
		return o.Value
	}
	return v
}

func (d *qpdfDoc) dict(v any) map[string]any { m, _ := d.get(v).(map[string]any); return m }

// data returns the decoded data of a stream object.
func (d *qpdfDoc) data(ref any) []byte {
	s, _ := ref.(string)
	o, ok := d.objs[s]
	if !ok || o.Stream == nil {
		return nil
	}
	b, _ := base64.StdEncoding.DecodeString(o.Stream.Data)
	return b
}

// text decodes a PDF text string as qpdf writes it ("u:…" for Unicode).
func text(v any) string {
	s, _ := v.(string)
	return strings.TrimPrefix(s, "u:")
}

// structElem is one element of the tree as read back.
type structElem struct {
	ref, role, alt, scope, lang string
	depth                       int
	mcids                       []mcRef  // its marked content
	objrs                       []string // the annotations it owns
	kids                        []*structElem
}

// mcRef is an MCID on a page.
type mcRef struct {
	page string
	mcid int
}

// structTree reads the tree in reading (depth-first) order.
func (d *qpdfDoc) structTree(t *testing.T) []*structElem {
	t.Helper()
	root := d.dict(d.root["/StructTreeRoot"])
	if root == nil {
		t.Fatal("no /StructTreeRoot")
	}
	var out []*structElem
	seen := map[string]bool{}
	var walk func(ref any, depth int, parent *structElem)
	walk = func(ref any, depth int, parent *structElem) {
		if r, ok := ref.(string); ok {
			if seen[r] {
				t.Fatalf("structure element %s reached twice", r)
			}
			seen[r] = true
		}
		m := d.dict(ref)
		if m == nil {
			t.Fatalf("structure element %v is not a dictionary", ref)
		}
		e := &structElem{depth: depth, role: strings.TrimPrefix(text(m["/S"]), "/"), alt: text(m["/Alt"]), lang: text(m["/Lang"])}
		e.ref, _ = ref.(string)
		if a := d.dict(m["/A"]); a != nil {
			e.scope = strings.TrimPrefix(text(a["/Scope"]), "/")
		}
		pg, _ := m["/Pg"].(string)
		out = append(out, e)
		if parent != nil {
			parent.kids = append(parent.kids, e)
		}
		var kids []any
		switch k := m["/K"].(type) {
		case []any:
			kids = k
		case nil:
		default:
			kids = []any{k}
		}
		for _, k := range kids {
			switch k := k.(type) {
			case float64:
				if pg == "" {
					t.Errorf("%s: MCID %v without /Pg", e.role, k)
				}
				e.mcids = append(e.mcids, mcRef{pg, int(k)})
			case map[string]any:
				switch text(k["/Type"]) {
				case "/MCR":
					p, _ := k["/Pg"].(string)
					n, _ := k["/MCID"].(float64)
					e.mcids = append(e.mcids, mcRef{p, int(n)})
				case "/OBJR":
					o, _ := k["/Obj"].(string)
					e.objrs = append(e.objrs, o)
				default:
					t.Errorf("%s: a direct kid that is neither MCR nor OBJR: %v", e.role, k)
				}
			case string:
				walk(k, depth+1, e)
			}
		}
	}
	walk(root["/K"], 0, nil)
	return out
}

// parentTree reads the /Nums of the parent tree (a single leaf, as
// written here): key → value.
func (d *qpdfDoc) parentTree(t *testing.T) map[int]any {
	t.Helper()
	root := d.dict(d.root["/StructTreeRoot"])
	pt := d.dict(root["/ParentTree"])
	nums, _ := pt["/Nums"].([]any)
	if pt == nil || len(nums)%2 != 0 {
		t.Fatalf("parent tree is not a flat number tree: %v", pt)
	}
	out := map[int]any{}
	for i := 0; i < len(nums); i += 2 {
		k, _ := nums[i].(float64)
		out[int(k)] = nums[i+1]
	}
	return out
}

// markedContent scans a page's content stream: the MCIDs it marks, in
// order, and the painting operators found outside any marked content (a
// PDF/UA error: everything is either tagged or an artifact), and whether
// the sequences are balanced.
type pageMarks struct {
	mcids      []int
	untagged   []string
	unbalanced bool
	artifacts  int
}

func scanContent(data []byte) pageMarks {
	var pm pageMarks
	var stack []bool // per open sequence: is it content (MCID)?
	var operands []string
	for tok := range contentTokens(data) {
		switch tok {
		case "BDC", "BMC":
			mcid := -1
			if tok == "BDC" {
				for i, o := range operands {
					if o == "/MCID" && i+1 < len(operands) {
						mcid, _ = strconv.Atoi(operands[i+1])
					}
				}
			}
			if len(operands) > 0 && operands[0] == "/Artifact" {
				pm.artifacts++
			}
			if mcid >= 0 {
				pm.mcids = append(pm.mcids, mcid)
			}
			stack = append(stack, mcid >= 0)
		case "EMC":
			if len(stack) == 0 {
				pm.unbalanced = true
			} else {
				stack = stack[:len(stack)-1]
			}
		case "Tj", "TJ", "'", "\"", "Do", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh":
			if len(stack) == 0 {
				pm.untagged = append(pm.untagged, tok)
			}
		}
		if isOperator(tok) {
			operands = operands[:0]
		} else {
			operands = append(operands, tok)
		}
	}
	if len(stack) > 0 {
		pm.unbalanced = true
	}
	return pm
}

func isOperator(tok string) bool {
	if tok == "" {
		return false
	}
	c := tok[0]
	return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' || c == '"') && tok != "true" && tok != "false" && tok != "null"
}

// contentTokens splits a content stream into tokens; strings, hex strings
// and dictionaries' brackets are tokens of their own (their contents are
// not looked into, so a string "EMC" is not an operator).
func contentTokens(b []byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(b); {
			c := b[i]
			switch {
			case c == ' ' || c == '\n' || c == '\r' || c == '\t':
				i++
				continue
			case c == '(':
				depth, j := 0, i
				for ; j < len(b); j++ {
					if b[j] == '\\' {
						j++
						continue
					}
					if b[j] == '(' {
						depth++
					} else if b[j] == ')' {
						depth--
						if depth == 0 {
							break
						}
					}
				}
				if !yield("(string)") {
					return
				}
				i = j + 1
				continue
			case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
				if !yield(string(b[i : i+2])) {
					return
				}
				i += 2
				continue
			case c == '<':
				j := i
				for j < len(b) && b[j] != '>' {
					j++
				}
				if !yield("<hex>") {
					return
				}
				i = j + 1
				continue
			case c == '[' || c == ']' || c == '{' || c == '}':
				if !yield(string(c)) {
					return
				}
				i++
				continue
			}
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t()<>[]{}/%", rune(b[j])) {
				j++
			}
			if !yield(string(b[i:j])) {
				return
			}
			i = j
		}
	}
}

// pageContent returns the decoded content of page i.
func (d *qpdfDoc) pageContent(i int) []byte {
	p := d.dict(d.pages[i])
	switch c := p["/Contents"].(type) {
	case []any:
		var all []byte
		for _, r := range c {
			all = append(all, d.data(r)...)
			all = append(all, '\n')
		}
		return all
	default:
		return d.data(c)
	}
}

func (e *structElem) String() string {
	return fmt.Sprintf("%s%s", strings.Repeat("  ", e.depth), e.role)
}

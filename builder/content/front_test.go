package content

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/diag"
)

// billionLaughs is the classic alias bomb: under a kilobyte, 10^9 strings
// when expanded.
var billionLaughs = `---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
`

// TestFrontMatterMessages checks, word for word, what an editor reads for
// each kind of broken front matter.
func TestFrontMatterMessages(t *testing.T) {
	const f = "content/x.md"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"UTF-8 byte-order mark is accepted", "\xef\xbb\xbf---\ntitle: T\n---\nBody\n", nil},
		{"UTF-16 with byte-order mark", "\xff\xfe-\x00-\x00-\x00\n\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00T\x00\n\x00",
			[]string{f + ":1:1: the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"}},
		{"UTF-16 big-endian without mark", "\x00-\x00-\x00-\x00\n\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00T\x00\n",
			[]string{f + ":1:1: the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"}},
		{"Latin-2 byte", "---\ntitle: T\nsummary: Szab\xf3\n---\n",
			[]string{f + ":3:14: this character is not UTF-8 (the file was perhaps saved as Windows-1250 or ISO-8859-2); save the file as UTF-8"}},
		{"unclosed ---", "---\ntitle: T\nsummary: S\n\nBody text.\n",
			[]string{f + ":1:1: the front matter opened on line 1 is never closed with ---; add a line --- after the last field"}},
		{"unclosed +++ after blank lines", "\n\n+++\ntitle = \"T\"\n",
			[]string{f + ":3:1: the front matter opened on line 3 is never closed with +++; add a line +++ after the last field"}},
		{"bad indentation", "---\ntitle: T\n  summary: S\n---\n",
			[]string{f + ":3:3: this line is indented more than the field above it; line up fields of the same level"}},
		{"unclosed double quote", "---\ntitle: \"Rent\nsummary: S\ndate: 2024-05-31\n---\n",
			[]string{f + `:2:8: the text in quotes that starts here is never closed; add the closing quote mark (") at the end of the value`}},
		{"quote left open runs into the next fields", "---\ntitle: T\nsummary: \"How to ask.\ndate: 2024-05-31\naudience: \"Social workers\"\n---\n",
			[]string{f + `:3:10: the text in quotes that starts here is never closed; add the closing quote mark (") at the end of the value`}},
		{"unclosed single quote", "---\ntitle: T\nsummary: 'Rent\ndate: 2024-05-31\n---\n",
			[]string{f + `:3:10: the text in quotes that starts here is never closed; add the closing quote mark (') at the end of the value`}},
		{"tab indentation", "---\nperiod:\n\tstart: 2024-01-01\n---\n",
			[]string{f + ":3:1: this line is indented with a tab; indent with spaces"}},
		{"unclosed list", "---\ntopics: [housing, jobs\nsummary: S\n---\n",
			[]string{f + `:2:9: the list opened here with "[" is never closed with "]"; write it as [first, second] on one line`}},
		{"unclosed group", "---\nperiod: {start: 2024-01-01\nsummary: S\n---\n",
			[]string{f + `:2:9: the group opened here with "{" is never closed with "}"; write it as {name: value, other: value}`}},
		{"colon in unquoted value", "---\ntitle: Rent: a guide\nsummary: S\n---\n",
			[]string{f + `:2:12: the value contains ": "; put the whole value in quotes, like title: "Rent: a guide"`}},
		{"line without colon", "---\ntitle: T\nsummary\ndate: 2024-05-31\n---\n",
			[]string{f + `:3:1: this line has no ":"; write each field as "name: value"`}},
		{"list items misaligned", "---\ntopics:\n  - housing\n - jobs\n---\n",
			[]string{f + `:4:2: this line does not line up with the lines above it; indent the items of a list alike, each starting with "- "`}},
		{"text after closing quote", "---\ntitle: \"Rent\" guide\n---\n",
			[]string{f + `:2:15: unexpected text here; check the indentation, and put the whole value in quotes when it contains a quote mark or ": "`}},
		{"value starting with @", "---\nauthors: @anna\n---\n",
			[]string{f + `:2:10: a value cannot start with "@"; put the value in quotes`}},
		{"duplicate key", "---\ntitle: A\nsummary: S\ndate: 2024-05-31\ntitle: B\n---\n",
			[]string{f + `:5:1: field "title" is given twice, on lines 2 and 5; keep one`}},
		{"duplicate nested key", "---\nperiod: {start: 2024-01-01, start: 2024-02-01}\n---\n",
			[]string{f + `:2:29: field "start" is given twice, on lines 2 and 2; keep one`}},
		{"recursive alias", "---\nx: &a [*a]\n---\n",
			[]string{f + `:2:8: "*a" repeats a value marked with "&a"; repeating values this way is not supported here, write the value out in full`}},
		{"unknown alias", "---\nx: *nowhere\n---\n",
			[]string{f + `:2:4: "*nowhere" repeats a value marked with "&", which is not supported here; write the value out in full`}},
		{"deep nesting", "---\nx: " + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + "\n---\n",
			[]string{f + ":2:104: values are nested more than 100 levels deep here; nothing needs that many"}},
		{"second document", "---\ntitle: T\n...\nsummary: S\n---\n",
			[]string{f + `:4:1: a second set of fields starts here, after a line "---" or "..."; keep all fields in one block`}},
		{"not a mapping", "---\n- a\n- b\n---\n",
			[]string{f + `:2:1: front matter must be a list of fields like "title: My title", got a list`}},
		{"TOML duplicate key", "+++\ntitle = \"A\"\nsummary = \"S\"\ntitle = \"B\"\n+++\n",
			[]string{f + `:4:1: field "title" is given twice, on lines 2 and 4; keep one`}},
		{"TOML deep nesting", "+++\nx = " + strings.Repeat("{a=", 1000) + "\n+++\n",
			[]string{f + ":2: front matter (TOML): values are nested more than 100 levels deep here; nothing needs that many"}},
		{"TOML brackets in strings do not nest", "+++\nx = \"" + strings.Repeat("[", 200) + "\"\ny = '''\n" + strings.Repeat("{", 200) + "'''\n+++\n", nil},
		{"empty front matter", "---\n---\nBody\n", nil},
		{"comments only", "---\n# nothing yet\n---\nBody\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags diag.List
			splitFront([]byte(tt.src), f, &diags)
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestByteOrderMarkKeepsPositions checks that a stripped byte-order mark
// moves no field and that the body starts where it did.
func TestByteOrderMarkKeepsPositions(t *testing.T) {
	var diags diag.List
	front, body, line := splitFront([]byte("\xef\xbb\xbf---\ntitle: T\nsummary: S\n---\nBody\n"), "x.md", &diags)
	if len(diags) != 0 || front.Get("summary") == nil || front.Get("summary").Pos.String() != "x.md:3:10" || string(body) != "Body\n" || line != 5 {
		t.Errorf("diags %v, front %+v, body %q at %d", diags, front, body, line)
	}
	_, body, line = splitFront([]byte("\xef\xbb\xbfNo front matter.\n"), "x.md", &diags)
	if string(body) != "No front matter.\n" || line != 1 {
		t.Errorf("body %q at %d", body, line)
	}
}

// TestAliasBombIsCheap loads the billion laughs: it must be refused in
// milliseconds without allocating more than the text is worth.
func TestAliasBombIsCheap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	var diags diag.List
	splitFront([]byte(billionLaughs), "x.md", &diags)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if !diags.HasErrors() || !strings.Contains(diags[0].String(), `x.md:3:8: "*a" repeats a value`) {
		t.Errorf("diags = %v", diags)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 || elapsed > time.Second {
		t.Errorf("alias bomb took %v and %d bytes", elapsed, alloc)
	}
}

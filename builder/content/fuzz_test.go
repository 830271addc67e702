package content

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/diag"
	"go.yaml.in/yaml/v4"
)

// Seeds beyond testdata/fuzz/<name>: one of each kind of front matter.
var frontSeeds = []string{
	"---\ntitle: x\n---\nbody",
	"+++\ntitle = \"x\"\n+++\nbody",
	"\xef\xbb\xbf---\ntitle: x\n---\n",
	"---\na: [1, {b: c}]\nb: \"q\\\"\"\n---\n",
	"---\nx: &a [*a]\n---\n",
	"---\ntitle: a\ntitle: b\n---\n",
	"---\ntitle: \"open\nb: c\n---\n",
	"---\n",
}

// FuzzFrontMatter checks splitFront on any bytes: it never panics, every
// position it reports or records lies inside the file, the body is the
// file's tail and starts on the line it claims, and decoded YAML front
// matter survives a round trip through the YAML encoder unchanged.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range frontSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var diags diag.List
		front, body, bodyLine := splitFront(src, "x.md", &diags)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range diags {
			if d.Pos.File != "x.md" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 0 {
				t.Fatalf("diagnostic outside the file (%d lines): %s", lines, d)
			}
		}
		checkPositions(t, front, lines)
		text := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		if !bytes.HasSuffix(text, body) {
			t.Fatalf("body %q is not the file's tail", body)
		}
		if len(body) > 0 || !diags.HasErrors() {
			if want := bytes.Count(text[:len(text)-len(body)], []byte("\n")) + 1; bodyLine != want {
				t.Fatalf("body line %d, want %d", bodyLine, want)
			}
		}
		if diags.HasErrors() || !bytes.HasPrefix(bytes.TrimLeft(text, " \t\r\n"), []byte("---")) {
			return
		}
		// Round trip: write the decoded fields back as YAML and decode again.
		out, err := yaml.Marshal(native(front))
		if err != nil {
			t.Fatalf("cannot encode %v: %v", native(front), err)
		}
		var again diag.List
		back, _, _ := splitFront(append(append([]byte("---\n"), out...), "---\n"...), "x.md", &again)
		if again.HasErrors() {
			t.Fatalf("re-encoded front matter\n%s\ndoes not decode: %s", out, again)
		}
		if a, b := fmt.Sprint(native(front)), fmt.Sprint(native(back)); a != b {
			t.Fatalf("round trip changed the front matter:\n%s\n%s\nvia\n%s", a, b, out)
		}
	})
}

// FuzzLoadFile checks the loader on a whole file under a fuzzed name: no
// panic, the names it derives are consistent with the path, every message
// names the file at a line inside it, and a document without errors has a
// mapping for front matter.
func FuzzLoadFile(f *testing.F) {
	for _, s := range frontSeeds {
		f.Add("guides/survey.en.md", []byte(s))
	}
	f.Add("about.md", []byte("no front matter\n"))
	f.Add("a/b/c.de.md", []byte("---\n---\n"))
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		if !fsValidPath(name) || !strings.HasSuffix(name, ".md") {
			return
		}
		opts := Options{Prefix: "content", Languages: []string{"en", "hu"}, Default: "en"}
		d, diags := LoadFile(fstest.MapFS{name: {Data: src}}, name, opts)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, m := range diags {
			if m.Pos.File != "content/"+name || m.Pos.Line < 0 || m.Pos.Line > lines {
				t.Fatalf("message outside the file: %s", m)
			}
		}
		if d.Rel != name || d.Lang != "en" && d.Lang != "hu" || strings.Contains(d.Base, "/") || (d.Section != "") != strings.Contains(name, "/") {
			t.Fatalf("names %+v for %q", d, name)
		}
		if !diags.HasErrors() && (d.Front == nil || d.Front.Kind != Map) {
			t.Fatalf("front matter %+v of a sound document", d.Front)
		}
		checkPositions(t, d.Front, lines)
	})
}

// fsValidPath keeps names fstest.MapFS can hold as one file.
func fsValidPath(name string) bool {
	if name == "" || strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") || strings.ContainsAny(name, "\\\x00") {
		return false
	}
	for _, el := range strings.Split(name, "/") {
		if el == "" || el == "." || el == ".." || strings.HasPrefix(el, ".") {
			return false
		}
	}
	return true
}

// checkPositions fails when a value or key of v lies outside a file of lines lines.
func checkPositions(t *testing.T, v *Value, lines int) {
	t.Helper()
	if v == nil {
		return
	}
	if v.Pos.Line < 0 || v.Pos.Line > lines {
		t.Fatalf("value at line %d of %d", v.Pos.Line, lines)
	}
	for _, it := range v.Items {
		checkPositions(t, it, lines)
	}
	for k, f := range v.Fields {
		if p := v.KeyPos[k]; p.Line < 0 || p.Line > lines {
			t.Fatalf("key %q at line %d of %d", k, p.Line, lines)
		}
		checkPositions(t, f, lines)
	}
}

// native turns a Value into plain Go values with sorted keys, for the
// encoder and for comparing two decodings (quoting aside).
func native(v *Value) any {
	switch v.Kind {
	case Null:
		return nil
	case List:
		out := make([]any, len(v.Items))
		for i, it := range v.Items {
			out[i] = native(it)
		}
		return out
	case Map:
		out := make(map[string]any, len(v.Fields))
		for k, f := range v.Fields {
			out[k] = native(f)
		}
		return out
	}
	return v.Text
}

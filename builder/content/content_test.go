package content

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/adrg/frontmatter"
)

func TestLoadNamesAndLanguages(t *testing.T) {
	fsys := fstest.MapFS{
		"about.md":             {Data: []byte("---\ntitle: A\n---\nx")},
		"guides/survey.hu.md":  {Data: []byte("---\ntitle: B\n---\n")},
		"guides/v1.2.notes.md": {Data: []byte("no front matter\n")},
		"guides/questions.csv": {Data: []byte("a")},
		".hidden/x.md":         {Data: []byte("x")},
		"guides/.draft.en.md":  {Data: []byte("x")},
	}
	tree, diags := Load(fsys, Options{Prefix: "content", Languages: []string{"en", "hu"}, Default: "en"})
	tests := []struct{ rel, section, base, lang string }{
		{"about.md", "", "about", "en"},
		{"guides/survey.hu.md", "guides", "survey", "hu"},
		{"guides/v1.2.notes.md", "guides", "v1.2.notes", "en"},
	}
	if len(tree.Docs) != len(tests) {
		t.Fatalf("loaded %d docs", len(tree.Docs))
	}
	for i, tt := range tests {
		d := tree.Docs[i]
		if d.Rel != tt.rel || d.Section != tt.section || d.Base != tt.base || d.Lang != tt.lang {
			t.Errorf("doc %d = %+v, want %+v", i, d, tt)
		}
	}
	if len(diags) != 1 || diags[0].String() != `content/guides/v1.2.notes.md: language "notes" in the file name is not one of the site's languages (en, hu); name the file v1.2.en.md or add the language to site.yaml` {
		t.Errorf("diags = %s", diags)
	}
	if !tree.Files["guides/questions.csv"] || len(tree.Files) != 1 {
		t.Errorf("files = %v", tree.Files)
	}
	if got := string(tree.Docs[2].Body); got != "no front matter\n" || tree.Docs[2].BodyLine != 1 {
		t.Errorf("body = %q at %d", got, tree.Docs[2].BodyLine)
	}
}

func FuzzSplitFront(f *testing.F) {
	f.Add([]byte("---\ntitle: x\n---\nbody"))
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nbody"))
	f.Add([]byte("\n\n---\na: [1, {b: c}]\n---\n"))
	f.Add([]byte("  \r\n---\r\na: 1\r\n --- \r\nbody\n---\n"))
	f.Add([]byte("---\na: 1\n---"))
	f.Add([]byte("---\na: 1\n"))
	f.Add([]byte("text\n---\na: 1\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fsys := fstest.MapFS{"x.md": {Data: src}}
		tree, _ := Load(fsys, Options{Prefix: "content", Languages: []string{"en"}, Default: "en"})
		d := tree.Docs[0]
		if d.BodyLine < 1 || len(d.Body) > len(src) {
			t.Fatalf("body line %d, body %d of %d bytes", d.BodyLine, len(d.Body), len(src))
		}
		// The body must be what the library finds reading the whole file
		// (without the byte-order mark, which splitFront strips), with
		// invisible control characters made spaces (bodyControls).
		nop := func([]byte, any) error { return nil }
		want, err := frontmatter.Parse(bytes.NewReader(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))), nil, frontmatter.NewFormat("---", "---", nop), frontmatter.NewFormat("+++", "+++", nop))
		if err == nil {
			want = bodyControls(want, "x.md", 1, new(diag.List))
		}
		if err == nil && !d.Broken && !bytes.Equal(d.Body, want) {
			t.Fatalf("body %q, the library's %q", d.Body, want)
		}
	})
}

package resolve

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

func TestLinkTarget(t *testing.T) {
	tests := []struct {
		dir, dest, rel, frag string
		inside               bool
	}{
		{"guides", "x.md", "guides/x.md", "", true},
		{"guides", "../news/n.md#part", "news/n.md", "part", true},
		{"guides", "sub/../x.csv", "guides/x.csv", "", true},
		{"guides", "my%20file.pdf", "guides/my file.pdf", "", true},
		{"guides", "%zz.pdf", "guides/%zz.pdf", "", true}, // a malformed escape stays as written
		{"", "about.md", "about.md", "", true},
		{"guides", "../../etc/passwd", "", "", false},
		{"guides", "..%2f..%2fetc/passwd", "", "", false},
		{"", "..", "", "", false},
		{"guides/deep", "../../../x.md", "", "", false},
	}
	for _, tt := range tests {
		rel, frag, inside := linkTarget(tt.dir, tt.dest)
		if rel != tt.rel || frag != tt.frag || inside != tt.inside {
			t.Errorf("linkTarget(%q, %q) = %q, %q, %v; want %q, %q, %v", tt.dir, tt.dest, rel, frag, inside, tt.rel, tt.frag, tt.inside)
		}
	}
}

// linkSite is a small site to resolve fuzzed links against, under a base
// path, with a document in a sub-folder so that ../ has somewhere to go.
func linkSite(tb testing.TB) (*resolver, *Page) {
	tb.Helper()
	cfg, d := config.Parse("site.yaml", []byte(strings.Replace(cfgYAML, "https://example.org/", "https://example.org/sub/", 1)))
	if d.HasErrors() {
		tb.Fatal(d)
	}
	guide := "audience: A\n"
	fsys := fstest.MapFS{
		"guides/deep/a.en.md": {Data: []byte(front("A", guide) + "## Part one\n")},
		"guides/b.en.md":      {Data: []byte(front("B", guide))},
		"guides/b.hu.md":      {Data: []byte(front("B", guide))},
		"about.en.md":         {Data: []byte(front("About", ""))},
		"guides/form.csv":     {Data: []byte("a,b")},
	}
	tree, diags := content.Load(fsys, content.Options{Prefix: "content", Languages: cfg.Codes(), Default: "en"})
	md := markdown.New(markdown.Options{})
	var inputs []Input
	for _, doc := range tree.Docs {
		m, vd := schema.Validate(doc, nil)
		diags.Append(vd)
		inputs = append(inputs, Input{Doc: doc, Meta: m, Body: md.Parse(doc.Path, doc.Body, doc.BodyLine)})
	}
	r := newResolver(cfg, inputs, Options{Now: time.Now(), Files: tree.Files}, &diags)
	r.linkTranslations()
	if diags.HasErrors() {
		tb.Fatal(diags)
	}
	for _, p := range r.site.Docs {
		if p.Doc.Path == "content/guides/deep/a.en.md" {
			return r, p
		}
	}
	tb.Fatal("no page a")
	return nil, nil
}

// FuzzResolveLink: whatever an editor writes as a link's destination,
// resolving it never panics, and a destination it rewrites is a page or a
// media file of this site, below its base path: never a path that climbs
// out of the site or names a file outside content/.
func FuzzResolveLink(f *testing.F) {
	for _, s := range []string{"../b.md", "../b.hu.md#x", "a.md#part-one", "../form.csv", "../../about.md",
		"../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%zz", "#top", "/abs", "//host/x", "?q", "./", "..", "....//x.md",
		"..\\..\\x.md", "x.md#", "%2e%2e/%2e%2e/%2e%2e/x.csv", "../form.csv?x=1#a"} {
		f.Add(s)
	}
	r, from := linkSite(f)
	base := r.site.BasePath
	f.Fuzz(func(t *testing.T, dest string) {
		p := *from
		p.Body = &markdown.Doc{Links: []markdown.Link{{Dest: dest}}}
		var diags diag.List
		got := r.links(&p, &diags, nil)[0]
		if got == "" {
			return
		}
		u, _, _ := strings.Cut(got, "#")
		if !strings.HasPrefix(u, base) || !strings.HasPrefix(path.Clean(u)+"/", base) {
			t.Fatalf("link %q resolved to %q, outside the base path %s", dest, got, base)
		}
		rel := strings.TrimPrefix(u, base)
		if media, ok := strings.CutPrefix(rel, "media/"); ok {
			if !r.opts.Files[media] {
				t.Fatalf("link %q resolved to %q, which is no content file", dest, got)
			}
			return
		}
		if r.site.Owner(rel) == "" {
			t.Fatalf("link %q resolved to %q, which is no page of the site", dest, got)
		}
	})
}

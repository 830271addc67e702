package resolve

import (
	"math/rand/v2"
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

func TestRegistryClaims(t *testing.T) {
	search := claim{rank: rankSite, pos: diag.Pos{File: "site.yaml"}, what: "the site's search page", self: "its address", url: "/en/search/", fix: "rename the taxonomy"}
	folder := claim{rank: rankFolder, pos: diag.Pos{File: "content/search/"}, what: "the list of the folder content/search/", self: "the folder's list", url: "/en/search/", fix: "rename the folder"}
	doc := func(file, url string) claim {
		return claim{rank: rankFile, pos: diag.Pos{File: file}, what: file, self: "its address", url: url, fix: "rename the file"}
	}
	tests := []struct {
		name       string
		pathA      string
		a          claim
		pathB      string
		b          claim
		want       string // "" when both claims stand
		wantAtFile string
	}{
		{"different paths", "en/a/", doc("content/a.en.md", "/en/a/"), "en/b/", doc("content/b.en.md", "/en/b/"), "", ""},
		{"a document on the search page", "en/search/", search, "en/search/", doc("content/search.en.md", "/en/search/"),
			"its address /en/search/ is already the site's search page; rename the file", "content/search.en.md"},
		{"a folder on the search page", "en/search/", search, "en/search/", folder,
			"the folder's list /en/search/ is already the site's search page; rename the folder", "content/search/"},
		{"a document on a folder's list", "en/search/", folder, "en/search/", doc("content/search.en.md", "/en/search/"),
			"its address /en/search/ is already the list of the folder content/search/; rename the file", "content/search.en.md"},
		{"two documents, blamed on the later", "en/g/a/", doc("content/g/a.en.md", "/en/g/a/"), "en/g/a/", doc("content/g/a b.en.md", "/en/g/a/"),
			"content/g/a b.en.md and content/g/a.en.md both make /en/g/a/; rename the file", "content/g/a.en.md"},
		{"capitals", "media/Photo.png", doc("content/Photo.png", "/media/Photo.png"), "media/photo.png", doc("content/photo.png", "/media/photo.png"),
			"content/Photo.png and content/photo.png make addresses that differ only in capitals (/media/Photo.png and /media/photo.png)", "content/photo.png"},
		{"a static index.html on a page", "en/search/", search, "en/search/index.html", doc("static/en/search/index.html", "/en/search/index.html"),
			"its address /en/search/index.html is already the site's search page", "static/en/search/index.html"},
		{"a file and a folder of the same name", "en/index.xml", claim{rank: rankSite, what: "the en news feed", url: "/en/index.xml"}, "en/index.xml/", folder,
			"the folder's list /en/search/ is already the en news feed", "content/search/"},
	}
	for _, tt := range tests {
		// Either order of claiming gives the same message at the same place.
		for _, swap := range []bool{false, true} {
			var diags diag.List
			r := newRegistry(&diags, 0)
			pa, a, pb, b := tt.pathA, tt.a, tt.pathB, tt.b
			if swap {
				pa, a, pb, b = pb, b, pa, a
			}
			okA, okB := r.claim(pa, a), r.claim(pb, b)
			if !okA {
				t.Fatalf("%s: the first claim failed", tt.name)
			}
			if tt.want == "" {
				if !okB || len(diags) != 0 {
					t.Errorf("%s: want both claims to stand, got %v", tt.name, diags)
				}
				continue
			}
			if okB || len(diags) != 1 {
				t.Fatalf("%s (swap %v): want one collision, got %v", tt.name, swap, diags)
			}
			if d := diags[0]; !strings.Contains(d.Msg, tt.want) || d.Pos.File != tt.wantAtFile {
				t.Errorf("%s (swap %v):\n got %s\nwant %s: …%s…", tt.name, swap, d, tt.wantAtFile, tt.want)
			}
		}
	}
}

// resolveSite resolves the documents of fsys with cfgYAML's languages (and
// taxonomies), the way site.Build does; inputs are given in the order perm
// says, to show the result does not depend on it.
func resolveSite(t *testing.T, cfgSrc string, fsys fstest.MapFS, opts Options, perm func([]Input)) (*Site, diag.List) {
	t.Helper()
	cfg, d := config.Parse("site.yaml", []byte(cfgSrc))
	if d.HasErrors() {
		t.Fatal(d)
	}
	tree, diags := content.Load(fsys, content.Options{Prefix: "content", Languages: cfg.Codes(), Default: "en"})
	md := markdown.New(markdown.Options{})
	var inputs []Input
	for _, doc := range tree.Docs {
		m, vd := schema.Validate(doc, nil)
		diags.Append(vd)
		inputs = append(inputs, Input{Doc: doc, Meta: m, Body: md.Parse(doc.Path, doc.Body, doc.BodyLine)})
	}
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if perm != nil {
		perm(inputs)
	}
	opts.Now = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	if opts.Files == nil {
		opts.Files = tree.Files
	}
	s, rd := Resolve(cfg, inputs, opts)
	rd.Sort()
	return s, rd
}

func TestCollisionsAndNamesThatMakeNoAddress(t *testing.T) {
	doc := func(extra string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(front("T", extra))} }
	guide := func(extra string) *fstest.MapFile { return doc("audience: A\n" + extra) }
	withTax := cfgYAML + "taxonomies: [topics, authors]\n"
	tests := []struct {
		name string
		cfg  string
		opts Options
		fsys fstest.MapFS
		want []string // diagnostics, each as printed; "" for none
	}{
		{"a page named like the search page", cfgYAML, Options{Search: true}, fstest.MapFS{"search.en.md": doc("")},
			[]string{`content/search.en.md: its address /en/search/ is already the site's search page; rename the file or give it another "slug"`}},
		{"without search the name is free", cfgYAML, Options{}, fstest.MapFS{"search.en.md": doc("")}, nil},
		{"a page named like the downloads page", cfgYAML, Options{Downloads: true}, fstest.MapFS{"downloads.hu.md": doc("")},
			[]string{`content/downloads.hu.md: its address /hu/downloads/ is already the downloads page; rename the file or give it another "slug"`}},
		{"a slug naming the search page", cfgYAML, Options{Search: true}, fstest.MapFS{"about.en.md": doc("slug: search\n")},
			[]string{`content/about.en.md:5:7: its address /en/search/ is already the site's search page; change its "slug"`}},
		{"a folder named like a taxonomy", cfgYAML, Options{}, fstest.MapFS{"topics/a.en.md": doc("")},
			[]string{`content/topics/: the folder's list /en/topics/ is already the index of the taxonomy "topics"; rename the folder`}},
		{"a top-level page named like a folder", cfgYAML, Options{}, fstest.MapFS{"guides.en.md": doc(""), "guides/a.en.md": guide("")},
			[]string{`content/guides.en.md: its address /en/guides/ is already the list of the folder content/guides/; rename the file or give it another "slug"`}},
		{"a document named page", cfgYAML, Options{}, fstest.MapFS{"guides/page.en.md": guide("")},
			[]string{`content/guides/page.en.md: its address /en/guides/page/ is already where the list of content/guides/ continues (/en/guides/page/2/ …); rename the file or give it another "slug"`}},
		{"a name of question marks", cfgYAML, Options{}, fstest.MapFS{"guides/???.en.md": guide(""), "guides/a.en.md": guide("")},
			[]string{`content/guides/???.en.md: the file name "???" has no letters or digits to make an address from; rename the file, e.g. to household-survey.en.md, or add a field like "slug: household-survey"`}},
		{"a name of hyphens, no language", cfgYAML, Options{}, fstest.MapFS{"news/---.md": doc("")},
			[]string{`content/news/---.md: the file name "---" has no letters or digits`}},
		{"an emoji name", cfgYAML, Options{}, fstest.MapFS{"news/🎉.sk.md": doc("")},
			[]string{`content/news/🎉.sk.md: the file name "🎉" has no letters or digits`}},
		{"a slug of hyphens", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": doc("slug: \"--\"\n")},
			[]string{`content/news/a.en.md:5:7: field "slug": "--" has no letters or digits to make an address from`}},
		{"a slug repeating another file's name", cfgYAML, Options{}, fstest.MapFS{"guides/a.en.md": guide(""), "guides/z.en.md": guide("slug: a\n")},
			[]string{`content/guides/z.en.md:6:7: its address /en/guides/a/ is already taken by content/guides/a.en.md; change its "slug"`}},
		{"two names, one slug", cfgYAML, Options{}, fstest.MapFS{"guides/a b.en.md": guide(""), "guides/a-b.en.md": guide("")},
			[]string{`content/guides/a-b.en.md: content/guides/a b.en.md and content/guides/a-b.en.md both make /en/guides/a-b/; rename the file or give it another "slug"`}},
		{"names that differ in case", cfgYAML, Options{}, fstest.MapFS{"guides/a.en.md": guide(""), "guides/A.en.md": guide("")},
			[]string{`content/guides/a.en.md: content/guides/A.en.md and content/guides/a.en.md both make /en/guides/a/`}},
		{"a file in a sub-folder", cfgYAML, Options{}, fstest.MapFS{"guides/a.en.md": guide(""), "guides/old/a.en.md": guide("")},
			[]string{`content/guides/old/a.en.md: content/guides/a.en.md and content/guides/old/a.en.md both make /en/guides/a/`}},
		{"a folder name with capitals", cfgYAML, Options{}, fstest.MapFS{"Guides/a.en.md": doc("")},
			[]string{`content/Guides/: the folder name "Guides" is part of addresses, which use lower-case letters, digits and hyphens; rename the folder to "guides"`}},
		{"media files that differ in case", cfgYAML, Options{}, fstest.MapFS{"guides/a.en.md": guide(""), "guides/Map.png": {}, "guides/map.png": {}},
			[]string{`content/guides/map.png: content/guides/Map.png and content/guides/map.png make addresses that differ only in capitals`}},
		{"a static file on the home page", cfgYAML, Options{Static: []string{"css/site.css", "en/index.html"}}, fstest.MapFS{"about.en.md": doc("")},
			[]string{`static/en/index.html: its address /en/index.html is already the en home page; rename or remove it`}},
		{"a static file among the media", cfgYAML, Options{Static: []string{"media/guides/map.png"}}, fstest.MapFS{"guides/a.en.md": guide(""), "guides/map.png": {}},
			[]string{`static/media/guides/map.png: content/guides/map.png and static/media/guides/map.png both make /media/guides/map.png; rename or remove it`}},
		{"a taxonomy named like the search page", cfgYAML + "taxonomies: [search]\n", Options{Search: true}, fstest.MapFS{"about.en.md": doc("")},
			[]string{`site.yaml:4:14: the site's search page and the index of the taxonomy "search" both make /en/search/; rename the taxonomy "search" in site.yaml`}},
		{"an empty content folder", cfgYAML, Options{}, fstest.MapFS{},
			[]string{`content: the folder holds no documents (Markdown files such as about.en.md); nothing was published, and the site published before stays as it was`}},
		{"only drafts and the expired", cfgYAML, Options{}, fstest.MapFS{"a.en.md": doc("draft: true\n"), "b.en.md": doc("draft: true\n"), "c.en.md": doc("expiry_date: 2024-06-01\n")},
			[]string{`content: no document can be published (2 drafts, 1 past its expiry_date); nothing was published, and the site published before stays as it was; to preview drafts, build with --drafts`}},
		{"a term of question marks", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": doc("topics: [housing, \"???\"]\n")},
			[]string{`content/news/a.en.md:5:19: field "topics": the term "???" has no letters or digits to make an address from; write it with letters or digits, or remove it`}},
		{"terms that differ in case", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": doc("cities: [Miskolc]\n"), "news/b.en.md": doc("cities:\n  - miskolc\n")},
			[]string{`content/news/b.en.md:6:5: warning: field "cities": "miskolc" is written "Miskolc" at content/news/a.en.md:5:10; both go to the page /en/cities/miskolc/, titled "Miskolc"; write the term the same way everywhere`}},
		{"terms that differ in accents", cfgYAML, Options{}, fstest.MapFS{"news/a.sk.md": doc("cities: [Košice]\n"), "news/b.sk.md": doc("cities: [Kosice, Kosice]\n")},
			[]string{`content/news/b.sk.md:5:10: warning: field "cities": "Kosice" is written "Košice" at content/news/a.sk.md:5:10; both go to the page /sk/cities/kosice/`}},
		{"terms in two languages are not compared", cfgYAML, Options{}, fstest.MapFS{"news/a.sk.md": doc("cities: [Košice]\n"), "news/a.en.md": doc("cities: [Kosice]\n")}, nil},
		{"different terms that share a page", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": doc("topics: [\"C++\"]\n"), "news/b.en.md": doc("topics: [C]\n")},
			[]string{`content/news/b.en.md:5:10: field "topics": the terms "C" and "C++" (at content/news/a.en.md:5:10) would share the page /en/topics/c/; write them so that they differ in letters or digits, or the same way if they are one term`}},
		{"a taxonomy no document uses", withTax, Options{}, fstest.MapFS{"news/a.en.md": doc("topics: [housing]\n")},
			[]string{`site.yaml:4:22: warning: field "taxonomies": no document uses "authors", so it gets no pages; list terms in a document's front matter (authors: ["…"]) or remove it from taxonomies`}},
		{"the default taxonomies are not worth a warning", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": doc("")}, nil},
		{"a link out of the content folder", cfgYAML, Options{}, fstest.MapFS{"news/a.en.md": {Data: []byte(front("T", "") + "[x](../../etc/passwd)\n")}},
			[]string{`content/news/a.en.md:6:1: link to "../../etc/passwd": it leads out of the content folder; link only to documents and files inside content/`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := resolveSite(t, tt.cfg, tt.fsys, tt.opts, nil)
			got := diags.String()
			if len(tt.want) == 0 && got != "" {
				t.Errorf("want no diagnostics, got\n%s", got)
			}
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing\n%s\nin\n%s", w, got)
				}
			}
		})
	}
}

// TestResolveIgnoresInputOrder resolves one site from its documents in
// many orders: the pages, their items and every message must be the same.
func TestResolveIgnoresInputOrder(t *testing.T) {
	g := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(front("T", "audience: A\n"+extra))}
	}
	fsys := fstest.MapFS{
		"guides/a.en.md":       g("topics: [Miskolc, housing]\n"),
		"guides/b.en.md":       g("topics: [miskolc]\n"),
		"guides/c.en.md":       g("topics: [MISKOLC]\ntranslationKey: k\n"),
		"guides/d.en.md":       g("translationKey: k\n"),
		"guides/A b.en.md":     g(""),
		"guides/a-b.en.md":     g(""),
		"news/n.hu.md":         {Data: []byte(front("N", "cities: [Košice]\n"))},
		"news/m.hu.md":         {Data: []byte(front("M", "cities: [Kosice]\n"))},
		"search.en.md":         {Data: []byte(front("S", ""))},
		"toolkits/kit.en.md":   {Data: []byte(front("K", ""))},
		"guides/sub/z.en.md":   g(""),
		"guides/other/z.en.md": g(""),
	}
	summary := func(s *Site, d diag.List) string {
		var b strings.Builder
		for _, p := range s.Pages {
			b.WriteString(p.Path + " " + p.Title)
			for _, it := range p.Items {
				b.WriteString(" " + it.URL)
			}
			b.WriteString("\n")
		}
		return b.String() + d.String()
	}
	s, d := resolveSite(t, cfgYAML, fsys, Options{Search: true}, nil)
	want := summary(s, d)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20; i++ {
		s, d := resolveSite(t, cfgYAML, fsys, Options{Search: true}, func(in []Input) {
			rng.Shuffle(len(in), func(i, j int) { in[i], in[j] = in[j], in[i] })
		})
		if got := summary(s, d); got != want {
			t.Fatalf("order %d gives another site:\n%s\nwant\n%s", i, got, want)
		}
	}
	if !strings.Contains(want, "both the en translation") || !strings.Contains(want, "warning") {
		t.Errorf("the fixture should hold collisions of every kind:\n%s", want)
	}
}

// TestTermPositionsOutliveTheFrontMatter: the builder drops each front
// matter after validation and keeps TermPositions; a term is still pointed
// at on its own line, past the terms of the taxonomies before it.
func TestTermPositionsOutliveTheFrontMatter(t *testing.T) {
	fsys := fstest.MapFS{"news/a.en.md": {Data: []byte(front("T", "topics: [housing, care]\npartners:\n  - AEIDL\ncities:\n  - Miskolc\n  - \"?!\"\n"))}}
	_, diags := resolveSite(t, cfgYAML, fsys, Options{}, func(in []Input) {
		for i := range in {
			in[i].TermPos = TermPositions(in[i].Doc.Front, []string{"topics", "partners", "cities"})
			in[i].Doc.Front = &content.Value{Kind: content.Map, Pos: in[i].Doc.Front.Pos}
		}
	})
	want := `content/news/a.en.md:10:5: field "cities": the term "?!" has no letters or digits`
	if !strings.Contains(diags.String(), want) {
		t.Errorf("want %s, got\n%s", want, diags)
	}
}

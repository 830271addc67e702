package resolve

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

const cfgYAML = "title: {en: T, hu: T, sk: T}\nbaseURL: https://example.org/\nlanguages: [{code: en, name: English}, {code: hu, name: Magyar}, {code: sk, name: Slovenčina}]\n"

func front(title string, extra string) string {
	return "---\ntitle: " + title + "\nsummary: S\ndate: 2024-01-01\n" + extra + "---\n"
}

func resolveFS(t *testing.T, fsys fstest.MapFS) (*Site, string) {
	t.Helper()
	cfg, d := config.Parse("site.yaml", []byte(cfgYAML))
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
	s, rd := Resolve(cfg, inputs, Options{Now: time.Now(), Files: tree.Files})
	return s, rd.String()
}

func page(s *Site, url string) *Page {
	for _, p := range s.Pages {
		if p.URL == url {
			return p
		}
	}
	return nil
}

func firstLink(p *Page) string { return p.LinkDests[0] }

func TestLinksResolveToTheSameLanguage(t *testing.T) {
	guide := "audience: A\n"
	fsys := fstest.MapFS{
		"guides/a.en.md": {Data: []byte(front("A", guide) + "[b](b.md)")},
		"guides/a.hu.md": {Data: []byte(front("A", guide) + "[b](b.md)")},
		"guides/a.sk.md": {Data: []byte(front("A", guide) + "[b](b.md#part)")},
		"guides/b.en.md": {Data: []byte(front("B", guide) + "## Part\n")},
		"guides/b.hu.md": {Data: []byte(front("B", guide+"slug: be\n"))},
		"news/n.en.md":   {Data: []byte(front("N", "") + "[explicit](../guides/b.hu.md)")},
		"news/x.en.md":   {Data: []byte(front("X", "") + "[file](../guides/q.csv)")},
		"guides/q.csv":   {Data: []byte("a,b")},
	}
	s, diags := resolveFS(t, fsys)
	// Slovak has no b: the link falls back to English, and the editor is
	// told; the explicit link to b.hu.md is no fallback.
	want := `content/guides/a.sk.md:7:1: warning: link to "b.md#part": the document has no Slovenčina version yet, so the link goes to the English one` + "\n"
	if diags != want {
		t.Fatalf("diagnostics:\n%s\nwant:\n%s", diags, want)
	}
	tests := []struct{ page, want string }{
		{"/en/guides/a/", "/en/guides/b/"},
		{"/hu/guides/a/", "/hu/guides/be/"},     // the translation's own slug
		{"/sk/guides/a/", "/en/guides/b/#part"}, // no Slovak b: the default language's
		{"/en/news/n/", "/hu/guides/be/"},       // an explicit language suffix
		{"/en/news/x/", "/media/guides/q.csv"},
	}
	for _, tt := range tests {
		p := page(s, tt.page)
		if p == nil {
			t.Fatalf("no page %s", tt.page)
		}
		if got := firstLink(p); got != tt.want {
			t.Errorf("%s links to %q, want %q", tt.page, got, tt.want)
		}
	}
	b := page(s, "/en/guides/b/")
	if len(b.Alternates) != 2 || b.Alternates[0].URL != "/hu/guides/be/" || !b.Alternates[1].Missing || b.Alternates[1].URL != "/sk/#untranslated" {
		t.Errorf("alternates of b = %+v", b.Alternates)
	}
}

func TestLinkErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"news/c.en.md": {Data: []byte(front("C", "attachments: [pic.png, form.csv]\n"))},
		"news/a.en.md": {Data: []byte(front("A", "") + "[x](missing.md) [y](b.md#nope) [z](gone.pdf)\n\n![](pic.png)")},
		"news/b.en.md": {Data: []byte(front("B", "") + "## Only\n")},
		"news/pic.png": {Data: []byte("png")},
	}
	_, diags := resolveFS(t, fsys)
	for _, want := range []string{
		`content/news/a.en.md:6:1: link to "missing.md": there is no document content/news/missing.md`,
		`content/news/a.en.md:6:17: link to "b.md#nope": content/news/b.en.md has no heading with the id "nope"`,
		`content/news/a.en.md:6:32: link to "gone.pdf": there is no file content/news/gone.pdf`,
		`content/news/a.en.md:8:1: image "pic.png" has no alt text`,
		`content/news/c.en.md:5:24: field "attachments": there is no file content/news/form.csv; put "form.csv" beside c.en.md`,
	} {
		if !strings.Contains(diags, want) {
			t.Errorf("missing diagnostic\n%s\nin\n%s", want, diags)
		}
	}
}

func TestToolkitsAndTaxonomies(t *testing.T) {
	g := func(order string) string {
		return "audience: A\ntoolkit: kit\norder: " + order + "\ntopics: [Lakhatás, housing]\n"
	}
	fsys := fstest.MapFS{
		"toolkits/kit.en.md": {Data: []byte(front("Kit", ""))},
		"guides/two.en.md":   {Data: []byte(front("Two", g("2")))},
		"guides/one.en.md":   {Data: []byte(front("One", g("1")))},
		"guides/three.en.md": {Data: []byte(front("Three", g("3")))},
		"guides/lost.en.md":  {Data: []byte(front("Lost", "audience: A\ntoolkit: nokit\n"))},
	}
	s, diags := resolveFS(t, fsys)
	if !strings.Contains(diags, `content/guides/lost.en.md:6:10: field "toolkit": no toolkit "nokit" in en`) {
		t.Errorf("diagnostics: %s", diags)
	}
	kit := page(s, "/en/toolkits/kit/")
	var titles []string
	for _, g := range kit.Guides {
		titles = append(titles, g.Title)
	}
	if strings.Join(titles, ",") != "One,Two,Three" {
		t.Errorf("toolkit order = %v", titles)
	}
	two := page(s, "/en/guides/two/")
	if two.Prev.Title != "One" || two.Next.Title != "Three" || two.Toolkit != kit {
		t.Errorf("prev/next of two = %v / %v", two.Prev, two.Next)
	}
	term := page(s, "/en/topics/lakhatas/")
	if term == nil || len(term.Items) != 3 || term.Title != "Lakhatás" {
		t.Fatalf("term page = %+v", term)
	}
	if refs := two.Terms["topics"]; len(refs) != 2 || refs[0].URL != "/en/topics/lakhatas/" {
		t.Errorf("terms of two = %+v", refs)
	}
	if page(s, "/en/topics/") == nil || page(s, "/en/guides/") == nil || page(s, "/en/") == nil || page(s, "/") == nil {
		t.Error("generated pages missing")
	}
}

func TestPagination(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 23; i++ {
		name := "news/n" + string(rune('a'+i)) + ".en.md"
		fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: N\nsummary: S\ndate: 2024-01-" + twoDigits(i+1) + "\n---\n")}
	}
	s, _ := resolveFS(t, fsys)
	lists := s.ByLang["en"].Sections["news"]
	if len(lists) != 3 || len(lists[2].Items) != 3 || lists[1].URL != "/en/news/page/2/" || lists[1].Pager.Prev != "/en/news/" || lists[1].Pager.Next != "/en/news/page/3/" {
		t.Fatalf("pagination = %d pages", len(lists))
	}
	if lists[0].Items[0].Date.Day() != 23 {
		t.Error("lists must be newest first")
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + string(rune('0'+n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func TestTermPagesArePaginated(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := 0; i < 12; i++ {
		fsys["news/n"+string(rune('a'+i))+".en.md"] = &fstest.MapFile{Data: []byte(front("N", "topics: [housing]\n"))}
	}
	s, _ := resolveFS(t, fsys)
	first, second := page(s, "/en/topics/housing/"), page(s, "/en/topics/housing/page/2/")
	if first == nil || second == nil || len(first.Items) != 10 || len(second.Items) != 2 || first.Pager.Next != second.URL {
		t.Fatalf("term pages: %+v / %+v", first, second)
	}
	if ref := s.ByLang["en"].Taxonomy["topics"].TermList[0]; ref.Count != 12 || ref.URL != "/en/topics/housing/" {
		t.Errorf("term ref = %+v", ref)
	}
}

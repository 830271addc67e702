package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/internal/safeurl"
	"github.com/4im-project/dissem/builder/internal/safeurl/safeurltest"
	"github.com/4im-project/dissem/builder/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Hostile strings an editor's copy and paste, or an attacker with write
// access to one document, could bring into the site.
const (
	hostileTitle = `</script><script>alert(1)</script> "><img src=x onerror=alert(1)> ]]> & co`
	hostileNews  = "News\u2028<svg onload=alert(1)> ]]> \u2029 </description>"
	hostileTopic = `<script>alert("topic")</script>`
)

// injectionSite is a small site whose titles, summaries, topics, authors,
// link destinations and bodies carry those strings; every link is one
// safeurl allows, so the site builds.
var injectionSite = map[string]string{
	"site.yaml": `title: {en: "Site </script><script>alert(1)</script>", hu: "H", sk: "S"}
description: {en: "\"><img src=x onerror=alert(1)>", hu: "H", sk: "S"}
baseURL: "https://example.org/"
defaultLanguage: en
languages:
  - {code: en, name: English, locale: en_GB}
  - {code: hu, name: Magyar, locale: hu_HU}
  - {code: sk, name: Slovenčina, locale: sk_SK}
publisher: "Publisher <script>alert(1)</script>"
menu: [guides, news, about]
`,
	"content/guides/survey.en.md": `---
title: ` + yamlQuote(hostileTitle) + `
summary: ` + yamlQuote(`"><img src=x onerror=alert(1)> </script><script>alert(1)</script> ]]>`) + `
date: 2024-05-31
audience: "<b onmouseover=alert(1)>workers</b>"
authors: [` + yamlQuote(`"><script>alert(1)</script>`) + `, ` + yamlQuote("Ann\vLee \x1b[2J\x00") + `]
topics: [` + yamlQuote(hostileTopic) + `, "participation"]
---
## Heading "><img src=x onerror=alert(1)>

<script>alert("body")</script> and <img src=x onerror=alert(1)> inline.

<div onclick="alert(1)">a block of raw HTML</div>

[quote in destination](https://example.org/"><script>alert(1)</script>)
[fragment](#"onmouseover=alert(1)//) [mail](mailto:a@example.org?subject="><script>alert(1)</script>)
<https://example.org/?"onfocus=alert(1)> [about](../about.md) ]]> ` + "\u2028" + ` end.

Pasted from Word:` + "\v" + `a line break, an escape ` + "\x1b[2J\u009b" + ` and a NUL` + "\x00" + `.
`,
	"content/news/launch.en.md": `---
title: ` + yamlQuote(hostileNews) + `
summary: ` + yamlQuote(hostileNews) + `
date: 2024-06-01
topics: [` + yamlQuote(hostileTopic) + `]
---
Body with ` + "`</script>`" + ` in code.
`,
}

func yamlQuote(s string) string {
	b, _ := json.Marshal(s) // a JSON string is a YAML double-quoted scalar
	return string(b)
}

// TestInjection builds injectionSite and reads every output the way its
// consumer does: pages as a browser parses them, JSON-LD and the search
// index as JSON, feeds and the sitemap as XML (and a feed's descriptions
// as the HTML a feed reader renders), briefs by their link annotations.
func TestInjection(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
		t.Fatal(err)
	}
	for name, data := range injectionSite {
		p := filepath.Join(src, filepath.FromSlash(name))
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(dir, "public")
	res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: filepath.Join(dir, "cache")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build: %s", res.Diags)
	}

	counts := map[string]int{}
	err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		name, _ := filepath.Rel(dest, p)
		name = filepath.ToSlash(name)
		if ext := path.Ext(name); ext != ".pdf" && ext != ".xlsx" && ext != ".png" && ext != ".jpg" && ext != ".webp" {
			// Texts hold no control character: a terminal, a CSV or
			// BibTeX reader or an XML parser would act on it.
			if i := bytes.IndexFunc(data, func(r rune) bool {
				return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || 0x7f <= r && r < 0xa0
			}); i >= 0 {
				t.Errorf("%s: control character %q at byte %d", name, data[i], i)
			}
		}
		switch {
		case strings.HasSuffix(name, ".html"):
			counts["html"]++
			checkPage(t, name, data)
		case strings.HasSuffix(name, "index.xml"):
			counts["feed"]++
			checkFeed(t, name, data)
		case strings.HasPrefix(name, "sitemap"):
			counts["sitemap"]++
			var v struct{}
			if err := xml.Unmarshal(data, &v); err != nil {
				t.Errorf("%s is not XML: %v", name, err)
			}
		case strings.Contains(name, "/search/") && strings.HasSuffix(name, ".json"):
			counts["search"]++
			checkSearch(t, name, data)
		case strings.HasSuffix(name, ".pdf"):
			counts["pdf"]++
			for _, u := range safeurltest.PDFURIs(data) {
				if !safeurl.Allowed(u) || !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "mailto:") {
					t.Errorf("%s: link annotation %q", name, u)
				}
			}
		case name == render.HeadersName:
			counts["headers"]++
			if !bytes.Equal(data, render.Headers()) {
				t.Errorf("_headers:\n%s", data)
			}
			// Every kind of download has its type, text ones their charset.
			for _, ext := range []string{".txt", ".bib", ".ris", ".vtt", ".csv", ".json", ".xlsx"} {
				rule := "\n/*" + ext + "\n  Content-Type: "
				_, after, ok := bytes.Cut(data, []byte(rule))
				typ, _, _ := bytes.Cut(after, []byte("\n"))
				if !ok || len(typ) == 0 || ext != ".xlsx" && !bytes.HasSuffix(typ, []byte("; charset=utf-8")) {
					t.Errorf("_headers gives %s the Content-Type %q, want one (with charset=utf-8 for text)", ext, typ)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for kind, least := range map[string]int{"html": 15, "feed": 3, "sitemap": 1, "search": 3, "pdf": 1, "headers": 1} {
		if counts[kind] < least {
			t.Errorf("%d %s outputs checked, want at least %d", counts[kind], kind, least)
		}
	}
}

// checkPage parses a page: nothing in it may run script, its JSON-LD is one
// JSON value, it carries the site's policy, and the hostile title, where it
// is the page's heading, is shown as text.
func checkPage(t *testing.T, name string, page []byte) {
	t.Helper()
	for _, p := range safeurltest.ProblemsHTML(page, false) {
		t.Errorf("%s: %s", name, p)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var csp string
	var h1 []string
	var jsonld []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				if attr(n, "http-equiv") == "Content-Security-Policy" {
					csp = attr(n, "content")
				}
			case atom.H1:
				h1 = append(h1, text(n))
			case atom.Script:
				if attr(n, "type") == "application/ld+json" {
					jsonld = append(jsonld, text(n))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if csp != render.ContentSecurityPolicy {
		t.Errorf("%s: Content-Security-Policy %q", name, csp)
	}
	if len(jsonld) != 1 {
		t.Errorf("%s: %d JSON-LD blocks", name, len(jsonld))
	}
	for _, j := range jsonld {
		var v map[string]any
		if err := json.Unmarshal([]byte(j), &v); err != nil {
			t.Errorf("%s: JSON-LD: %v\n%s", name, err, j)
		}
		if strings.Contains(strings.ToLower(j), "</script") || strings.Contains(j, "<!--") {
			t.Errorf("%s: JSON-LD could close its element: %s", name, j)
		}
		if name == "en/guides/"+guideSlug(t, v)+"/index.html" && v["name"] != hostileTitle {
			t.Errorf("%s: JSON-LD name %q, want %q", name, v["name"], hostileTitle)
		}
	}
	if strings.HasPrefix(name, "en/guides/") && strings.Count(name, "/") == 3 {
		// The heading is typeset (the straight quote after a space opens a
		// quotation: “); JSON-LD above keeps the title as written.
		shown := strings.Replace(hostileTitle, ` "`, ` “`, 1)
		if len(h1) != 1 || h1[0] != shown {
			t.Errorf("%s: heading %q, want the title as text %q", name, h1, shown)
		}
	}
}

// guideSlug is the last path segment of a JSON-LD url.
func guideSlug(t *testing.T, v map[string]any) string {
	u, _ := v["url"].(string)
	parts := strings.Split(strings.TrimSuffix(u, "/"), "/")
	return parts[len(parts)-1]
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// checkFeed parses a feed as XML and each description as a feed reader
// renders it, as HTML: the hostile summaries are text, not elements.
func checkFeed(t *testing.T, name string, data []byte) {
	t.Helper()
	var feed struct {
		Items []struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
			Link        string `xml:"link"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Errorf("%s is not XML: %v", name, err)
		return
	}
	for _, it := range feed.Items {
		ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		nodes, err := html.ParseFragment(strings.NewReader(it.Description), ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range nodes {
			if n.Type != html.TextNode {
				t.Errorf("%s: item %q: its description renders a <%s> element", name, it.Title, n.Data)
			}
		}
		if !strings.HasPrefix(it.Link, "https://example.org/") {
			t.Errorf("%s: item link %q", name, it.Link)
		}
	}
}

// checkSearch parses a search index: the reader's script puts these values
// in textContent and href, so every URL must be the site's own.
func checkSearch(t *testing.T, name string, data []byte) {
	t.Helper()
	// The manifest (meta.json) and the shards (s/*.json): JSON, and every
	// result row of a shard ("x": id → [title, url, type, date, snippet])
	// links inside the site. The page shows titles and snippets as text
	// (search.js never sets innerHTML), so hostile text stays text.
	var shard struct {
		X map[string][]any `json:"x"`
	}
	if strings.Contains(name, "/search/d/") {
		// A display chunk: a list of result rows.
		var rows [][]any
		if err := json.Unmarshal(data, &rows); err != nil {
			t.Errorf("%s is not a list of rows: %v", name, err)
			return
		}
		shard.X = map[string][]any{}
		for i, r := range rows {
			shard.X[strconv.Itoa(i)] = r
		}
	} else if err := json.Unmarshal(data, &shard); err != nil {
		t.Errorf("%s is not JSON: %v", name, err)
		return
	}
	for id, row := range shard.X {
		var u string
		if len(row) > 1 {
			u, _ = row[1].(string)
		}
		if !strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//") {
			t.Errorf("%s: result %s has URL %q", name, id, u)
		}
	}
}

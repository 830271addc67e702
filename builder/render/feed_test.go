package render

import (
	"encoding/xml"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A summary is plain text: a feed reader, which renders an item's
// description as HTML, must show its markup as characters. The feed is
// parsed as XML, then each description as HTML, as a reader does.
func TestFeedDescriptionIsText(t *testing.T) {
	summaries := []string{
		`<img src=x onerror=alert(1)>`,
		`"><script>alert(1)</script>`,
		`</description><script>alert(1)</script>`,
		`]]><script>alert(1)</script>`,
		`Tom & Jerry &lt;b&gt; &amp; co`,
		"line\u2028separator <b>bold</b>",
	}
	r := &Renderer{parsed: &parsed{site: &resolve.Site{BasePath: "/", Config: &config.Config{BaseURL: "https://x.eu/", Title: map[string]string{"en": "T"}}}}}
	var items []*resolve.Page
	for i, s := range summaries {
		items = append(items, &resolve.Page{URL: "/en/news/" + string(rune('a'+i)) + "/", Title: s, Summary: s,
			Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Meta: &schema.Meta{Type: schema.News, Topics: []string{s}}})
	}
	out, err := r.Feed("en", "", "/en/index.xml", "/en/", items)
	if err != nil {
		t.Fatal(err)
	}
	var feed struct {
		Items []struct {
			Title       string `xml:"title"`
			Description string `xml:"description"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(out, &feed); err != nil {
		t.Fatalf("the feed is not XML: %v\n%s", err, out)
	}
	if len(feed.Items) != len(summaries) {
		t.Fatalf("%d items, want %d", len(feed.Items), len(summaries))
	}
	for i, it := range feed.Items {
		if it.Title != summaries[i] {
			t.Errorf("title %q, want %q", it.Title, summaries[i])
		}
		text, elems := htmlText(t, it.Description)
		if len(elems) > 0 {
			t.Errorf("description %q holds elements %v in a feed reader", it.Description, elems)
		}
		if text != summaries[i] {
			t.Errorf("a feed reader shows %q, want %q", text, summaries[i])
		}
	}
}

// htmlText parses s as the HTML of a feed item and returns its text and the
// names of its elements.
func htmlText(t *testing.T, s string) (string, []string) {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	var elems []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
		case html.ElementNode:
			elems = append(elems, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return text.String(), elems
}

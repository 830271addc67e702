package render

import (
	"encoding/xml"
	"html"
	"time"

	"github.com/4im-project/dissem/builder/resolve"
)

// FeedItems is how many items a feed carries.
const FeedItems = 20

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Self          atomLink  `xml:"atom:link"`
	Description   string    `xml:"description"`
	Language      string    `xml:"language"`
	LastBuildDate string    `xml:"lastBuildDate,omitempty"`
	Items         []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

// rssItem is one entry. Feed readers take an item's description as HTML
// (RSS 2.0: "entity-encoded HTML is allowed"), so the plain-text summary is
// HTML-escaped before encoding/xml escapes it once more: a summary reading
// "<img onerror=…>" arrives in the reader as those characters, not an
// element. Titles and categories are plain text to readers and are not.
type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        string   `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Description string   `xml:"description"`
	Categories  []string `xml:"category"`
}

// Feed renders an RSS 2.0 feed of items (newest first) at feedURL, titled
// for the language and, when section is set, the section.
func (r *Renderer) Feed(lang, section, feedURL, pageURL string, items []*resolve.Page) ([]byte, error) {
	// Titles are text a reader sees in a feed reader: typeset for the
	// language, as on the pages.
	typo := r.cat.Lang(lang).Typeset
	title := typo(r.site.Config.Title[lang])
	if section != "" {
		title = r.cat.T(lang, "section."+section) + " – " + title
	}
	ch := rssChannel{
		Title: title, Link: r.site.AbsURL(pageURL), Description: r.site.Config.Description[lang], Language: lang,
		Self: atomLink{Href: r.site.AbsURL(feedURL), Rel: "self", Type: "application/rss+xml"},
	}
	if len(items) > FeedItems {
		items = items[:FeedItems]
	}
	// The newest item dates the feed, so the same content gives the same bytes.
	if len(items) > 0 {
		ch.LastBuildDate = items[0].Date.UTC().Format(time.RFC1123Z)
	}
	for _, p := range items {
		ch.Items = append(ch.Items, rssItem{
			Title: typo(p.Title), Link: r.site.AbsURL(p.URL), GUID: r.site.AbsURL(p.URL),
			PubDate: p.Date.UTC().Format(time.RFC1123Z), Description: html.EscapeString(p.Summary), Categories: p.Meta.Topics,
		})
	}
	out, err := xml.MarshalIndent(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

// SitemapURLs is the most URLs one sitemap file may list (sitemaps.org);
// a bigger site gets a sitemap index pointing to several files.
const SitemapURLs = 50_000

type sitemapIndex struct {
	XMLName  xml.Name     `xml:"sitemapindex"`
	NS       string       `xml:"xmlns,attr"`
	Sitemaps []sitemapRef `xml:"sitemap"`
}

type sitemapRef struct {
	Loc string `xml:"loc"`
}

// SitemapIndex lists sitemap files by their site URLs ("/sitemap-1.xml").
func (r *Renderer) SitemapIndex(urls []string) ([]byte, error) {
	idx := sitemapIndex{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, u := range urls {
		idx.Sitemaps = append(idx.Sitemaps, sitemapRef{Loc: r.site.AbsURL(u)})
	}
	out, err := xml.MarshalIndent(idx, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	XHTML   string       `xml:"xmlns:xhtml,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string        `xml:"loc"`
	Lastmod string        `xml:"lastmod,omitempty"`
	Links   []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap lists pages (at most SitemapURLs) with their hreflang alternates.
func (r *Renderer) Sitemap(pages []*resolve.Page) ([]byte, error) {
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		if p.Kind == resolve.KindNotFound {
			continue
		}
		u := sitemapURL{Loc: r.site.AbsURL(p.URL)}
		if p.Kind == resolve.KindDocument {
			last := p.Date
			if !p.Meta.Lastmod.IsZero() {
				last = p.Meta.Lastmod
			}
			u.Lastmod = last.Format("2006-01-02")
		}
		v := &View{Page: p, r: r, lang: r.cat.Lang(p.Lang)}
		if hl := v.Hreflangs(); len(hl) > 1 {
			for _, h := range hl {
				u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: h.Lang, Href: h.URL})
			}
		}
		set.URLs = append(set.URLs, u)
	}
	out, err := xml.MarshalIndent(set, "", " ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}

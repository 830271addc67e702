package linkcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ref is one URL a file refers to.
type ref struct {
	url  string
	line int
	what string // how the page uses it, for messages: "<a href>", "CSS url()"
	// resource is true when a browser fetches it on its own while showing
	// the page (images, scripts, stylesheets, icons …), as opposed to a link
	// the reader may follow.
	resource bool
}

// alternate is a <link rel=alternate hreflang>.
type alternate struct {
	lang, href string
	line       int
}

// page is what one parsed file contributes.
type page struct {
	ids  map[string]bool
	refs []ref
	alts []alternate
	err  error
}

// resourceRels are the <link rel> values whose href the browser fetches by
// itself; a <link rel=alternate> or canonical is only a reference.
var resourceRels = map[string]bool{
	"stylesheet": true, "icon": true, "apple-touch-icon": true, "mask-icon": true,
	"manifest": true, "preload": true, "prefetch": true, "modulepreload": true,
	"preconnect": true, "dns-prefetch": true,
}

func parseHTMLFile(dir, rel string) *page {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return &page{err: err}
	}
	return parseHTML(data)
}

// parseHTML collects ids, references and alternates. It uses the tokenizer,
// not the tree parser: it is enough to see attributes, and it lets us count
// lines so messages point at the element.
func parseHTML(data []byte) *page {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	inStyle := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p // io.EOF, or a read error that cannot happen on a byte slice
		}
		// Raw must be read before TagAttr, which may reuse its bytes.
		raw := z.Raw()
		at := line
		line += bytes.Count(raw, []byte{'\n'})
		switch tt {
		case html.TextToken:
			if inStyle {
				p.refs = append(p.refs, cssRefs(raw, at, "<style>")...)
			}
		case html.EndTagToken:
			inStyle = false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			inStyle = a == atom.Style && tt == html.StartTagToken
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			p.element(a, string(name), attrs, at)
		}
	}
}

// element records what one start tag contributes.
func (p *page) element(a atom.Atom, name string, attrs map[string]string, line int) {
	if id, ok := attrs["id"]; ok {
		p.ids[id] = true
	}
	if a == atom.A {
		if n, ok := attrs["name"]; ok {
			p.ids[n] = true
		}
	}
	if st, ok := attrs["style"]; ok {
		p.refs = append(p.refs, cssRefs([]byte(st), line, "<"+name+" style>")...)
	}
	add := func(attr string, resource bool) {
		if v, ok := attrs[attr]; ok {
			p.refs = append(p.refs, ref{url: v, line: line, what: "<" + name + " " + attr + ">", resource: resource})
		}
	}
	switch a {
	case atom.A, atom.Area:
		add("href", false)
	case atom.Link:
		rels := strings.Fields(strings.ToLower(attrs["rel"]))
		res := false
		for _, r := range rels {
			res = res || resourceRels[r]
		}
		add("href", res)
		if lang, ok := attrs["hreflang"]; ok && slices.Contains(rels, "alternate") {
			p.alts = append(p.alts, alternate{lang: lang, href: attrs["href"], line: line})
		}
	case atom.Img, atom.Source:
		add("src", true)
		for _, u := range srcset(attrs["srcset"]) {
			p.refs = append(p.refs, ref{url: u, line: line, what: "<" + name + " srcset>", resource: true})
		}
	case atom.Script, atom.Iframe, atom.Frame, atom.Embed, atom.Audio, atom.Track:
		add("src", true)
	case atom.Video:
		add("src", true)
		add("poster", true)
	case atom.Input:
		if strings.EqualFold(attrs["type"], "image") {
			add("src", true)
		}
	case atom.Object:
		add("data", true)
	case atom.Form:
		add("action", false)
	}
}

// srcset returns the URLs of a srcset attribute ("a.png 1x, b.png 2x").
func srcset(v string) []string {
	var urls []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			urls = append(urls, f[0])
		}
	}
	return urls
}

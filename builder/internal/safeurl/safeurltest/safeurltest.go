// Package safeurltest checks published HTML the way an attacker's payload
// would be found in it: parsed as a browser parses it, not searched as text.
// Only tests import it.
package safeurltest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/4im-project/dissem/builder/internal/safeurl"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// urlAttrs are the attributes whose value a browser follows or loads.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"data": true, "cite": true, "background": true, "xlink:href": true, "ping": true,
}

// forbidden are elements no page of the site has; in a page they came from content.
var forbidden = map[string]bool{
	"iframe": true, "object": true, "embed": true, "base": true, "frame": true, "frameset": true,
	"applet": true, "math": true,
}

// ProblemsHTML parses page as a browser would and lists what could run
// script: an event-handler attribute, a URL attribute that safeurl refuses,
// a script element other than an external same-site script or a JSON-LD
// block whose content is one JSON value, an element such as iframe or
// object, or a refresh. inBody parses page as a fragment inside <body>.
func ProblemsHTML(page []byte, inBody bool) []string {
	var nodes []*html.Node
	if inBody {
		ctx := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
		ns, err := html.ParseFragment(bytes.NewReader(page), ctx)
		if err != nil {
			return []string{err.Error()}
		}
		nodes = ns
	} else {
		doc, err := html.Parse(bytes.NewReader(page))
		if err != nil {
			return []string{err.Error()}
		}
		nodes = []*html.Node{doc}
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			out = append(out, element(n)...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return out
}

func element(n *html.Node) []string {
	var out []string
	if forbidden[n.Data] {
		out = append(out, fmt.Sprintf("<%s> element", n.Data))
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if a.Namespace != "" {
			key = a.Namespace + ":" + key
		}
		switch {
		case strings.HasPrefix(key, "on"):
			out = append(out, fmt.Sprintf("<%s %s=%q>: event handler", n.Data, key, a.Val))
		case urlAttrs[key] && !safeurl.Allowed(a.Val):
			out = append(out, fmt.Sprintf("<%s %s=%q>: URL not allowed", n.Data, key, a.Val))
		case key == "srcset" && strings.Contains(strings.ToLower(a.Val), "script:"):
			out = append(out, fmt.Sprintf("<%s srcset=%q>", n.Data, a.Val))
		case n.Data == "meta" && key == "http-equiv" && strings.EqualFold(a.Val, "refresh"):
			out = append(out, "<meta http-equiv=refresh>")
		}
	}
	if n.Data == "script" {
		out = append(out, script(n)...)
	}
	return out
}

// script allows <script src="/…"> and JSON-LD that is exactly one JSON value.
func script(n *html.Node) []string {
	var typ, src string
	for _, a := range n.Attr {
		switch a.Key {
		case "type":
			typ = a.Val
		case "src":
			src = a.Val
		}
	}
	var text strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		text.WriteString(c.Data)
	}
	switch {
	case typ == "application/ld+json":
		var v any
		if err := json.Unmarshal([]byte(text.String()), &v); err != nil {
			return []string{fmt.Sprintf("JSON-LD is not one JSON value (%v): %.80q", err, text.String())}
		}
		return nil
	case typ == "" && strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//") && strings.TrimSpace(text.String()) == "":
		return nil
	}
	return []string{fmt.Sprintf("<script type=%q src=%q>%.60s", typ, src, text.String())}
}

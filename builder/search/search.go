// Package search builds the per-language index that the search page loads
// lazily: a small JSON array the browser filters itself.
package search

import (
	"encoding/json"
	"strings"

	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
)

// TextLimit caps the body text kept per document, to keep the index small
// on slow links.
const TextLimit = 1500

// Entry is one document in the index. Short keys keep the file small.
type Entry struct {
	Title   string `json:"t"`
	URL     string `json:"u"`
	Type    string `json:"y"`
	Summary string `json:"s"`
	Topics  string `json:"g,omitempty"`
	Text    string `json:"x"`
}

// Index returns the JSON index of docs. typeLabel names a content type in
// the index's language.
func Index(docs []*resolve.Page, typeLabel func(string) string) ([]byte, error) {
	entries := make([]Entry, 0, len(docs))
	for _, p := range docs {
		text := markdown.PlainText(p.Body.Root, p.Body.Source)
		text = strings.Join(strings.Fields(text), " ")
		if len(text) > TextLimit {
			cut := strings.LastIndexByte(text[:TextLimit], ' ')
			if cut < 0 {
				cut = TextLimit
			}
			text = text[:cut]
		}
		entries = append(entries, Entry{
			Title: p.Title, URL: p.URL, Type: typeLabel(p.Meta.Type), Summary: p.Summary,
			Topics: strings.Join(p.Meta.Topics, ", "), Text: text,
		})
	}
	return json.Marshal(entries)
}

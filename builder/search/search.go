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

// Excerpt returns the plain text the index keeps of a parsed body: words
// separated by single spaces, at most TextLimit bytes, cut between words.
func Excerpt(d *markdown.Doc) string {
	text := strings.Join(strings.Fields(markdown.PlainText(d.Root, d.Source)), " ")
	if len(text) > TextLimit {
		cut := strings.LastIndexByte(text[:TextLimit], ' ')
		if cut < 0 {
			cut = TextLimit
		}
		text = text[:cut]
	}
	return text
}

// Index returns the JSON index of docs, whose Text was set with Excerpt.
// typeLabel names a content type in the index's language.
func Index(docs []*resolve.Page, typeLabel func(string) string) ([]byte, error) {
	entries := make([]Entry, 0, len(docs))
	for _, p := range docs {
		entries = append(entries, Entry{
			Title: p.Title, URL: p.URL, Type: typeLabel(p.Meta.Type), Summary: p.Summary,
			Topics: strings.Join(p.Meta.Topics, ", "), Text: p.Text,
		})
	}
	return json.Marshal(entries)
}

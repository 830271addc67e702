package search

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

func TestIndex(t *testing.T) {
	md := markdown.New(markdown.Options{})
	long := strings.Repeat("szegregátum ", 400)
	withText := func(p *resolve.Page) *resolve.Page { p.Text = Excerpt(p.Body); return p }
	docs := []*resolve.Page{
		withText(&resolve.Page{Title: "Közösségi coaching", URL: "/hu/guides/c/", Summary: "S", Meta: &schema.Meta{Type: "guide", Topics: []string{"részvétel"}},
			Body: md.Parse("c.md", []byte("## Első\n\nA **lakók** szavaznak.\n\n- egy\n- kettő\n"), 1)}),
		withText(&resolve.Page{Title: "Long", URL: "/hu/news/l/", Meta: &schema.Meta{Type: "news"}, Body: md.Parse("l.md", []byte(long), 1)}),
	}
	data, err := Index(docs, func(t string) string { return "T:" + t })
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	if e := entries[0]; e.Text != "Első A lakók szavaznak. egy kettő" || e.Type != "T:guide" || e.Topics != "részvétel" {
		t.Errorf("entry = %+v", e)
	}
	if n := len(entries[1].Text); n > TextLimit || strings.HasSuffix(entries[1].Text, " ") {
		t.Errorf("long text kept %d bytes", n)
	}
}

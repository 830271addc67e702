package markdown

import (
	"bytes"
	"testing"
)

// Rendering with placeholders and filling them in must give the same HTML
// as rendering with the destinations set in the tree.
func TestRenderDeferredMatchesDirectRendering(t *testing.T) {
	src := "See [a](a.md \"T\") and [b](b.md#x), ![pic & more](p.png), [js](javascript:alert(1)) and [ext](https://x.eu/a?b=1&c=2).\n\n[^1]: note [c](c.md)\n\nRef[^1].\n"
	dests := []string{"/en/a/", "/en/b/#x", "/media/p.png", "", "", "/en/c/"}
	m := New(Options{})

	direct := m.Parse("x.md", []byte(src), 1)
	direct.SetDestinations(dests)
	var want bytes.Buffer
	if err := m.Render(&want, direct); err != nil {
		t.Fatal(err)
	}

	deferred := m.Parse("x.md", []byte(src), 1)
	var html bytes.Buffer
	if err := m.RenderDeferred(&html, deferred); err != nil {
		t.Fatal(err)
	}
	deferred.DropTree()
	got := FillLinks(html.Bytes(), deferred.Links, dests)
	// goldmark with our options is in unsafe mode: the one difference is the
	// javascript: link, which FillLinks drops.
	wantS := bytes.Replace(want.Bytes(), []byte(`href="javascript:alert(1)"`), []byte(`href=""`), 1)
	if got != string(wantS) {
		t.Errorf("got\n%s\nwant\n%s", got, wantS)
	}
}

func TestFillLinksLeavesLookalikesAlone(t *testing.T) {
	in := []byte(`<p>"dissem-link-x" "dissem-link-9"</p>`)
	if got := FillLinks(in, []Link{{Dest: "a"}}, nil); got != string(in) {
		t.Errorf("got %s", got)
	}
}

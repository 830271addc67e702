package markdown

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// fakePictures knows a.jpg (2400 × 1600 published at 480 and 1600) and
// small.png (one size); bad.jpg is damaged.
type fakePictures struct{ asked []string }

func (f *fakePictures) Picture(file, dest string) (*Picture, error) {
	f.asked = append(f.asked, file+" "+dest)
	switch dest {
	case "a.jpg":
		return &Picture{Src: "/img/a-1600.h.jpg", Srcset: "/img/a-480.h.jpg 480w, /img/a-1600.h.jpg 1600w", Width: 1600, Height: 1067}, nil
	case "small.png":
		return &Picture{Src: "/img/small-300.h.png", Width: 300, Height: 200}, nil
	case "bad.jpg":
		return nil, errors.New("content/bad.jpg is cut short")
	}
	return nil, nil
}

const bigImg = `<img src="/img/a-1600.h.jpg" srcset="/img/a-480.h.jpg 480w, /img/a-1600.h.jpg 1600w" sizes="` + Sizes + `" width="1600" height="1067"`

func TestFigures(t *testing.T) {
	for _, c := range []struct {
		name, src string
		lead      bool
		want      string
	}{
		{"figure with caption and credit", `![Residents paint the room](a.jpg "The new community room — Photo: Anna Kovács")`, false,
			"<figure>\n" + bigImg + ` alt="Residents paint the room" fetchpriority="high">` + "\n<figcaption>The new community room <span class=\"credit\">Photo: Anna Kovács</span></figcaption>\n</figure>\n"},
		{"the first picture is fetched first, the next lazily", "![One](small.png)\n\n![Two](a.jpg \"Caption only\")", false,
			"<figure>\n" + `<img src="/img/small-300.h.png" width="300" height="200" alt="One" fetchpriority="high">` + "\n</figure>\n<figure>\n" + bigImg + ` alt="Two" loading="lazy" decoding="async">` + "\n<figcaption>Caption only</figcaption>\n</figure>\n"},
		{"a lead picture above the body comes first", `![One](small.png)`, true,
			"<figure>\n" + `<img src="/img/small-300.h.png" width="300" height="200" alt="One" loading="lazy" decoding="async">` + "\n</figure>\n"},
		{"a picture in running text stays inline", `See ![the map](small.png "Map") here.`, false,
			`<p>See <img src="/img/small-300.h.png" width="300" height="200" alt="the map" title="Map" fetchpriority="high"> here.</p>` + "\n"},
		{"decorative", `![-](small.png)`, false,
			"<figure>\n" + `<img src="/img/small-300.h.png" width="300" height="200" alt="" fetchpriority="high">` + "\n</figure>\n"},
		{"credit only", `![Hall](small.png "— Photo: 4IM")`, false,
			"<figure>\n" + `<img src="/img/small-300.h.png" width="300" height="200" alt="Hall" fetchpriority="high">` + "\n<figcaption><span class=\"credit\">Photo: 4IM</span></figcaption>\n</figure>\n"},
		{"escaped", `![a "b" & c](small.png "x <y> — Photo: A & B")`, false,
			"<figure>\n" + `<img src="/img/small-300.h.png" width="300" height="200" alt="a “b” &amp; c" fetchpriority="high">` + "\n<figcaption>x &lt;y&gt; <span class=\"credit\">Photo: A &amp; B</span></figcaption>\n</figure>\n"},
		{"unknown files are left to the link check", `![x](other.jpg)`, false, `<p><img src="other.jpg" alt="x"></p>` + "\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := New(Options{Pictures: &fakePictures{}, Quotes: Quotes{"“", "”", "‘", "’"}})
			d := m.Parse("content/x.md", []byte(c.src), 1, WithLead(c.lead))
			var b bytes.Buffer
			if err := m.Render(&b, d); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("\n got %s\nwant %s", b.String(), c.want)
			}
			if len(d.Problems) > 0 {
				t.Errorf("problems: %v", d.Problems)
			}
		})
	}
}

// TestPictureProblems: a picture that cannot be published is reported
// where it is written, with the media set's message.
func TestPictureProblems(t *testing.T) {
	f := &fakePictures{}
	m := New(Options{Pictures: f})
	d := m.Parse("content/x.md", []byte("Text\n\nSee ![the hall](bad.jpg)."), 5)
	want := `content/x.md:7:5: image "bad.jpg": content/bad.jpg is cut short`
	if len(d.Problems) != 1 || d.Problems[0].String() != want {
		t.Errorf("problems %v, want %s", d.Problems, want)
	}
	if strings.Join(f.asked, ",") != "content/x.md bad.jpg" {
		t.Errorf("asked %v", f.asked)
	}
}

// TestCaptionNoBreak: a caption is typeset like the text: no line ends
// with a Slovak one-letter preposition.
func TestCaptionNoBreak(t *testing.T) {
	m := New(Options{Pictures: &fakePictures{}, NoBreak: func(s string) bool { return strings.HasSuffix(s, " v") || s == "v" }})
	d := m.Parse("content/x.md", []byte(`![Sála](small.png "Konferencia v Miškovci — Foto: v meste")`), 1)
	var b bytes.Buffer
	if err := m.Render(&b, d); err != nil {
		t.Fatal(err)
	}
	if want := "<figcaption>Konferencia v\u00a0Miškovci <span class=\"credit\">Foto: v\u00a0meste</span></figcaption>"; !strings.Contains(b.String(), want) {
		t.Errorf("got %s\nwant %s", b.String(), want)
	}
}

func TestSplitTitle(t *testing.T) {
	for _, c := range []struct{ in, caption, credit string }{
		{"The room — Photo: Anna", "The room", "Photo: Anna"},
		{"A – B — Fotó: Kovács Anna", "A – B", "Fotó: Kovács Anna"},
		{"Talks -- Foto: Mesto Košice", "Talks", "Foto: Mesto Košice"},
		{"Before and after — a year of work", "Before and after — a year of work", ""},
		{"— Photo: 4IM", "", "Photo: 4IM"},
		{"", "", ""},
	} {
		if caption, credit := splitTitle(c.in); caption != c.caption || credit != c.credit {
			t.Errorf("%q: %q, %q; want %q, %q", c.in, caption, credit, c.caption, c.credit)
		}
	}
}

package brief

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"os"
	"testing"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// TestPictureWarnings: a WebP lead picture and a WebP in the body, which
// browsers show but a brief cannot print, are each reported once, at the
// front-matter field and at the image; JPEG, PNG, GIF and SVG are not.
func TestPictureWarnings(t *testing.T) {
	jpg, err := os.ReadFile("testdata/foto.jpg")
	if err != nil {
		t.Fatal(err)
	}
	webp := []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00")
	gif := []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")
	src := "Text.\n\n![A](a.webp)\n\n![B](b.jpg)\n\n![C](c.gif)\n\n![A again](a.webp)\n"
	body := markdown.New(markdown.Options{}).Parse("content/x.md", []byte(src), 4)
	p := &resolve.Page{Meta: &schema.Meta{Image: "lead.webp",
		Pos: map[string]diag.Pos{"image": {File: "content/x.md", Line: 2, Col: 8}}}}
	d := &Document{Meta: Meta{Image: "/media/lead.webp"}, Body: body}
	images := map[string][]byte{"/media/lead.webp": webp, "a.webp": webp, "b.jpg": jpg, "c.gif": gif}
	got := pictureWarnings(p, d, images).String()
	want := "content/x.md:2:8: warning: field \"image\": the PDF brief cannot print this WEBP picture, so its cover has none; give a JPEG or PNG copy (image: lead.jpg)\n" +
		"content/x.md:6:1: warning: the PDF brief cannot print the WEBP picture a.webp and shows its description instead; link a JPEG or PNG copy\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestGIFPicture: a GIF in the body is printed (as a PNG of its first
// frame), not replaced by its description.
func TestGIFPicture(t *testing.T) {
	var buf bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 40, 20), color.Palette{color.White, color.Black})
	if err := gif.Encode(&buf, pal, nil); err != nil {
		t.Fatal(err)
	}
	d := hostileDoc(t, "t", "![Chart](chart.gif)\n")
	d.ReadFile = func(string) ([]byte, error) { return buf.Bytes(), nil }
	pages, _, _ := engine(t).briefPages(d)
	found := false
	for _, pg := range pages {
		for _, pl := range pg {
			for _, o := range pl.r.ops {
				found = found || o.kind == opImage && o.img.typ == "PNG" && o.img.name == "chart.gif"
			}
		}
	}
	if !found {
		t.Error("the GIF is not drawn")
	}
	if _, err := engine(t).Brief(d); err != nil {
		t.Fatal(err)
	}
}

package brief

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/schema"
)

// testPNG is a w×h picture of one colour.
func testPNG(t testing.TB, w, h int, c color.RGBA) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, c.A
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mediaDoc is the Hungarian fixture (it has notes) with a video and a gallery of n photos
// (pictures made here, read through the document's ReadFile).
func mediaDoc(t testing.TB, n int) *Document {
	d := loadDoc(t, fixtures[0])
	files := map[string][]byte{"media/poster.png": testPNG(t, 640, 360, color.RGBA{20, 60, 120, 255})}
	d.Video = &Video{Poster: "media/poster.png", Still: "Still from the video", Caption: "The centre in eleven seconds",
		URL: d.URL, Heading: "Video", TranscriptHeading: "Transcript", Watch: "Watch the video on the web:",
		Transcript: []string{"Narrator: The centre has opened.", "On screen: three circles joined by a line."}}
	d.Gallery = &Gallery{Heading: "Photos"}
	for i := range n {
		name := "media/photo" + string(rune('a'+i)) + ".png"
		files[name] = testPNG(t, 800, 600-100*(i%2), color.RGBA{uint8(40 * i), 120, 80, 255})
		d.Gallery.Photos = append(d.Gallery.Photos, Photo{Src: name, Alt: "Photo " + string(rune('A'+i)),
			Caption: "Caption " + string(rune('A'+i)), Credit: "Photo: team"})
	}
	read := d.ReadFile
	d.ReadFile = func(name string) ([]byte, error) {
		if b, ok := files[name]; ok {
			return b, nil
		}
		return read(name)
	}
	return d
}

// TestMediaSections: the video's poster is a Figure whose /Alt says what
// it is, with its caption inside; the page's address and the transcript
// follow under their headings; each photo of a gallery (one alone, or in
// the two-column grid) is a Figure with its alt text and its caption.
func TestMediaSections(t *testing.T) {
	need := func(name string) {
		if _, err := exec.LookPath(name); err != nil && os.Getenv("CI") == "" {
			t.Skipf("%s not installed", name)
		}
	}
	need("qpdf")
	need("pdftotext")
	for _, n := range []int{1, 3} {
		d := mediaDoc(t, n)
		res, err := engine(t).Brief(d)
		if err != nil {
			t.Fatal(err)
		}
		path := writeTemp(t, "media", res.PDF)
		checkHeadingText(t, path, []string{"H2 Video", "H3 Transcript", "H2 Photos", "H2 Notes"})
		text := run(t, "pdftotext", "-enc", "UTF-8", path, "-")
		for _, want := range []string{"Narrator: The centre has opened.", "On screen: three circles", d.URL, "Watch the video on the web:"} {
			if !strings.Contains(text, want) {
				t.Errorf("%d photos: the text lacks %q", n, want)
			}
		}
		figures := map[string]string{} // alt → the text of its caption
		for _, e := range checkTree(t, readQPDF(t, path)) {
			if e.role != "Figure" {
				continue
			}
			caption := ""
			for _, k := range e.kids {
				if k.role == "Caption" {
					caption = "yes"
				}
			}
			figures[e.alt] = caption
		}
		want := []string{"Still from the video: The centre in eleven seconds"}
		for _, ph := range d.Gallery.Photos {
			want = append(want, ph.Alt)
		}
		for _, alt := range want {
			c, ok := figures[alt]
			if !ok {
				t.Errorf("%d photos: no Figure with /Alt %q; figures: %q", n, alt, figures)
			} else if c == "" {
				t.Errorf("%d photos: the Figure %q has no Caption", n, alt)
			}
		}
	}
}

// TestMediaWarnings: a WebP poster or gallery photo, which the page shows
// but a brief cannot print, is reported at its front-matter field, with
// what the brief does instead; PNG photos are not.
func TestMediaWarnings(t *testing.T) {
	webp := []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00")
	pos := func(line int) diag.Pos { return diag.Pos{File: "content/x.md", Line: line, Col: 11} }
	p := &resolve.Page{Meta: &schema.Meta{
		Video:   &schema.Video{Poster: "still.webp", PosterPos: pos(8)},
		Gallery: []schema.GalleryPhoto{{Src: "a.png", SrcPos: pos(11)}, {Src: "b.webp", SrcPos: pos(12)}},
	}}
	d := &Document{Video: &Video{Poster: "/media/still.webp"},
		Gallery: &Gallery{Photos: []Photo{{Src: "/media/a.png"}, {Src: "/media/b.webp"}}}}
	images := map[string][]byte{"/media/still.webp": webp, "/media/a.png": testPNG(t, 4, 4, color.RGBA{A: 255}), "/media/b.webp": webp}
	got := mediaWarnings(p, d, images).String()
	want := "content/x.md:8:11: warning: field \"video\": the PDF brief cannot print the WEBP poster still.webp and shows the caption without it; give a JPEG or PNG copy (poster: still.jpg)\n" +
		"content/x.md:12:11: warning: field \"gallery\": the PDF brief cannot print the WEBP photo b.webp and leaves it out; give a JPEG or PNG copy (src: b.jpg)\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// BenchmarkMediaBrief lays out and draws a brief with a video (poster and
// transcript) and a gallery of four photos; compare with the same brief
// without them (BenchmarkMediaBrief/none) for what the media cost.
func BenchmarkMediaBrief(b *testing.B) {
	for _, tc := range []struct {
		name  string
		media bool
	}{{"none", false}, {"video+4photos", true}} {
		b.Run(tc.name, func(b *testing.B) {
			d := mediaDoc(b, 4)
			if !tc.media {
				d.Video, d.Gallery = nil, nil
			}
			e := engine(b)
			b.ResetTimer()
			for b.Loop() {
				if _, err := e.Brief(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

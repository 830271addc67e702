package brief

import (
	"image/color"
	"testing"
)

// TestKeyMedia: the cache key changes with everything a brief's media
// sections print (transcript, caption, a photo's credit, the labels) and
// with the bytes of the poster and the photos, so an edited transcript or
// a replaced picture makes the brief again.
func TestKeyMedia(t *testing.T) {
	images := func(d *Document) map[string][]byte {
		m := map[string][]byte{}
		for _, name := range []string{d.Video.Poster, d.Gallery.Photos[0].Src} {
			m[name], _ = d.ReadFile(name)
		}
		return m
	}
	base := mediaDoc(t, 2)
	key := Key(base, images(base))
	if again := mediaDoc(t, 2); Key(again, images(again)) != key {
		t.Fatal("the same document gives two keys")
	}
	tests := []struct {
		name   string
		change func(d *Document, img map[string][]byte)
	}{
		{"transcript", func(d *Document, _ map[string][]byte) { d.Video.Transcript[1] = "On screen: four circles." }},
		{"transcript paragraphs", func(d *Document, _ map[string][]byte) {
			d.Video.Transcript = []string{d.Video.Transcript[0] + " " + d.Video.Transcript[1]}
		}},
		{"caption", func(d *Document, _ map[string][]byte) { d.Video.Caption += "." }},
		{"heading", func(d *Document, _ map[string][]byte) { d.Video.TranscriptHeading = "Átirat" }},
		{"credit", func(d *Document, _ map[string][]byte) { d.Gallery.Photos[1].Credit = "Photo: AEIDL" }},
		{"poster bytes", func(d *Document, img map[string][]byte) {
			img[d.Video.Poster] = testPNG(t, 640, 360, color.RGBA{200, 0, 0, 255})
		}},
		{"photo bytes", func(d *Document, img map[string][]byte) {
			img[d.Gallery.Photos[0].Src] = testPNG(t, 10, 10, color.RGBA{0, 0, 0, 255})
		}},
		{"no video", func(d *Document, _ map[string][]byte) { d.Video = nil }},
		{"no gallery", func(d *Document, _ map[string][]byte) { d.Gallery = nil }},
	}
	for _, tt := range tests {
		d := mediaDoc(t, 2)
		img := images(d)
		tt.change(d, img)
		if Key(d, img) == key {
			t.Errorf("%s changed, the key did not", tt.name)
		}
	}
}

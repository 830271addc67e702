package media

import (
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/media/mediatest"
)

// FuzzPicture feeds arbitrary bytes to the probe (format, header, EXIF
// orientation, end marker) and, when they pass and are small, to the
// processing: a message or a picture, never a panic.
func FuzzPicture(f *testing.F) {
	small, _ := mediatest.JPEG(photo(40, 30), 80, mediatest.EXIF{Orientation: 6, GPS: &mediatest.GPS{Lat: 48, Lon: 20}, Make: "X"})
	f.Add(small, ".jpg")
	f.Add(pngHeader(50000, 50000), ".png")
	f.Add([]byte(`<svg viewBox="0 0 10 5"/>`), ".svg")
	f.Add([]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), ".gif")
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		name := "p" + ext
		if len(ext) > 8 {
			name = "p.jpg"
		}
		img, err := NewSet(fstest.MapFS{name: {Data: data}}, Options{}).Image(name)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty message")
			}
			return
		}
		if img.Width <= 0 || img.Height <= 0 || len(img.Variants) == 0 {
			t.Fatalf("picture without size: %+v", img)
		}
		if img.Width*img.Height <= 1<<20 {
			_, _ = process(img, data)
		}
	})
}

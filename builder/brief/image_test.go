package brief

import (
	"bytes"
	"image/jpeg"
	"os"
	"testing"
)

// TestPlainJPEGDropsMetadata: a photo's Exif segment (camera, GPS
// position) does not reach the PDF, and the picture still decodes the same.
func TestPlainJPEGDropsMetadata(t *testing.T) {
	data, err := os.ReadFile("testdata/foto.jpg")
	if err != nil {
		t.Fatal(err)
	}
	// An Exif segment with a GPS tag name, right after SOI.
	exif := append([]byte("Exif\x00\x00GPSLatitude 48.1"), make([]byte, 20)...)
	seg := append([]byte{0xFF, 0xE1, byte((len(exif) + 2) >> 8), byte(len(exif) + 2)}, exif...)
	withExif := append(append(append([]byte(nil), data[:2]...), seg...), data[2:]...)
	out := plainJPEG(withExif)
	if bytes.Contains(out, []byte("GPSLatitude")) {
		t.Error("the Exif segment is still there")
	}
	a, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := jpeg.Decode(bytes.NewReader(data))
	if a.Bounds() != b.Bounds() {
		t.Errorf("bounds %v, want %v", a.Bounds(), b.Bounds())
	}
	if got := plainJPEG([]byte("not a jpeg")); string(got) != "not a jpeg" {
		t.Errorf("non-JPEG changed: %q", got)
	}
}

package media

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/media/mediatest"
)

// memWriter collects written files.
type memWriter map[string][]byte

func (m memWriter) WriteRaw(name string, data []byte) error { m[name] = data; return nil }

// photo is a w × h picture with a texture, so that JPEG sizes are those
// of a photo rather than of a flat colour.
func photo(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	seed := uint32(1)
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			n := uint8(seed >> 27)
			m.SetRGBA(x, y, color.RGBA{uint8(x*255/w) + n, uint8(y*255/h) + n, 120 + n, 255})
		}
	}
	return m
}

func jpegOf(t testing.TB, m image.Image, e mediatest.EXIF) []byte {
	t.Helper()
	data, err := mediatest.JPEG(m, 90, e)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestVariantWidths(t *testing.T) {
	for _, c := range []struct {
		w, h   int
		widths []int
		srcset string
	}{
		{2400, 1600, []int{480, 800, 1200, 1600}, "/pictures/p-480.HASH.jpg 480w, /pictures/p-800.HASH.jpg 800w, /pictures/p-1200.HASH.jpg 1200w, /pictures/p-1600.HASH.jpg 1600w"},
		{1000, 500, []int{480, 800, 1000}, ""},
		{850, 500, []int{480, 850}, ""}, // 800 is within a tenth of 850
		{300, 200, []int{300}, ""},      // never enlarged
	} {
		fsys := fstest.MapFS{"p.jpg": {Data: jpegOf(t, image.NewRGBA(image.Rect(0, 0, c.w, c.h)), mediatest.EXIF{})}}
		img, err := NewSet(fsys, Options{}).Image("p.jpg")
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, v := range img.Variants {
			got = append(got, v.Width)
			if want := (c.h*v.Width + c.w/2) / c.w; v.Height != want {
				t.Errorf("%d px wide: height %d, want %d", v.Width, v.Height, want)
			}
		}
		if fmtInts(got) != fmtInts(c.widths) {
			t.Errorf("%d × %d: widths %v, want %v", c.w, c.h, got, c.widths)
		}
		if last := img.Variants[len(img.Variants)-1]; img.Width != last.Width || img.Height != last.Height || img.Src != last.URL {
			t.Errorf("%d × %d: image %d × %d %s, largest variant %+v", c.w, c.h, img.Width, img.Height, img.Src, last)
		}
		if c.srcset != "" {
			if want := strings.ReplaceAll(c.srcset, "HASH", img.hash); img.Srcset != want {
				t.Errorf("srcset\n got %s\nwant %s", img.Srcset, want)
			}
		}
	}
}

// marked is a 90 × 60 picture, blue, with a red top-left corner and a
// green top-right one: any turn or mirror moves them.
func marked() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, 90, 60))
	for y := range 60 {
		for x := range 90 {
			c := color.RGBA{0, 0, 255, 255}
			if y < 20 && x < 30 {
				c = color.RGBA{255, 0, 0, 255}
			} else if y < 20 && x >= 60 {
				c = color.RGBA{0, 255, 0, 255}
			}
			m.SetRGBA(x, y, c)
		}
	}
	return m
}

// stored is how a camera stores display image d under orientation o: the
// inverse of what a viewer does to show it, written as plain turns and
// mirrors, independently of orient.
func stored(d *image.RGBA, o int) *image.RGBA {
	w, h := d.Bounds().Dx(), d.Bounds().Dy()
	get := func(x, y int) color.Color { return d.At(x, y) }
	var sw, sh int
	var from func(x, y int) color.Color
	switch o {
	case 1:
		sw, sh, from = w, h, get
	case 2: // mirrored
		sw, sh, from = w, h, func(x, y int) color.Color { return get(w-1-x, y) }
	case 3: // upside down
		sw, sh, from = w, h, func(x, y int) color.Color { return get(w-1-x, h-1-y) }
	case 4: // mirrored upside down
		sw, sh, from = w, h, func(x, y int) color.Color { return get(x, h-1-y) }
	case 5: // transposed
		sw, sh, from = h, w, func(x, y int) color.Color { return get(y, x) }
	case 6: // shown turned clockwise, so stored turned anticlockwise
		sw, sh, from = h, w, func(x, y int) color.Color { return get(w-1-y, x) }
	case 7: // transverse
		sw, sh, from = h, w, func(x, y int) color.Color { return get(w-1-y, h-1-x) }
	case 8: // shown turned anticlockwise, so stored turned clockwise
		sw, sh, from = h, w, func(x, y int) color.Color { return get(y, h-1-x) }
	}
	s := image.NewRGBA(image.Rect(0, 0, sw, sh))
	for y := range sh {
		for x := range sw {
			s.Set(x, y, from(x, y))
		}
	}
	return s
}

func TestOrientationApplied(t *testing.T) {
	for o := 1; o <= 8; o++ {
		fsys := fstest.MapFS{"p.jpg": {Data: jpegOf(t, stored(marked(), o), mediatest.EXIF{Orientation: o})}}
		set := NewSet(fsys, Options{})
		img, err := set.Image("p.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if img.Width != 90 || img.Height != 60 {
			t.Errorf("orientation %d: size %d × %d, want 90 × 60", o, img.Width, img.Height)
		}
		out := memWriter{}
		if _, d, err := set.Write(out); err != nil || len(d) > 0 {
			t.Fatal(err, d)
		}
		m, err := jpeg.Decode(bytes.NewReader(out[img.Variants[0].Name]))
		if err != nil {
			t.Fatal(err)
		}
		if b := m.Bounds(); b.Dx() != 90 || b.Dy() != 60 {
			t.Fatalf("orientation %d: published %v", o, b)
		}
		for _, p := range []struct {
			x, y int
			want string
		}{{5, 5, "red"}, {85, 5, "green"}, {45, 50, "blue"}, {5, 55, "blue"}} {
			if got := colourName(m.At(p.x, p.y)); got != p.want {
				t.Errorf("orientation %d: (%d, %d) is %s, want %s", o, p.x, p.y, got, p.want)
			}
		}
	}
}

func colourName(c color.Color) string {
	r, g, b, _ := c.RGBA()
	switch {
	case r > 0xA000 && g < 0x6000 && b < 0x6000:
		return "red"
	case g > 0xA000 && r < 0x6000 && b < 0x6000:
		return "green"
	case b > 0xA000 && r < 0x6000 && g < 0x6000:
		return "blue"
	}
	return "mixed"
}

// TestMetadataStripped: a phone photo's GPS position and camera name are
// in the source and in none of the published files.
func TestMetadataStripped(t *testing.T) {
	src := jpegOf(t, photo(1000, 700), mediatest.EXIF{Orientation: 1, Make: "PhoneMaker", Model: "Model X",
		GPS: &mediatest.GPS{Lat: 48.1031, Lon: 20.7784}})
	if !bytes.Contains(src, []byte("Exif\x00\x00")) || !bytes.Contains(src, []byte("PhoneMaker")) {
		t.Fatal("the fixture has no EXIF")
	}
	if app1 := exifSegment(src); app1 == nil || !bytes.Contains(app1, []byte{0x25, 0x88}) {
		t.Fatal("the fixture has no GPS pointer")
	}
	set := NewSet(fstest.MapFS{"p.jpg": {Data: src}}, Options{})
	if _, err := set.Image("p.jpg"); err != nil {
		t.Fatal(err)
	}
	out := memWriter{}
	if _, _, err := set.Write(out); err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 {
		t.Fatalf("%d files, want 3", len(out))
	}
	for name, data := range out {
		if exifSegment(data) != nil || bytes.Contains(data, []byte("Exif")) || bytes.Contains(data, []byte("PhoneMaker")) {
			t.Errorf("%s carries the source's metadata", name)
		}
	}
}

// TestRebuildProcessesNothing: a second build of the same pictures with
// the same cache folder decodes none and publishes the same bytes.
func TestRebuildProcessesNothing(t *testing.T) {
	fsys := fstest.MapFS{
		"a.jpg":   {Data: jpegOf(t, photo(1300, 900), mediatest.EXIF{})},
		"b/c.png": {Data: pngOf(t, photo(600, 400))},
	}
	dir := t.TempDir()
	build := func() (Stats, memWriter) {
		set := NewSet(fsys, Options{CacheDir: dir})
		for _, rel := range []string{"a.jpg", "b/c.png"} {
			if _, err := set.Image(rel); err != nil {
				t.Fatal(err)
			}
		}
		out := memWriter{}
		st, d, err := set.Write(out)
		if err != nil || len(d) > 0 {
			t.Fatal(err, d)
		}
		if err := set.Prune(); err != nil {
			t.Fatal(err)
		}
		return st, out
	}
	st1, out1 := build()
	st2, out2 := build()
	if st1.Processed != 2 || st2.Processed != 0 || st2.Reused != 2 {
		t.Errorf("first build %+v, second %+v: want 2 processed, then 0 processed and 2 reused", st1, st2)
	}
	if len(out1) != len(out2) || len(out1) != 5 {
		t.Fatalf("%d then %d files", len(out1), len(out2))
	}
	for name := range out1 {
		if !bytes.Equal(out1[name], out2[name]) {
			t.Errorf("%s differs on rebuild", name)
		}
	}
	// A changed picture gets new names and is processed again.
	fsys["a.jpg"] = &fstest.MapFile{Data: jpegOf(t, photo(1300, 901), mediatest.EXIF{})}
	if st3, _ := build(); st3.Processed != 1 || st3.Reused != 1 {
		t.Errorf("after a change: %+v, want 1 processed and 1 reused", st3)
	}
	// Prune kept only what the last build used.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("cache holds %d files after prune, want 5", len(entries))
	}
}

func pngOf(t testing.TB, m image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader is the start of a PNG that claims w × h pixels: a valid
// signature and IHDR chunk, and nothing else.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6 // 8-bit RGBA
	chunk := append([]byte("IHDR"), ihdr...)
	out := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0d")
	out = append(out, chunk...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(chunk))
}

func TestBadPictures(t *testing.T) {
	good := jpegOf(t, photo(200, 100), mediatest.EXIF{})
	corrupt := append([]byte{}, good...)
	// Keep the headers and the end marker, spoil the compressed data.
	for i := len(corrupt) / 2; i < len(corrupt)-10; i++ {
		corrupt[i] = 0xFF
	}
	for _, c := range []struct {
		name string
		data []byte
		want string // the probe's error, or the write's when it starts with "write:"
	}{
		{"bomb.png", append(pngHeader(50000, 50000), []byte("IEND")...), "content/bomb.png claims 50000 × 50000 pixels (2500 megapixels); pictures may have at most 40: make it smaller (2400 pixels wide is plenty for the web) and save it again"},
		{"lie.jpg", pngOf(t, photo(20, 20)), `content/lie.jpg is a PNG picture, but its name ends in ".jpg"; rename it lie.png`},
		{"page.jpg", []byte("<!DOCTYPE html><html>not a picture</html>"), "content/page.jpg is not a picture; save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file"},
		{"empty.png", nil, "content/empty.png is an empty file; save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file"},
		{"phone.jpg", append([]byte("\x00\x00\x00\x18ftypheic"), make([]byte, 40)...), "content/phone.jpg is a HEIC photo (as iPhones save them), which browsers do not show; save the picture as JPEG (photos) or PNG (drawings, screenshots) and use that file"},
		{"cut.jpg", good[:len(good)/2], "content/cut.jpg is cut short: the end of the picture is missing (an interrupted copy or upload?); copy the file again"},
		{"head.jpg", good[:40], "content/head.jpg is cut short: the end of the picture is missing (an interrupted copy or upload?); copy the file again"},
		{"zero.png", append(pngHeader(0, 10), []byte("IEND")...), "content/zero.png is damaged: its header cannot be read (its width or height is zero); export the picture again"},
		{"corrupt.jpg", corrupt, "write:content/corrupt.jpg: the picture is damaged"},
		{"nosize.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>`), `content/nosize.svg has no size: give its <svg> element a viewBox (viewBox="0 0 800 600") or width and height attributes`},
	} {
		set := NewSet(fstest.MapFS{c.name: {Data: c.data}}, Options{})
		_, err := set.Image(c.name)
		if write, ok := strings.CutPrefix(c.want, "write:"); ok {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
				continue
			}
			_, d, werr := set.Write(memWriter{})
			if werr != nil || len(d) != 1 || !strings.HasPrefix(d[0].String(), write) {
				t.Errorf("%s: write gave %v %v, want %s…", c.name, d, werr, write)
			}
			continue
		}
		if err == nil || err.Error() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.name, err, c.want)
		}
	}
	if _, err := NewSet(fstest.MapFS{}, Options{}).Image("gone.jpg"); err == nil || !strings.Contains(err.Error(), "there is no file content/gone.jpg") {
		t.Errorf("missing: %v", err)
	}
}

func TestSVGSize(t *testing.T) {
	for _, c := range []struct {
		src  string
		w, h int
	}{
		{`<?xml version="1.0"?><!-- logo --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120.4 80"/>`, 120, 80},
		{`<svg width="300px" height="150" viewBox="0 0 10 5"/>`, 300, 150},
		{`<svg width="100%" height="100%" viewBox="0,0,64,32"/>`, 64, 32},
	} {
		fsys := fstest.MapFS{"a.svg": {Data: []byte(c.src)}}
		img, err := NewSet(fsys, Options{}).Image("a.svg")
		if err != nil || img.Width != c.w || img.Height != c.h || img.Srcset != "" {
			t.Errorf("%s: %+v %v, want %d × %d", c.src, img, err, c.w, c.h)
		}
	}
}

// TestLinkedPicture: a picture linked as a file is published at its own
// address too, upright and without its metadata.
func TestLinkedPicture(t *testing.T) {
	src := jpegOf(t, photo(700, 500), mediatest.EXIF{GPS: &mediatest.GPS{Lat: 48.1, Lon: 20.8}, Make: "PhoneMaker"})
	set := NewSet(fstest.MapFS{"a/p.jpg": {Data: src}, "b.svg": {Data: []byte(`<svg viewBox="0 0 4 3"/>`)}}, Options{})
	for _, rel := range []string{"a/p.jpg", "b.svg"} {
		if _, err := set.Link(rel); err != nil {
			t.Fatal(err)
		}
	}
	out := memWriter{}
	if _, _, err := set.Write(out); err != nil {
		t.Fatal(err)
	}
	got := out["media/a/p.jpg"]
	if got == nil || bytes.Contains(got, []byte("PhoneMaker")) || bytes.Equal(got, src) {
		t.Errorf("media/a/p.jpg: %d bytes, want the re-encoded picture", len(got))
	}
	if string(out["media/b.svg"]) != `<svg viewBox="0 0 4 3"/>` {
		t.Errorf("media/b.svg: %q", out["media/b.svg"])
	}
}

func TestUpright(t *testing.T) {
	src := jpegOf(t, stored(marked(), 6), mediatest.EXIF{Orientation: 6, GPS: &mediatest.GPS{Lat: 1, Lon: 2}})
	out, changed, err := Upright(src, 90)
	if err != nil || !changed {
		t.Fatal(err, changed)
	}
	m, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil || m.Bounds().Dx() != 90 || colourName(m.At(5, 5)) != "red" || exifSegment(out) != nil {
		t.Errorf("not upright or still with EXIF: %v %v", m.Bounds(), err)
	}
	plain := jpegOf(t, marked(), mediatest.EXIF{})
	if out, changed, _ := Upright(plain, 90); changed || !bytes.Equal(out, plain) {
		t.Error("an upright JPEG was re-encoded")
	}
}

// TestStripWebP: a WebP's EXIF and XMP chunks go, its image data stays.
func TestStripWebP(t *testing.T) {
	chunk := func(id string, data []byte) []byte {
		out := append([]byte(id), 0, 0, 0, 0)
		binary.LittleEndian.PutUint32(out[4:], uint32(len(data)))
		out = append(out, data...)
		if len(data)%2 == 1 {
			out = append(out, 0)
		}
		return out
	}
	body := chunk("VP8X", []byte{0x0C, 0, 0, 0, 9, 0, 0, 9, 0, 0})
	body = append(body, chunk("VP8L", []byte("pixels!"))...)
	body = append(body, chunk("EXIF", []byte("GPS 48.1 20.7"))...)
	body = append(body, chunk("XMP ", []byte("<x:xmpmeta/>"))...)
	file := append([]byte("RIFF\x00\x00\x00\x00WEBP"), body...)
	binary.LittleEndian.PutUint32(file[4:], uint32(len(file)-8))
	out := stripWebP(file)
	if bytes.Contains(out, []byte("GPS")) || bytes.Contains(out, []byte("xmpmeta")) || !bytes.Contains(out, []byte("pixels!")) {
		t.Errorf("stripped: %q", out)
	}
	if out[20]&0x0C != 0 || int(binary.LittleEndian.Uint32(out[4:])) != len(out)-8 {
		t.Errorf("flags %x, size %d of %d", out[20], binary.LittleEndian.Uint32(out[4:]), len(out))
	}
	if got := stripWebP([]byte("RIFF\xff\xff\xff\xffWEBPVP8 \xff\xff\xff\x7f")); len(got) == 0 {
		t.Error("a malformed file vanished")
	}
}

// Package mediatest makes JPEG files with EXIF metadata (orientation, a
// GPS position, the camera's name) as cameras and phones write them, for
// the tests of builder/media and the sample site's photos.
package mediatest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"math"
)

// GPS is a position, in degrees (north and east positive).
type GPS struct{ Lat, Lon float64 }

// EXIF is the metadata to write.
type EXIF struct {
	// Orientation is the EXIF orientation tag (1–8, 0 for none).
	Orientation int
	// GPS, when set, is written as the GPS sub-IFD.
	GPS *GPS
	// Make and Model name the camera ("" for none).
	Make, Model string
}

// JPEG encodes m at quality q and puts an APP1 EXIF segment with e right
// after the start-of-image marker, where cameras put it.
func JPEG(m image.Image, q int, e EXIF) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: q}); err != nil {
		return nil, err
	}
	return Insert(buf.Bytes(), e), nil
}

// Insert returns the JPEG data with an EXIF segment holding e after its
// start-of-image marker.
func Insert(data []byte, e EXIF) []byte {
	tiff := tiff(e)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(2+6+len(tiff)))
	seg = append(seg, "Exif\x00\x00"...)
	seg = append(seg, tiff...)
	out := append([]byte{}, data[:2]...)
	out = append(out, seg...)
	return append(out, data[2:]...)
}

// entry is one IFD entry; data longer than 4 bytes goes after the IFD.
type entry struct {
	tag, typ uint16
	count    uint32
	data     []byte
}

const (
	typASCII    = 2
	typShort    = 3
	typLong     = 4
	typRational = 5
)

func ascii(tag uint16, s string) entry {
	return entry{tag, typASCII, uint32(len(s) + 1), append([]byte(s), 0)}
}

// tiff lays out a little-endian TIFF header, IFD0 and the GPS IFD.
func tiff(e EXIF) []byte {
	le := binary.LittleEndian
	var ifd0 []entry
	if e.Make != "" {
		ifd0 = append(ifd0, ascii(0x010F, e.Make))
	}
	if e.Model != "" {
		ifd0 = append(ifd0, ascii(0x0110, e.Model))
	}
	if e.Orientation > 0 {
		v := make([]byte, 2)
		le.PutUint16(v, uint16(e.Orientation))
		ifd0 = append(ifd0, entry{0x0112, typShort, 1, v})
	}
	var gps []entry
	if e.GPS != nil {
		ns, ew := "N", "E"
		lat, lon := e.GPS.Lat, e.GPS.Lon
		if lat < 0 {
			ns, lat = "S", -lat
		}
		if lon < 0 {
			ew, lon = "W", -lon
		}
		gps = []entry{ascii(1, ns), {2, typRational, 3, dms(lat)}, ascii(3, ew), {4, typRational, 3, dms(lon)}}
		ifd0 = append(ifd0, entry{0x8825, typLong, 1, make([]byte, 4)}) // offset filled below
	}
	out := []byte{'I', 'I', 42, 0, 8, 0, 0, 0}
	ifdSize := func(n int) int { return 2 + 12*n + 4 }
	gpsAt := 8 + ifdSize(len(ifd0)) + extra(ifd0)
	if e.GPS != nil {
		le.PutUint32(ifd0[len(ifd0)-1].data, uint32(gpsAt))
	}
	out = appendIFD(out, ifd0, 8)
	if e.GPS != nil {
		out = appendIFD(out, gps, gpsAt)
	}
	return out
}

// extra is the bytes an IFD's values take after it.
func extra(es []entry) int {
	n := 0
	for _, e := range es {
		if len(e.data) > 4 {
			n += len(e.data) + len(e.data)%2
		}
	}
	return n
}

// appendIFD writes the IFD es, which starts at offset at of the TIFF data,
// with its long values after it.
func appendIFD(out []byte, es []entry, at int) []byte {
	le := binary.LittleEndian
	out = le.AppendUint16(out, uint16(len(es)))
	valueAt := at + 2 + 12*len(es) + 4
	var values []byte
	for _, e := range es {
		out = le.AppendUint16(out, e.tag)
		out = le.AppendUint16(out, e.typ)
		out = le.AppendUint32(out, e.count)
		if len(e.data) <= 4 {
			v := make([]byte, 4)
			copy(v, e.data)
			out = append(out, v...)
			continue
		}
		out = le.AppendUint32(out, uint32(valueAt+len(values)))
		values = append(values, e.data...)
		if len(e.data)%2 == 1 {
			values = append(values, 0)
		}
	}
	out = le.AppendUint32(out, 0) // no next IFD
	return append(out, values...)
}

// dms writes degrees as three rationals: degrees, minutes, seconds/100.
func dms(v float64) []byte {
	le := binary.LittleEndian
	d := math.Floor(v)
	m := math.Floor((v - d) * 60)
	s := math.Round(((v-d)*60 - m) * 60 * 100)
	var out []byte
	for _, r := range [][2]uint32{{uint32(d), 1}, {uint32(m), 1}, {uint32(s), 100}} {
		out = le.AppendUint32(out, r[0])
		out = le.AppendUint32(out, r[1])
	}
	return out
}

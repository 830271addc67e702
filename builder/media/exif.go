package media

import "encoding/binary"

// orientation reads the EXIF orientation tag (0x0112) of a JPEG: 1 (as
// stored) to 8, 1 when the file has none or it cannot be read. Only the
// APP1 segment is looked at, and every offset is checked against its
// length: a hostile file gets orientation 1, never a panic or a long loop.
//
// Values (TIFF 6.0): 2 mirrored, 3 turned 180°, 4 mirrored upside down, 5
// mirrored and turned 90° anticlockwise, 6 turned 90° clockwise, 7 mirrored
// and turned 90° clockwise, 8 turned 90° anticlockwise (to display it).
func orientation(data []byte) int {
	app1 := exifSegment(data)
	if app1 == nil {
		return 1
	}
	tiff := app1[6:] // after "Exif\0\0"
	if len(tiff) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(tiff[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	ifd := int(bo.Uint32(tiff[4:8]))
	if ifd < 8 || ifd+2 > len(tiff) {
		return 1
	}
	n := int(bo.Uint16(tiff[ifd:]))
	for i := range n {
		e := ifd + 2 + 12*i
		if e+12 > len(tiff) {
			return 1
		}
		if bo.Uint16(tiff[e:]) != 0x0112 {
			continue
		}
		// SHORT (3), count 1: the value is in the entry's first two bytes.
		if bo.Uint16(tiff[e+2:]) != 3 {
			return 1
		}
		if v := int(bo.Uint16(tiff[e+8:])); v >= 1 && v <= 8 {
			return v
		}
		return 1
	}
	return 1
}

// exifSegment returns the payload of a JPEG's APP1 "Exif" segment, or nil.
// It walks the markers before the image data (start of scan) only.
func exifSegment(data []byte) []byte {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return nil
	}
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return nil
		}
		marker := data[i+1]
		if marker == 0xFF { // fill byte
			i++
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // start of scan, end of image
			return nil
		}
		size := int(binary.BigEndian.Uint16(data[i+2:]))
		if size < 2 || i+2+size > len(data) {
			return nil
		}
		seg := data[i+4 : i+2+size]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return seg
		}
		i += 2 + size
	}
	return nil
}

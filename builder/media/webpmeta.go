package media

import "encoding/binary"

// stripWebP returns a WebP file without its EXIF and XMP chunks (a phone's
// camera data and GPS position), and with the extended header's flags
// saying so. A file it cannot follow comes back as it is: the caller
// publishes only what stripWebP returns for a file that sniffed as WebP,
// and a malformed one was refused by the probe's decoder already.
func stripWebP(data []byte) []byte {
	if len(data) < 12 || string(data[:4]) != "RIFF" || string(data[8:12]) != "WEBP" {
		return data
	}
	out := append([]byte{}, data[:12]...)
	for i := 12; i+8 <= len(data); {
		size := int(binary.LittleEndian.Uint32(data[i+4:]))
		end := i + 8 + size + size%2
		if size < 0 || end > len(data) {
			if i+8+size <= len(data) { // the last chunk may lack its padding
				end = i + 8 + size
			} else {
				return data
			}
		}
		switch string(data[i : i+4]) {
		case "EXIF", "XMP ":
		case "VP8X":
			chunk := append([]byte{}, data[i:end]...)
			if len(chunk) > 8 {
				chunk[8] &^= 0x08 | 0x04 // EXIF and XMP flags
			}
			out = append(out, chunk...)
		default:
			out = append(out, data[i:end]...)
		}
		i = end
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out
}

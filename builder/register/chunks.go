package register

import (
	"archive/zip"
	"cmp"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"slices"

	"github.com/cespare/xxhash/v2"
	"github.com/klauspost/compress/flate"
)

// sheetChunkRows is how many rows the register sheet compresses as one
// piece: some 270 KB of XML, so that an edit makes one piece again, and a
// piece's first 32 KB lose little for starting without the previous
// piece's text to refer to.
const sheetChunkRows = 512

// SheetChunks are the register sheet's pieces as an XLSX compressed them,
// by the xxHash64 and length of their XML: each piece (the sheet's head,
// sheetChunkRows rows, its tail) is compressed on its own and flushed to a
// byte's end, so compressed pieces put one after the other make one
// deflate stream, whichever build compressed them. A piece's XML holds its
// rows' numbers and shared-string indices: the same XML, the same bytes.
type SheetChunks struct {
	m map[chunkKey][]byte
}

// chunkKey names a piece by its XML's xxHash64 and length. Two pieces
// with one key are told apart only by chance (one in 2^64 for pieces of
// one length); the workbook would then hold the other's rows until the
// cache folder is deleted.
type chunkKey struct {
	sum  uint64
	size uint32
}

// Len is how many pieces c holds.
func (c *SheetChunks) Len() int {
	if c == nil {
		return 0
	}
	return len(c.m)
}

// MarshalBinary writes c for a cache file: each piece's key, length and
// bytes, by key (the same sheet, the same file).
func (c *SheetChunks) MarshalBinary() ([]byte, error) {
	n := 0
	for _, v := range c.m {
		n += 16 + len(v)
	}
	b := make([]byte, 0, n)
	for _, k := range c.order() {
		v := c.m[k]
		b = binary.BigEndian.AppendUint64(b, k.sum)
		b = binary.BigEndian.AppendUint32(b, k.size)
		b = binary.BigEndian.AppendUint32(b, uint32(len(v)))
		b = append(b, v...)
	}
	return b, nil
}

// errChunks is a damaged cache file.
var errChunks = errors.New("register: damaged sheet pieces")

// UnmarshalBinary reads what MarshalBinary wrote. The pieces share data.
func (c *SheetChunks) UnmarshalBinary(data []byte) error {
	c.m = map[chunkKey][]byte{}
	for len(data) > 0 {
		if len(data) < 16 {
			return errChunks
		}
		k := chunkKey{binary.BigEndian.Uint64(data), binary.BigEndian.Uint32(data[8:])}
		n := int(binary.BigEndian.Uint32(data[12:]))
		if n > len(data)-16 {
			return errChunks
		}
		c.m[k] = data[16 : 16+n : 16+n]
		data = data[16+n:]
	}
	return nil
}

// order is c's keys, sorted: a map has no order, and the file must have
// one.
func (c *SheetChunks) order() []chunkKey {
	keys := make([]chunkKey, 0, len(c.m))
	for k := range c.m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b chunkKey) int {
		if a.sum != b.sum {
			return cmp.Compare(a.sum, b.sum)
		}
		return cmp.Compare(a.size, b.size)
	})
	return keys
}

// compressSheet compresses the register sheet, head, rows and tail, piece
// by piece, taking the pieces prev has; it returns the deflate stream, its
// zip header (name, sizes, CRC-32) and the pieces for the next workbook.
func (r *Register) compressSheet(name string, head []byte, sh *shared, off int32, tail []byte, prev *SheetChunks) ([]byte, *zip.FileHeader, *SheetChunks) {
	next := &SheetChunks{m: make(map[chunkKey][]byte, len(r.Rows)/sheetChunkRows+2)}
	// The pieces are compressed into one slice, one after the other, and
	// next keeps each as a part of it (a part of an array that grew is a
	// part of the old one): it is sized for the whole stream, some 90 bytes
	// a row, so that it is made once.
	w := &appendWriter{b: make([]byte, 0, 4096+96*len(r.Rows))}
	var crc uint32
	var size uint64
	var fw *flate.Writer
	piece := func(p []byte) {
		crc = crc32.Update(crc, crc32.IEEETable, p)
		size += uint64(len(p))
		k := chunkKey{xxhash.Sum64(p), uint32(len(p))}
		start := len(w.b)
		if c, ok := prev.get(k); ok {
			w.b = append(w.b, c...)
		} else {
			if fw == nil {
				// BestSpeed: see withRows. A level is never refused.
				fw, _ = flate.NewWriter(w, flate.BestSpeed)
			} else {
				fw.Reset(w)
			}
			fw.Write(p) // an appendWriter takes every write
			fw.Flush()  // to a byte's end: the next piece starts there
		}
		next.m[k] = w.b[start:len(w.b):len(w.b)]
	}
	piece(head)
	var b []byte
	for i := 0; i < len(r.Rows); i += sheetChunkRows {
		b = r.appendSheetRows(b[:0], sh, off, i, min(i+sheetChunkRows, len(r.Rows)))
		piece(b)
	}
	piece(tail)
	// The last block: empty, fixed codes, marked final.
	out := append(w.b, 0x03, 0x00)
	return out, &zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(out)), UncompressedSize64: size}, next
}

// appendWriter appends what is written to b.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// get is the compressed piece of key k, if c has it.
func (c *SheetChunks) get(k chunkKey) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	v, ok := c.m[k]
	return v, ok
}

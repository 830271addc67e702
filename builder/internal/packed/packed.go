// Package packed keeps a site's text files gzip-compressed in memory.
//
// dissem serve holds a whole built site in memory; at 10,000 documents its
// pages alone are about 750 MB, three to seven times more than they take
// compressed. So serve keeps every file of a compressible kind (Packs: by
// its name) as one gzip member, made at the fastest level, and sends those
// bytes as they are to a browser that accepts gzip. The same input always
// gives the same bytes (compress/flate is deterministic at a given level),
// so two packed files are equal exactly when their contents are.
package packed

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"strings"
	"sync"
)

// kinds are the extensions of the files kept compressed: the text a site
// is made of. Pictures, PDFs, fonts and zips are compressed already.
var kinds = map[string]bool{
	".html": true, ".xml": true, ".json": true, ".css": true, ".js": true,
	".svg": true, ".csv": true, ".txt": true, ".md": true,
}

// Packs reports whether a file of this name is kept compressed.
func Packs(name string) bool {
	return kinds[strings.ToLower(path.Ext(name))]
}

// writers are gzip writers to reuse: a new one allocates about a
// megabyte of tables, more than most pages.
var writers = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return w
}}

// readers are gzip readers to reuse (nil until the first is made: a
// reader needs a valid header to be made).
var readers sync.Pool

// Pack returns the form in which the file name is kept: data compressed
// when Packs(name), else a copy of data. It never keeps data, so callers
// may pass a buffer they reuse.
func Pack(name string, data []byte) []byte {
	if !Packs(name) {
		return bytes.Clone(data)
	}
	var b bytes.Buffer
	// Text made by a build compresses at least twice: this saves growing.
	b.Grow(len(data)/2 + 64)
	w := writers.Get().(*gzip.Writer)
	w.Reset(&b)
	// Writing into a bytes.Buffer cannot fail.
	_, _ = w.Write(data)
	_ = w.Close()
	writers.Put(w)
	if b.Cap()-b.Len() > b.Len()/4 {
		// Kept for the life of a snapshot: no room to spare.
		return bytes.Clone(b.Bytes())
	}
	return b.Bytes()
}

// Reader returns the contents of the file name kept as stored.
func Reader(name string, stored []byte) (io.ReadCloser, error) {
	if !Packs(name) {
		return io.NopCloser(bytes.NewReader(stored)), nil
	}
	var r *gzip.Reader
	if v := readers.Get(); v != nil {
		r = v.(*gzip.Reader)
		if err := r.Reset(bytes.NewReader(stored)); err != nil {
			return nil, broken(name, err)
		}
	} else {
		var err error
		if r, err = gzip.NewReader(bytes.NewReader(stored)); err != nil {
			return nil, broken(name, err)
		}
	}
	r.Multistream(false)
	return &reader{name: name, r: r}, nil
}

// reader is a pooled gzip reader that goes back to the pool when closed.
type reader struct {
	name string
	r    *gzip.Reader
}

func (r *reader) Read(p []byte) (int, error) {
	if r.r == nil {
		return 0, io.ErrClosedPipe
	}
	n, err := r.r.Read(p)
	if err != nil && err != io.EOF {
		err = broken(r.name, err)
	}
	return n, err
}

func (r *reader) Close() error {
	if r.r != nil {
		readers.Put(r.r)
		r.r = nil
	}
	return nil
}

// Unpack returns the contents of the file name kept as stored: stored
// itself when the file is not compressed (not to be changed, then).
func Unpack(name string, stored []byte) ([]byte, error) {
	if !Packs(name) {
		return stored, nil
	}
	r, err := Reader(name, stored)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	// The size of the contents is the gzip trailer's last four bytes
	// (bounded by what deflate can expand to, should they be wrong).
	out := bytes.NewBuffer(make([]byte, 0, min(size(stored), len(stored)*1032)))
	if _, err := out.ReadFrom(r); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Equal reports whether the file name kept as stored holds data, without
// unpacking it whole.
func Equal(name string, stored, data []byte) bool {
	if !Packs(name) {
		return bytes.Equal(stored, data)
	}
	if size(stored) != len(data)&0xffffffff {
		return false
	}
	r, err := Reader(name, stored)
	if err != nil {
		return false
	}
	defer r.Close()
	var buf [32 << 10]byte
	for {
		n, err := r.Read(buf[:])
		if n > len(data) || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err == io.EOF {
			return len(data) == 0
		}
		if err != nil {
			return false
		}
	}
}

// size is the contents' length modulo 2³² as a gzip member's trailer
// records it, 0 when stored is too short to be one.
func size(stored []byte) int {
	if len(stored) < 18 {
		return 0
	}
	t := stored[len(stored)-4:]
	return int(uint32(t[0]) | uint32(t[1])<<8 | uint32(t[2])<<16 | uint32(t[3])<<24)
}

// broken is the error of a kept file that does not decompress: memory
// went bad or a caller stored bytes that Pack did not make.
func broken(name string, err error) error {
	return fmt.Errorf("%s cannot be read back from memory (%v): a bug in dissem", name, err)
}

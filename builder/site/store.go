package site

import (
	"github.com/4im-project/dissem/builder/internal/packed"
)

// A session holds the whole site in memory for as long as serve runs: at
// 10,000 documents its pages alone are about 750 MB. So a snapshot keeps
// its text files (HTML, CSS, JS, JSON, XML, SVG, CSV) gzip-compressed, as
// package packed makes them, three to seven times smaller; serve sends
// them as they are to browsers that accept gzip. A file is compressed as
// it is written, on the build's workers, so the raw page lives only until
// then. Everything that keeps, compares or swaps a snapshot's files does so
// on the stored bytes: the same contents always pack to the same bytes.

// File returns the contents of the snapshot's file name (as a build writes
// it), unpacked; ok is false when the snapshot has no such file.
func (s *Snapshot) File(name string) (data []byte, ok bool, err error) {
	stored, ok := s.Files[name]
	if !ok {
		return nil, false, nil
	}
	data, err = packed.Unpack(name, stored)
	return data, err == nil, err
}

// storedEqual reports whether the snapshot file name, kept as stored,
// holds data.
func storedEqual(name string, stored, data []byte) bool { return packed.Equal(name, stored, data) }

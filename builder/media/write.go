package media

import (
	"fmt"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"io/fs"
	"path"
	"sync/atomic"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/pool"
)

// Writer receives the published files (output.Writer).
type Writer interface {
	WriteRaw(name string, data []byte) error
}

// Stats say what Write did.
type Stats struct {
	// Images is how many pictures were published, Processed how many of
	// them were decoded and resized, Reused how many came from the cache.
	Images, Processed, Reused int
}

// Write publishes every picture asked for: each variant from the cache
// when it is there, else the picture is processed (once for all its
// variants) and the cache filled. A picture that cannot be decoded is a
// problem of the content, reported at its file; a failed write is the
// machine's and comes back as err.
func (s *Set) Write(w Writer) (Stats, diag.List, error) {
	rels := s.Used()
	c := s.cache()
	var processed, reused atomic.Int64
	problems := make([]error, len(rels))
	errs := make([]error, len(rels))
	// One picture per core: decoding is all computation, and each decoded
	// photo holds tens of megabytes until its variants are made.
	pool.Each(len(rels), pool.PerCPU(1), func(i int) {
		img, _ := s.Image(rels[i])
		outs := make([][]byte, len(img.Variants))
		all := true
		for j, v := range img.Variants {
			outs[j], _ = c.get(v.Name)
			all = all && outs[j] != nil
		}
		if all {
			reused.Add(1)
		} else {
			data, err := fs.ReadFile(s.fsys, img.Rel)
			if err == nil {
				outs, err = process(img, data)
				if err != nil {
					problems[i] = err
					return
				}
			}
			if err != nil {
				errs[i] = err
				return
			}
			processed.Add(1)
			for j, v := range img.Variants {
				if err := c.put(v.Name, outs[j]); err != nil {
					errs[i] = err
					return
				}
			}
		}
		for j, v := range img.Variants {
			if err := w.WriteRaw(v.Name, outs[j]); err != nil {
				errs[i] = err
				return
			}
		}
		if s.isLinked(img.Rel) {
			errs[i] = s.writeLinked(w, img, outs[len(outs)-1])
		}
	})
	var diags diag.List
	for i, p := range problems {
		if p != nil {
			diags.Errorf(diag.Pos{File: path.Join(s.opts.Content, rels[i])}, "the picture %v", p)
		}
	}
	for i, err := range errs {
		if err != nil {
			return Stats{}, diags, fmt.Errorf("picture %s: %w", path.Join(s.opts.Content, rels[i]), err)
		}
	}
	return Stats{Images: len(rels), Processed: int(processed.Load()), Reused: int(reused.Load())}, diags, nil
}

func (s *Set) isLinked(rel string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.linked[rel]
}

// writeLinked publishes a linked picture at its own address: a JPEG or PNG
// as its largest variant, whose bytes carry no metadata; a WebP, GIF or SVG
// as it is (a re-encoded WebP would be a JPEG under a .webp name), a WebP
// without its EXIF and XMP chunks.
func (s *Set) writeLinked(w Writer, img *Image, largest []byte) error {
	if img.Format != "jpeg" && img.Format != "png" {
		data, err := fs.ReadFile(s.fsys, img.Rel)
		if err != nil {
			return err
		}
		largest = data
		if img.Format == "webp" {
			largest = stripWebP(data)
		}
	}
	return w.WriteRaw("media/"+img.Rel, largest)
}

// Prune removes cached variants that the last Write did not use. Call it
// only once the build is published.
func (s *Set) Prune() error { return s.cache().prune() }

func (s *Set) cache() *cache {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.c == nil {
		s.c = &cache{dir: filecache.Dir{Path: s.opts.CacheDir}}
	}
	return s.c
}

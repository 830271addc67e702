// Package media publishes the pictures of the content tree: each raster
// image is read once, checked (format from its bytes, pixel count from its
// header before it is decoded), turned upright by its EXIF orientation,
// resized to a few widths (never upscaled) and written again without any
// metadata (no camera, no GPS position), under names made from its content
// hash, so that browsers and proxies may keep them forever.
//
// A build makes one Set. The Markdown and template stages ask it for the
// facts of a picture (Image: size, URLs, srcset) while pages are made; the
// picture is then processed once, when the set is written (Write), or
// taken from the cache, keyed like the brief cache by a hash of the source
// bytes and the settings: an unchanged rebuild processes no image.
//
// The package imports no stage of the pipeline.
package media

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Widths are the widths, in pixels, a photo is published at. A narrower
// original is never enlarged: it is published at its own width and the
// widths below it.
var Widths = []int{480, 800, 1200, 1600}

// MaxPixels caps the pixels of a picture, read from its header before it
// is decoded: a 40-megapixel camera's full frame passes; a "decompression
// bomb" (a small file that claims 50,000 × 50,000 pixels) is refused
// before it can take gigabytes of memory.
const MaxPixels = 40_000_000

// Quality is the JPEG quality of published photos: at 75 no artefacts
// show at the published sizes, and a 1200 px photo stays near 150 KB.
const Quality = 75

// settings names everything that changes the published bytes besides the
// source: change it when the processing changes, and every cached and
// published file gets a new name.
var settings = "media/1 q" + strconv.Itoa(Quality) + " catmullrom widths " + fmtInts(Widths)

// Options configure a Set.
type Options struct {
	// BasePath is the path of the site's base URL ("/" or "/sub/"); a
	// variant's URL is BasePath + its Name.
	BasePath string
	// CacheDir keeps processed images between builds; "" keeps none.
	CacheDir string
	// Content names the content folder in messages ("content").
	Content string
}

// Set is the pictures of one build. It is safe for concurrent use.
type Set struct {
	fsys fs.FS
	opts Options

	mu     sync.Mutex
	images map[string]*entry
	// linked are the pictures also linked as files (Link).
	linked map[string]bool
	c      *cache
}

// entry is one picture, probed once however many pages show it.
type entry struct {
	once sync.Once
	img  *Image
	err  error
}

// Image is what a page needs to show a picture.
type Image struct {
	// Rel is the picture's path in the content tree ("events/hall.jpg").
	Rel string
	// Format is what its bytes say it is: "jpeg", "png", "gif", "webp" or "svg".
	Format string
	// Width and Height are its size as displayed (EXIF orientation
	// applied), which is the largest variant's.
	Width, Height int
	// Variants are the published sizes, narrowest first. A GIF or SVG
	// has one, the file itself.
	Variants []Variant
	// Src is the URL of the largest variant; Srcset lists every variant
	// with its width ("" when there is only one).
	Src, Srcset string

	hash        string // of the source bytes and the settings
	orientation int
}

// Variant is one published size of a picture.
type Variant struct {
	Width, Height int
	// Name is the output path ("pictures/hall-800.3f2a9c1b7d4e.jpg").
	Name string
	// URL is the address pages use.
	URL string
}

// Fit returns the narrowest variant at least w pixels wide, or the largest
// when none is: a thumbnail's picture.
func (img *Image) Fit(w int) Variant {
	for _, v := range img.Variants {
		if v.Width >= w {
			return v
		}
	}
	return img.Variants[len(img.Variants)-1]
}

// NewSet returns the set of pictures read from fsys, the content tree.
func NewSet(fsys fs.FS, opts Options) *Set {
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	if opts.Content == "" {
		opts.Content = "content"
	}
	return &Set{fsys: fsys, opts: opts, images: map[string]*entry{}}
}

// ErrNotFound is returned (wrapped) by Image for a file the content tree
// does not have.
var ErrNotFound = errors.New("no such file")

// Image returns the picture at rel, a path of the content tree, and marks
// it as published. The error is an editor's message naming the file.
func (s *Set) Image(rel string) (*Image, error) {
	s.mu.Lock()
	e := s.images[rel]
	if e == nil {
		e = &entry{}
		s.images[rel] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.img, e.err = s.probe(rel) })
	return e.img, e.err
}

// Link returns the picture at rel, like Image, for a link to the file
// itself ([the full picture](hall.jpg)): Write also publishes it at
// media/rel, as the largest variant (upright, without metadata) when it is
// a JPEG or PNG, else as it is.
func (s *Set) Link(rel string) (*Image, error) {
	img, err := s.Image(rel)
	if err == nil {
		s.mu.Lock()
		if s.linked == nil {
			s.linked = map[string]bool{}
		}
		s.linked[rel] = true
		s.mu.Unlock()
	}
	return img, err
}

// Forget takes rel out of the pictures Write publishes: one that only a
// document left out of the site shows (a draft).
func (s *Set) Forget(rel string) {
	s.mu.Lock()
	delete(s.images, rel)
	s.mu.Unlock()
}

// Used returns the paths of the pictures asked for, sorted.
func (s *Set) Used() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.images))
	for rel, e := range s.images {
		if e.img != nil {
			names = append(names, rel)
		}
	}
	sort.Strings(names)
	return names
}

// IsPicture reports whether name looks like a picture the set publishes
// (by its extension: what the editor meant; the bytes are checked later).
func IsPicture(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg":
		return true
	}
	return false
}

// plan fills in img's variants from its size and hash.
func (s *Set) plan(img *Image, ext string) {
	base := slug(strings.TrimSuffix(path.Base(img.Rel), path.Ext(img.Rel)))
	add := func(w, h int) {
		name := "pictures/" + base + "-" + strconv.Itoa(w) + "." + img.hash + ext
		img.Variants = append(img.Variants, Variant{Width: w, Height: h, Name: name, URL: s.opts.BasePath + name})
	}
	if img.Format == "gif" || img.Format == "svg" {
		add(img.Width, img.Height)
		img.Src = img.Variants[0].URL
		return
	}
	largest := min(img.Width, Widths[len(Widths)-1])
	for _, w := range Widths {
		// A width within a tenth of the largest would be a second copy of it.
		if w*10 < largest*9 {
			add(w, scaled(img.Height, w, img.Width))
		}
	}
	add(largest, scaled(img.Height, largest, img.Width))
	img.Width, img.Height = largest, scaled(img.Height, largest, img.Width)
	last := img.Variants[len(img.Variants)-1]
	img.Src = last.URL
	if len(img.Variants) > 1 {
		parts := make([]string, len(img.Variants))
		for i, v := range img.Variants {
			parts[i] = v.URL + " " + strconv.Itoa(v.Width) + "w"
		}
		img.Srcset = strings.Join(parts, ", ")
	}
}

// scaled is h × w / of, rounded, at least 1.
func scaled(h, w, of int) int {
	return max(1, (h*w+of/2)/of)
}

// hashOf names a picture's published files: its bytes and the settings.
func hashOf(data []byte) string {
	h := sha256.New()
	h.Write([]byte(settings))
	h.Write([]byte{0})
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// slug keeps a file name readable in an address: lower-case letters,
// digits and hyphens.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "image"
	}
	if len(out) > 60 {
		out = strings.TrimSuffix(out[:60], "-")
	}
	return out
}

func fmtInts(ns []int) string {
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

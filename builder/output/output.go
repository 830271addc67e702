// Package output writes a built site: into a temporary folder beside the
// destination, minified, and swapped into place only when the whole build
// succeeded. A failed build leaves the previous site as it was. It is also
// the one place that decides what a build may replace (CheckDest).
package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/4im-project/dissem/builder/internal/packed"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Writer writes files into a temporary folder. Write is safe for concurrent use.
type Writer struct {
	dest, tmp string
	shown     string // dest as the user named it, for messages
	unlock    func()
	minify    *minify.M
	minifyOn  bool
	files     atomic.Int64
	bytes     atomic.Int64
	mu        sync.Mutex
	dirs      map[string]*madeDir
	// mem holds the files of a memory Writer (NewMemory), guarded by mu.
	mem map[string][]byte
	// packed: mem holds them as packed.Pack makes them (NewPackedMemory).
	packed bool
}

// madeDir makes one folder once; writers into it wait until it exists.
type madeDir struct {
	once sync.Once
	err  error
}

// Options says what New guards and how the Writer writes.
type Options struct {
	// Source is the site folder: dest may not be it, contain it, or lie in
	// its content/, templates/ or static/ folder. "" skips these rules.
	Source string
	// Keep are further paths dest may not be or contain.
	Keep []string
	// Minify minifies HTML, CSS, JS, SVG, JSON and XML.
	Minify bool
}

// New checks dest (CheckDest), locks it for the build, removes what killed
// builds left beside it and prepares a Writer. The temporary folder sits
// beside dest so the final swap stays on one file system. The Writer must
// end with Commit, Abort or Release.
func New(dest string, o Options) (*Writer, error) {
	real, err := CheckDest(dest, o.Source, o.Keep...)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(real), filepath.Base(real)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the folder %s: %w", filepath.Dir(dest), unwrapPath(err))
	}
	unlock, locked, err := lock(filepath.Join(parent, "."+base+".lock"), dest)
	if err != nil {
		return nil, err
	}
	if locked {
		removeLeftovers(parent, base)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".tmp-")
	if err == nil {
		// MkdirTemp makes the folder private; a web server running as
		// another user must read the published root.
		err = os.Chmod(tmp, 0o755)
	}
	if err != nil {
		unlock()
		return nil, fmt.Errorf("cannot write beside %s: %w", dest, unwrapPath(err))
	}
	return &Writer{dest: real, shown: dest, tmp: tmp, unlock: unlock, minify: newMinifier(), minifyOn: o.Minify, dirs: map[string]*madeDir{}}, nil
}

// NewMemory returns a Writer that keeps what is written in memory, for
// serve: the same names, bytes and minification as a build's, and no disk,
// no lock and no stamp. Commit, Abort and Release do nothing on it; Take
// returns the files.
func NewMemory(minify bool) *Writer {
	return &Writer{minify: newMinifier(), minifyOn: minify, mem: map[string][]byte{}}
}

// NewPackedMemory is NewMemory keeping each file as packed.Pack makes it
// (text compressed: serve holds a whole site): Take returns them so, and
// Reuse takes them so.
func NewPackedMemory(minify bool) *Writer {
	w := NewMemory(minify)
	w.packed = true
	return w
}

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// MediaType returns the type the minifier uses for a file name, or "".
func MediaType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		return "text/html"
	case ".css":
		return "text/css"
	case ".js":
		return "application/javascript"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/xml"
	}
	return ""
}

// Minify returns data minified for the type of name, or data itself.
func (w *Writer) Minify(name string, data []byte) ([]byte, error) {
	mt := MediaType(name)
	if !w.minifyOn || mt == "" {
		return data, nil
	}
	// Bytes parses data in place instead of copying it through a reader.
	out, err := w.minify.Bytes(mt, data)
	if err != nil {
		return nil, fmt.Errorf("minify %s: %w", name, err)
	}
	return out, nil
}

// Write minifies data by the extension of name ("en/index.html") and writes it.
func (w *Writer) Write(name string, data []byte) error {
	mt := MediaType(name)
	if !w.minifyOn || mt == "" {
		return w.WriteRaw(name, data)
	}
	// The minified copy lives only until it is written: a pooled buffer.
	buf := minPool.Get().(*bytes.Buffer)
	defer minPool.Put(buf)
	buf.Reset()
	if err := w.minify.Minify(mt, buf, buffer.NewReader(data)); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	return w.WriteRaw(name, buf.Bytes())
}

var minPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// WriteRaw writes data as it is.
func (w *Writer) WriteRaw(name string, data []byte) error {
	if w.mem != nil {
		size := len(data)
		// Callers may pass a pooled buffer: keep a copy.
		if w.packed {
			data = packed.Pack(name, data)
		} else {
			data = bytes.Clone(data)
		}
		w.mu.Lock()
		w.mem[name] = data
		w.mu.Unlock()
		w.files.Add(1)
		w.bytes.Add(int64(size))
		return nil
	}
	full := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := w.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	if err := writeFile(full, data); err != nil {
		return fmt.Errorf("cannot write %s into %s: %w", name, w.shown, unwrapPath(err))
	}
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return nil
}

// Reuse records data as written under name without copying it: serve
// keeps a file of the previous snapshot, whose bytes never change. A
// Writer on disk writes it.
func (w *Writer) Reuse(name string, data []byte) error {
	if w.mem == nil {
		return w.WriteRaw(name, data)
	}
	w.mu.Lock()
	w.mem[name] = data
	w.mu.Unlock()
	return nil
}

// mkdir makes dir and the folders above it inside the temporary folder,
// each with a single mkdir call, once per build: MkdirAll would stat every
// folder above it for every file.
func (w *Writer) mkdir(dir string) error {
	if dir == w.tmp || len(dir) <= len(w.tmp) {
		return nil
	}
	w.mu.Lock()
	d := w.dirs[dir]
	if d == nil {
		d = &madeDir{}
		w.dirs[dir] = d
	}
	w.mu.Unlock()
	d.once.Do(func() {
		if d.err = w.mkdir(filepath.Dir(dir)); d.err != nil {
			return
		}
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			rel, _ := filepath.Rel(w.tmp, dir)
			d.err = fmt.Errorf("cannot make the folder %s in %s: %w", filepath.ToSlash(rel), w.shown, unwrapPath(err))
		}
	})
	return d.err
}

// Fingerprint returns name with a content hash before its extension
// ("css/site.css" → "css/site.3f2a9c1b.css"), for caching forever.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// Files returns how many files were written; Bytes their total size.
func (w *Writer) Files() int64 { return w.files.Load() }

// Bytes returns the total size written.
func (w *Writer) Bytes() int64 { return w.bytes.Load() }

// Dir is the temporary folder being written ("" for a memory Writer).
func (w *Writer) Dir() string { return w.tmp }

// ReadBack returns a file written earlier in this build, from memory or
// from the temporary folder (a kit packs the PDFs written before it).
func (w *Writer) ReadBack(name string) ([]byte, error) {
	if w.mem != nil {
		w.mu.Lock()
		data, ok := w.mem[name]
		w.mu.Unlock()
		if !ok {
			return nil, fmt.Errorf("%s was not written", name)
		}
		if w.packed {
			return packed.Unpack(name, data)
		}
		return data, nil
	}
	data, err := os.ReadFile(filepath.Join(w.tmp, filepath.FromSlash(name)))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s back from %s: %w", name, w.shown, unwrapPath(err))
	}
	return data, nil
}

// Take returns the files of a memory Writer, by output name, and leaves it
// empty; nil for a Writer on disk.
func (w *Writer) Take() map[string][]byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	m := w.mem
	if m != nil {
		w.mem = map[string][]byte{}
	}
	return m
}

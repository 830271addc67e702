package brief

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"
)

// Key is a content hash of everything a brief depends on: the layout
// version, the metadata, the body source (including link destinations the
// resolve stage rewrote, which live only in the AST) and the images it shows.
func Key(d *Document, images map[string][]byte) string {
	h := sha256.New()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(layoutVers)
	meta, _ := json.Marshal(d.Meta) // maps marshal with sorted keys
	field(string(meta))
	field(d.BaseURL)
	field(string(d.Logo))
	if d.Video != nil || d.Gallery != nil {
		// The transcript, captions and labels; the pictures are in images.
		media, _ := json.Marshal([2]any{d.Video, d.Gallery})
		field(string(media))
	}
	if d.Body != nil {
		field(string(d.Body.Source))
		for _, l := range d.Body.Links {
			field(l.Dest)
			field(currentDest(l.Node))
		}
	}
	names := make([]string, 0, len(images))
	for name := range images {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		field(name)
		field(string(images[name]))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Cache keeps rendered briefs in files under Dir, named by Key. It is safe
// for concurrent use: files are written to a temporary name and renamed.
// It remembers the keys a build used, so that Prune can keep the folder to
// what the last build needed.
type Cache struct {
	Dir string

	mu   sync.Mutex
	used map[string]bool
}

// use records that the build needs key.
func (c *Cache) use(key string) {
	c.mu.Lock()
	if c.used == nil {
		c.used = map[string]bool{}
	}
	c.used[key] = true
	c.mu.Unlock()
}

// staleTemp is how old a temporary file must be before Prune takes it for a
// killed build's: a younger one may belong to a build running right now.
const staleTemp = time.Hour

// Prune removes every cached brief this Cache was not asked for (by Get or
// Put) and temporary files of killed builds. Call it once the build that
// used the cache has published its site, never after a failed build: the
// cache then holds exactly the briefs of the site that is online.
func (c *Cache) Prune() error {
	entries, err := os.ReadDir(c.Dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".tmp"):
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleTemp {
				continue
			}
		case strings.HasSuffix(name, ".pdf"):
			if c.used[strings.TrimSuffix(name, ".pdf")] {
				continue
			}
		default:
			continue // not ours
		}
		if err := os.Remove(filepath.Join(c.Dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (c *Cache) path(key string) string { return filepath.Join(c.Dir, key+".pdf") }

// Get returns a cached PDF and its page count.
func (c *Cache) Get(key string) (pdf []byte, pages int, ok bool) {
	c.use(key)
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, 0, false
	}
	// The file is the page count on a line of its own, then the PDF.
	line, rest, found := bytes.Cut(data, []byte("\n"))
	n, err := strconv.Atoi(string(line))
	if !found || err != nil {
		return nil, 0, false
	}
	return rest, n, true
}

// Put stores a rendered brief under key.
func (c *Cache) Put(key string, r Result) error {
	c.use(key)
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(c.Dir, key+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(append([]byte(strconv.Itoa(r.Pages)+"\n"), r.PDF...))
	if err != nil {
		return errors.Join(err, tmp.Close(), os.Remove(tmp.Name()))
	}
	if err := tmp.Close(); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	if err := os.Rename(tmp.Name(), c.path(key)); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	return nil
}

// currentDest is a link's destination as the resolve stage left it.
func currentDest(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Link:
		return string(n.Destination)
	case *ast.Image:
		return string(n.Destination)
	}
	return ""
}

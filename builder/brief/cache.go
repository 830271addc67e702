package brief

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"sort"
	"strconv"
	"strings"
	"sync"

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

	once  sync.Once
	files filecache.Dir
}

func (c *Cache) dir() *filecache.Dir {
	c.once.Do(func() { c.files.Path = c.Dir })
	return &c.files
}

// Prune removes every cached brief this Cache was not asked for (by Get or
// Put) and temporary files of killed builds. Call it once the build that
// used the cache has published its site, never after a failed build: the
// cache then holds exactly the briefs of the site that is online.
func (c *Cache) Prune() error {
	return c.dir().Prune(func(name string) bool { return strings.HasSuffix(name, ".pdf") })
}

// Get returns a cached PDF and its page count.
func (c *Cache) Get(key string) (pdf []byte, pages int, ok bool) {
	data, err := c.dir().Read(key + ".pdf")
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
	return c.dir().Write(key+".pdf", append([]byte(strconv.Itoa(r.Pages)+"\n"), r.PDF...))
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

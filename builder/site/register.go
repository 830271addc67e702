package site

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/status"
)

// registerCacheVersion changes when the exports' format does: a cached
// file of another version is never used.
const registerCacheVersion = "3"

// startRegister is the register stage: it makes the register of outputs
// from the resolved site and the briefs' downloads, for the pages to show,
// and starts writing its exports (register.csv, .json, .xlsx at the
// site's root) beside the pages; wait returns once they are written.
//
// The exports are kept in cacheDir under the register's Key, which reads
// no text of the rows (the load took their front matter's sums), so a
// build whose register did not change copies the three files, file to
// file, without making them: at N = 10,000 making them is most of the
// stage's time. Serve keeps the previous snapshot's files while the
// register's digest is the same.
func startRegister(w *output.Writer, l *loaded, downloads resolve.Downloads, cacheDir string, inc *incremental) (reg *register.Register, wait func() error) {
	reg = register.Build(register.Input{Site: l.site, Downloads: downloads, SourceHash: l.sourceHash})
	key := prepareExports(reg, cacheDir, l.fronts)
	done := make(chan error, 1)
	go func() { done <- writeExports(w, reg, cacheDir, key, inc) }()
	var once sync.Once
	var err error
	return reg, func() error {
		once.Do(func() { err = <-done })
		return err
	}
}

// exportNames are the register's exports, as written at the site's root.
var exportNames = [3]string{"register.csv", "register.json", "register.xlsx"}

// prepareExports returns the register's cache key, and compacts it
// (register.Compact) unless the cache holds all three exports already: it
// must be done before the register is shared with the pages.
func prepareExports(reg *register.Register, cacheDir string, fronts []uint64) string {
	key := reg.Key(registerCacheVersion, fronts)
	for _, name := range exportNames {
		if _, err := os.Stat(cachedExport(cacheDir, key, name)); err != nil {
			reg.Compact()
			break
		}
	}
	return key
}

// registerCache is the register's folder in the build's cache folder
// cacheDir: the exports, their stamps, the sheet's pieces and the source
// hashes. Without a cache it caches nothing.
func registerCache(cacheDir string) *filecache.Dir {
	if cacheDir == "" {
		return &filecache.Dir{}
	}
	return &filecache.Dir{Path: filepath.Join(cacheDir, "register")}
}

// cachedExport is where cacheDir keeps the export name of key; "" without
// a cache.
func cachedExport(cacheDir, key, name string) string {
	if cacheDir == "" {
		return ""
	}
	return filepath.Join(registerCache(cacheDir).Path, key+path.Ext(name))
}

// writeExports writes the register's three files: linked from the
// previous build's output when that still holds the files this build
// would copy (see exportStamps), else copied from the cache when it has
// them under key, else made and kept there.
func writeExports(w *output.Writer, reg *register.Register, cacheDir, key string, inc *incremental) error {
	var kept [3]bool
	if inc != nil {
		// serve: a save that changed no cell keeps the three files (the
		// digest costs a fraction of the CSV).
		d := reg.Digest(inc.st.seed)
		for i, name := range exportNames {
			kept[i] = inc.keep(w, name, d)
		}
	}
	stamps := readExportStamps(cacheDir)
	was := stamps
	if stamps.Key != key {
		stamps = exportStamps{Key: key}
	}
	var errs [3]error
	var wg sync.WaitGroup
	for i, name := range exportNames {
		if kept[i] {
			continue
		}
		wg.Go(func() {
			// Stamps of another key were cleared above.
			if stamps.Files[i] != (output.FileStamp{}) && w.LinkPrevious(name, stamps.Files[i]) {
				return
			}
			stamps.Files[i] = output.FileStamp{}
			cached := cachedExport(cacheDir, key, name)
			if cached != "" && w.CopyFile(name, cached) == nil {
				// Copied file to file, never read into the heap; a cache
				// file that is missing or cannot be read is made again.
				stamps.Files[i], _ = w.Stamp(name)
				return
			}
			var data []byte
			switch path.Ext(name) {
			case ".csv":
				data = reg.CSV()
			case ".json":
				data = reg.JSON()
			default:
				data, errs[i] = xlsxReusing(reg, cacheDir)
			}
			if errs[i] != nil {
				return
			}
			if errs[i] = w.WriteRaw(name, data); errs[i] == nil && cached != "" {
				cacheRegister(registerCache(cacheDir), filepath.Base(cached), data)
				stamps.Files[i], _ = w.Stamp(name)
			}
		})
	}
	wg.Wait()
	if stamps != was && cacheDir != "" {
		writeExportStamps(cacheDir, stamps)
	}
	return errors.Join(errs[:]...)
}

// sheetChunksName is the cache file of the register sheet's compressed
// pieces (register.SheetChunks), for the next workbook to take.
const sheetChunksName = "sheet.chunks"

// xlsxReusing makes register.xlsx from the pieces of the previous
// workbook kept in cacheDir, and keeps this one's there; a missing or
// damaged file is no pieces.
func xlsxReusing(reg *register.Register, cacheDir string) ([]byte, error) {
	if cacheDir == "" {
		return reg.XLSX()
	}
	c := registerCache(cacheDir)
	var prev *register.SheetChunks
	if data, err := c.Read(sheetChunksName); err == nil {
		prev = &register.SheetChunks{}
		if prev.UnmarshalBinary(data) != nil {
			prev = nil
		}
	}
	x, next, err := reg.XLSXReusing(prev)
	if err != nil {
		return nil, err
	}
	if data, err := next.MarshalBinary(); err == nil {
		_ = c.Write(sheetChunksName, data)
	}
	return x, nil
}

// cacheRegister keeps an export in c (registerCache) for the next build,
// in place of the previous one; a cache that cannot be written only costs
// time.
func cacheRegister(c *filecache.Dir, name string, data []byte) {
	if c.Write(name, data) != nil {
		return
	}
	ext := path.Ext(name)
	_ = c.Prune(func(name string) bool { return strings.HasSuffix(name, ext) })
}

// sourceHash is status.Hash of a source document's body: the load's
// (hashSources), else hashed now, or read again from its file when the
// load dropped the body (briefs off, a source not in the default
// language): only documents whose translations say what they were made
// from are asked for, each once (register.Build).
func (l *loaded) sourceHash(p *resolve.Page) string {
	l.sourcesHashed()
	if h, ok := l.hashes[p.Doc]; ok {
		return h
	}
	body := p.Doc.Body
	if body == nil {
		doc, diags := content.LoadFile(l.contentFS, p.Doc.Rel, content.Options{Languages: l.cfg.Codes(), Default: l.cfg.DefaultLanguage})
		if diags.HasErrors() || doc.Body == nil {
			return ""
		}
		body = doc.Body
	}
	return status.Hash(body)
}

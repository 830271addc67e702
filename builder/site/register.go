package site

import (
	"crypto/sha256"
	"encoding/hex"
	"github.com/4im-project/dissem/builder/internal/filecache"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/register"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/4im-project/dissem/builder/status"
)

// registerCacheVersion changes when the exports' format does: a cached
// file of another version is never used.
const registerCacheVersion = "2"

// startRegister is the register stage: it makes the register of outputs
// from the resolved site and the briefs' downloads, for the pages to show,
// and starts writing its exports (register.csv, .json, .xlsx at the
// site's root) beside the pages; wait returns once they are written.
//
// The CSV holds every cell of the other two: the JSON and the workbook are
// kept in cacheDir under the CSV's hash, so a build whose register did not
// change copies them instead of making them again (at N = 10,000 they are
// most of the stage's time), and serve keeps the previous snapshot's files
// while the CSV is the same.
func startRegister(w *output.Writer, l *loaded, downloads resolve.Downloads, cacheDir string, inc *incremental) (reg *register.Register, wait func() error) {
	reg = register.Build(register.Input{Site: l.site, Downloads: downloads, SourceHash: l.sourceHash})
	done := make(chan error, 1)
	go func() { done <- writeExports(w, reg, cacheDir, inc) }()
	var once sync.Once
	var err error
	return reg, func() error {
		once.Do(func() { err = <-done })
		return err
	}
}

// writeExports writes the register's three files.
func writeExports(w *output.Writer, reg *register.Register, cacheDir string, inc *incremental) error {
	exts := []string{"json", "xlsx"}
	var kept [2]bool
	csvKept := false
	if inc != nil {
		// serve: a save that changed no cell keeps the three files (the
		// digest costs a fraction of the CSV).
		d := reg.Digest(inc.st.seed)
		csvKept = inc.keep(w, "register.csv", d)
		for i, ext := range exts {
			kept[i] = inc.keep(w, "register."+ext, d)
		}
		if csvKept && kept[0] && kept[1] {
			return nil
		}
	}
	csv := reg.CSV()
	if !csvKept {
		if err := w.WriteRaw("register.csv", csv); err != nil {
			return err
		}
	}
	sum := sha256.New()
	sum.Write([]byte(registerCacheVersion + "\x00" + strings.Join(reg.Langs, ",") + "\x00" + strings.Join(reg.Periods, ",") + "\x00"))
	sum.Write(csv)
	key := hex.EncodeToString(sum.Sum(nil)[:12])
	dir := filepath.Join(cacheDir, "register")
	var files [2][]byte
	var errs [2]error
	var wg sync.WaitGroup
	for i, ext := range exts {
		if kept[i] {
			continue
		}
		wg.Go(func() {
			cached := filepath.Join(dir, key+"."+ext)
			if data, err := os.ReadFile(cached); err == nil {
				files[i] = data
				return
			}
			if ext == "json" {
				files[i] = reg.JSON()
			} else {
				files[i], errs[i] = reg.XLSX()
			}
			if errs[i] == nil {
				cacheRegister(dir, key, ext, files[i])
			}
		})
	}
	wg.Wait()
	for i, ext := range exts {
		if kept[i] {
			continue
		}
		if errs[i] != nil {
			return errs[i]
		}
		if err := w.WriteRaw("register."+ext, files[i]); err != nil {
			return err
		}
	}
	return nil
}

// cacheRegister keeps an export for the next build, in place of the
// previous one; a cache that cannot be written only costs time.
func cacheRegister(dir, key, ext string, data []byte) {
	c := filecache.Dir{Path: dir}
	if c.Write(key+"."+ext, data) != nil {
		return
	}
	_ = c.Prune(func(name string) bool { return strings.HasSuffix(name, "."+ext) })
}

// sourceHash is status.Hash of a source document's body: the load's
// (hashSources), else hashed now, or read again from its file when the
// load dropped the body (briefs off, a source not in the default
// language): only documents whose translations say what they were made
// from are asked for, each once (register.Build).
func (l *loaded) sourceHash(p *resolve.Page) string {
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

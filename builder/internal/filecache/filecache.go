// Package filecache keeps a build's made files (briefs, picture sizes)
// between builds in one folder, named by a hash of what they were made
// from. Files are written through a temporary name and a rename, so a
// killed build never leaves half a file under a real name, and the folder
// remembers what a build used, so that Prune keeps only those.
package filecache

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Dir is a cache folder. Its zero value with an empty Path caches
// nothing. It is safe for concurrent use.
type Dir struct {
	Path string

	mu   sync.Mutex
	used map[string]bool
}

// Use records that the build needs the file named name.
func (d *Dir) Use(name string) {
	d.mu.Lock()
	if d.used == nil {
		d.used = map[string]bool{}
	}
	d.used[name] = true
	d.mu.Unlock()
}

// Read marks name used and returns its bytes.
func (d *Dir) Read(name string) ([]byte, error) {
	if d.Path == "" {
		return nil, os.ErrNotExist
	}
	d.Use(name)
	return os.ReadFile(filepath.Join(d.Path, name))
}

// Write marks name used and stores data under it.
func (d *Dir) Write(name string, data []byte) error {
	if d.Path == "" {
		return nil
	}
	d.Use(name)
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(d.Path, name+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return errors.Join(err, tmp.Close(), os.Remove(tmp.Name()))
	}
	if err := tmp.Close(); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	if err := os.Rename(tmp.Name(), filepath.Join(d.Path, name)); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	return nil
}

// staleTemp is how old a temporary file must be before Prune takes it for a
// killed build's: a younger one may belong to a build running right now.
const staleTemp = time.Hour

// Prune removes the files of the folder that ours claims and the build
// did not use, and temporary files of killed builds. Call it once the
// build that used the cache has published its site, never after a failed
// build: the cache then holds exactly the files of the site that is online.
func (d *Dir) Prune(ours func(name string) bool) error {
	if d.Path == "" {
		return nil
	}
	entries, err := os.ReadDir(d.Path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	var errs []error
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".tmp"):
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleTemp {
				continue
			}
		case !ours(name) || d.used[name]:
			continue
		}
		if err := os.Remove(filepath.Join(d.Path, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

package media

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// cache keeps published variants between builds in files named like them
// (hall-800.3f2a9c1b7d4e.jpg): the name holds the hash of the source and
// the settings, so a file found is the file that processing would make.
// It remembers what a build used, so that prune keeps only those.
type cache struct {
	dir  string
	mu   sync.Mutex
	used map[string]bool
}

func (c *cache) file(name string) string { return filepath.Join(c.dir, path.Base(name)) }

func (c *cache) use(name string) {
	c.mu.Lock()
	if c.used == nil {
		c.used = map[string]bool{}
	}
	c.used[path.Base(name)] = true
	c.mu.Unlock()
}

// get returns the cached bytes of the variant named name.
func (c *cache) get(name string) ([]byte, bool) {
	if c.dir == "" {
		return nil, false
	}
	c.use(name)
	data, err := os.ReadFile(c.file(name))
	return data, err == nil && len(data) > 0
}

// put stores a variant, through a temporary file and a rename so that a
// killed build never leaves half a file under a real name.
func (c *cache) put(name string, data []byte) error {
	if c.dir == "" {
		return nil
	}
	c.use(name)
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(c.dir, path.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return errors.Join(err, tmp.Close(), os.Remove(tmp.Name()))
	}
	if err := tmp.Close(); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	if err := os.Rename(tmp.Name(), c.file(name)); err != nil {
		return errors.Join(err, os.Remove(tmp.Name()))
	}
	return nil
}

// staleTemp is how old a temporary file must be before prune takes it for
// a killed build's.
const staleTemp = time.Hour

// prune removes the cached files the build did not use and old temporary
// files. Call it only after the build that used the cache was published.
func (c *cache) prune() error {
	if c.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(c.dir)
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
		if strings.HasSuffix(name, ".tmp") {
			if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < staleTemp {
				continue
			}
		} else if c.used[name] {
			continue
		}
		if err := os.Remove(filepath.Join(c.dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

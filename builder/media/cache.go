package media

import (
	"path"

	"github.com/4im-project/dissem/builder/internal/filecache"
)

// cache keeps published variants between builds in files named like them
// (hall-800.3f2a9c1b7d4e.jpg): the name holds the hash of the source and
// the settings, so a file found is the file that processing would make.
// Every file of its folder is a variant: prune keeps those a build used.
type cache struct{ dir filecache.Dir }

// get returns the cached bytes of the variant named name.
func (c *cache) get(name string) ([]byte, bool) {
	data, err := c.dir.Read(path.Base(name))
	return data, err == nil && len(data) > 0
}

// put stores a variant.
func (c *cache) put(name string, data []byte) error {
	return c.dir.Write(path.Base(name), data)
}

// prune removes the cached variants the build did not use and old
// temporary files. Call it only after the build that used the cache was
// published.
func (c *cache) prune() error {
	return c.dir.Prune(func(string) bool { return true })
}

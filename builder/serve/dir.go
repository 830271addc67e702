package serve

import (
	"net/http"
	"os"
)

// dirSource is a site in a folder on disk. Every request opens the folder
// anew, so a build that swaps it is served at once.
type dirSource struct {
	dir     string
	headers siteHeaders
}

func (s *dirSource) tree(*http.Request) (tree, error) {
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return nil, err
	}
	return &dirTree{root: root, headers: &s.headers}, nil
}

// dirTree reads a site folder through an os.Root, so that no name, link or
// ".." leads out of it.
type dirTree struct {
	root    *os.Root
	headers *siteHeaders
}

func (t *dirTree) open(name string) (entry, bool, error) {
	f, err := t.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return entry{}, false, nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return entry{}, false, nil
	}
	if st.IsDir() {
		f.Close()
		return entry{dir: true}, true, nil
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return entry{}, false, nil
	}
	return entry{body: f, mod: st.ModTime(), closer: f}, true, nil
}

func (t *dirTree) rules() []headerRule { return t.headers.load(t.root).rules }

func (t *dirTree) close() { t.root.Close() }

package output

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// PublishStep, when set, is called between the steps of publishing with the
// step just done: "stamped" (the new site is complete beside dest),
// "swapped" (dest is the new site; the old one waits to be removed), and on
// systems without an exchanging rename "moved-old" (dest is missing). It is
// nil except in tests that stop a build exactly there.
var PublishStep func(step string)

func step(name string) {
	if PublishStep != nil {
		PublishStep(name)
	}
}

// Commit publishes the temporary folder as dest. On Linux the new tree and
// the old one trade places in one rename (RENAME_EXCHANGE), so dest always
// holds one complete site, the old or the new; the old tree is then removed.
// Elsewhere it takes two renames and dest is missing for a moment between
// them (a killed build's old site is put back by the next build).
func (w *Writer) Commit() error {
	defer w.Release()
	if w.mem != nil {
		return nil
	}
	if err := writeFile(filepath.Join(w.tmp, StampName), []byte(stampText)); err != nil {
		return w.failed(err)
	}
	step("stamped")
	if err := swap(w.tmp, w.dest); err != nil {
		return w.failed(err)
	}
	step("swapped")
	// After an exchange w.tmp holds the previous site; after two renames it
	// sits at w.tmp+".old". A kill here leaves it for the next build to remove.
	if err := os.RemoveAll(w.tmp); err != nil {
		return fmt.Errorf("the site is published in %s, but its previous version could not be removed: %w", w.shown, unwrapPath(err))
	}
	return os.RemoveAll(w.tmp + ".old")
}

// failed removes the temporary folder after a failed publish and says so.
func (w *Writer) failed(err error) error {
	_ = os.RemoveAll(w.tmp)
	return fmt.Errorf("could not publish the site in %s (the previous site is unchanged): %w", w.shown, unwrapPath(err))
}

// Abort removes the temporary folder, leaving dest untouched.
func (w *Writer) Abort() error {
	defer w.Release()
	if w.mem != nil {
		return nil
	}
	return os.RemoveAll(w.tmp)
}

// Release ends the build's hold on dest without publishing, leaving the
// temporary folder to the caller (dissem check reads it, then removes it).
// Commit and Abort release by themselves; more calls do nothing.
func (w *Writer) Release() {
	if w.unlock != nil {
		w.unlock()
		w.unlock = nil
	}
}

// swapByRenames publishes tmp as dest with two renames: dest is missing
// between them. The old site waits at tmp+".old".
func swapByRenames(tmp, dest string) error {
	old := tmp + ".old"
	if _, err := os.Lstat(dest); err != nil {
		return os.Rename(tmp, dest)
	}
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	step("moved-old")
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Rename(old, dest)
		return err
	}
	return nil
}

// removeLeftovers removes the temporary folders of killed builds beside the
// output folder base in parent (.base.tmp-*, with their .old twins). If a
// build was killed between two renames, leaving no output but the previous
// site in a .old folder, that site is put back instead. The caller holds the
// lock, so no running build owns these folders.
func removeLeftovers(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	dest := filepath.Join(parent, base)
	_, err = os.Lstat(dest)
	missing := os.IsNotExist(err)
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, prefix) {
			continue
		}
		p := filepath.Join(parent, name)
		if missing && e.IsDir() && strings.HasSuffix(name, ".old") && os.Rename(p, dest) == nil {
			missing = false
			continue
		}
		_ = os.RemoveAll(p)
	}
}

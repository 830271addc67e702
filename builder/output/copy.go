package output

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// CopyFile writes the file at src under name, as it is: a build's cache
// hands over a large file it made before (the register's exports) without
// reading it into memory, as the kernel copies between two files by
// itself. A memory Writer reads it.
func (w *Writer) CopyFile(name, src string) error {
	if w.mem != nil {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return w.WriteRaw(name, data)
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	full := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := w.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("cannot write %s into %s: %w", name, w.shown, unwrapPath(err))
	}
	// (*os.File).ReadFrom copies inside the kernel where it can
	// (copy_file_range, splice), else through a buffer.
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write %s into %s: %w", name, w.shown, unwrapPath(err))
	}
	w.files.Add(1)
	w.bytes.Add(n)
	return nil
}

package brief

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"
	"time"
)

// bom is the UTF-8 byte-order mark.
var bom = []byte{0xEF, 0xBB, 0xBF}

// KitFile is one file of a replication kit.
type KitFile struct {
	Name string // slash-separated path inside the ZIP
	Data []byte
}

// Kit packs a replication kit into one folder, root ("replication-en-kit"),
// so that unpacking it does not scatter files: README.txt first, then the
// files sorted by name, all with modTime, so the same files always give the
// same bytes. A CSV file gets a UTF-8 byte-order mark if it has none:
// without one, Excel reads it in the computer's legacy code page and
// garbles Hungarian and Slovak letters.
func Kit(root, readme string, files []KitFile, modTime time.Time) ([]byte, error) {
	sorted := append([]KitFile(nil), files...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[string]bool{"README.txt": true}
	write := func(name string, data []byte) error {
		// Extended timestamps would record the local zone; fixed DOS
		// times in UTC keep the archive the same everywhere.
		h := &zip.FileHeader{Name: root + "/" + name, Method: zip.Deflate, Modified: modTime.UTC()}
		h.SetMode(0o644)
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := write("README.txt", []byte(readme)); err != nil {
		return nil, err
	}
	for _, f := range sorted {
		if seen[f.Name] {
			return nil, fmt.Errorf("brief: kit: duplicate file %q", f.Name)
		}
		seen[f.Name] = true
		data := f.Data
		if strings.EqualFold(path.Ext(f.Name), ".csv") && !bytes.HasPrefix(data, bom) {
			data = append(append([]byte(nil), bom...), data...)
		}
		if err := write(f.Name, data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

package site

import (
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/output"
)

// writeBriefs renders the PDF briefs, bundles and kits.
func writeBriefs(w *output.Writer, l *loaded, cacheDir string) (int, diag.List, error) {
	return 0, nil, nil
}

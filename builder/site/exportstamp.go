package site

import (
	"encoding/json"

	"github.com/4im-project/dissem/builder/output"
)

// exportStampsName is the file in the register's cache folder that says
// which files of the last build's output hold the exports of which key.
const exportStampsName = "outputs.stamp"

// exportStamps are the stamps (output.FileStamp) of the register's three
// files as a build wrote them, exportNames's order, and the key of what
// they hold (zero: not known). The next build of the same register links
// a file that still has its stamp into its output instead of copying 30
// MB from the cache at N = 10,000: a tenth of the stage. A file written to
// since, replaced or deleted has another stamp (or none), and is copied.
type exportStamps struct {
	Key   string
	Files [3]output.FileStamp
}

// readExportStamps reads the stamps kept in cacheDir; none without a
// cache, or with a damaged file.
func readExportStamps(cacheDir string) exportStamps {
	var s exportStamps
	data, err := registerCache(cacheDir).Read(exportStampsName)
	if err != nil || json.Unmarshal(data, &s) != nil {
		return exportStamps{}
	}
	return s
}

// writeExportStamps keeps s for the next build; a cache that cannot be
// written only costs a copy.
func writeExportStamps(cacheDir string, s exportStamps) {
	data, err := json.Marshal(s)
	if err != nil {
		return
	}
	_ = registerCache(cacheDir).Write(exportStampsName, data)
}

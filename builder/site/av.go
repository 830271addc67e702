package site

import (
	"github.com/4im-project/dissem/builder/av"
	"github.com/4im-project/dissem/builder/diag"
)

// prepareAV checks the documents' galleries and videos (builder/av) once
// they are resolved; prefix names the content folder in messages.
func prepareAV(l *loaded, prefix string) (*av.Media, diag.List) {
	return av.Prepare(l.site, av.Options{FS: l.contentFS, Files: l.tree.Files, Prefix: prefix})
}

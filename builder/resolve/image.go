package resolve

import (
	"path"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
)

// imageTypes are the file types a front-matter image may have: those every
// browser shows in an <img>.
var imageTypes = map[string]bool{".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".avif": true, ".svg": true}

// image checks the front matter's "image": a picture of the content tree,
// named relative to the document like a link. The tree's file list is
// sitefs's (no hidden files, no links out), so a name that is not in it is
// missing or refused already, and the check reads nothing from disk.
func (r *resolver) image(p *Page, diags *diag.List) {
	name := p.Meta.Image
	if name == "" {
		return
	}
	pos := p.Meta.Pos["image"]
	if isExternal(name) || strings.HasPrefix(name, "/") {
		diags.Errorf(pos, "field \"image\": %q is not a file of the content folder; put the picture beside %s and give its name (image: picture.jpg)", name, path.Base(p.Doc.Path))
		return
	}
	rel := path.Clean(path.Join(p.Doc.Dir, name))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		diags.Errorf(pos, "field \"image\": %q leads out of the content folder; put the picture in content/ and name it relative to %s", name, path.Dir(p.Doc.Path))
		return
	}
	if !imageTypes[strings.ToLower(path.Ext(rel))] {
		diags.Errorf(pos, "field \"image\": %q is not a picture; use a .jpg, .png, .webp, .avif, .gif or .svg file", name)
		return
	}
	if !r.opts.Files[rel] {
		diags.Errorf(pos, "field \"image\": there is no file content/%s; check the path (it is relative to %s)", rel, path.Dir(p.Doc.Path))
	}
}

package brief

import (
	"bytes"
	"image"
	"io/fs"
	"path"

	"github.com/4im-project/dissem/builder/diag"
)

// maxLogo is the largest logo file a cover takes: it is embedded in every
// brief.
const maxLogo = 512 << 10

// logo reads the site's logo (site.yaml "logo", a file of the static
// folder), once per Source: its bytes, or nil for the drawn mark, and what
// is wrong with it, at the setting.
func (s *Source) logo() ([]byte, diag.List) {
	s.logoOnce.Do(func() { s.logoData, s.logoDiags = readLogo(s) })
	return s.logoData, s.logoDiags
}

func readLogo(s *Source) ([]byte, diag.List) {
	cfg := s.Site.Config
	name := cfg.Logo
	if name == "" || s.Static == nil {
		return nil, nil
	}
	var diags diag.List
	pos := cfg.Pos("logo")
	clean := path.Clean(name)
	if path.IsAbs(name) || clean == ".." || len(clean) > 2 && clean[:3] == "../" {
		diags.Errorf(pos, "field \"logo\": %q is not a file of the static folder; put the picture in static/ and give its name (logo: img/logo.png)", name)
		return nil, diags
	}
	data, err := fs.ReadFile(s.Static, clean)
	if err != nil {
		diags.Errorf(pos, "field \"logo\": there is no file static/%s; check the name (it is relative to the static folder)", clean)
		return nil, diags
	}
	if len(data) > maxLogo {
		diags.Errorf(pos, "field \"logo\": static/%s is %d KB; a logo printed on every brief should be at most %d KB (save it smaller)", clean, len(data)>>10, maxLogo>>10)
		return nil, diags
	}
	cfgImg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || format != "png" && format != "jpeg" || cfgImg.Width == 0 || cfgImg.Height == 0 {
		diags.Errorf(pos, "field \"logo\": static/%s is not a PNG or JPEG picture; the briefs can print only those (export the logo as PNG)", clean)
		return nil, diags
	}
	return data, nil
}

// logoOp is the cover's mark: the site's logo picture scaled to h high
// (at most four times as wide), or the drawn mark.
func (l *layout) logoOp(x, h float64) op {
	if l.doc.Logo == nil {
		return op{kind: opLogo, x: x, w: h, h: h}
	}
	p, err := l.picture("site logo", l.doc.Logo)
	if err != nil || p.w <= 0 || p.h <= 0 {
		return op{kind: opLogo, x: x, w: h, h: h}
	}
	w := min(p.w*h/p.h, 4*h)
	return op{kind: opImage, x: x, w: w, h: p.h * w / p.w, img: p}
}

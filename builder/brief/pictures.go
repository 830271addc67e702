package brief

import (
	"bytes"
	"image"
	"path"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/resolve"
	"github.com/yuin/goldmark/ast"
)

// printable reports whether a brief can print an image's bytes: PNG,
// JPEG, GIF or SVG (WebP and AVIF, which browsers show, fpdf cannot).
func printablePicture(data []byte) bool {
	if bytes.Contains(data[:min(len(data), 512)], []byte("<svg")) {
		return true
	}
	_, format, err := image.DecodeConfig(bytes.NewReader(data))
	return err == nil && (format == "png" || format == "jpeg" || format == "gif")
}

// pictureWarnings tells the editor about pictures a brief cannot print:
// the lead picture (the cover goes without) and the body's (the brief
// shows their description instead). images are those the brief reads.
func pictureWarnings(p *resolve.Page, d *Document, images map[string][]byte) diag.List {
	var diags diag.List
	kind := func(name string) string {
		if ext := strings.TrimPrefix(strings.ToLower(path.Ext(name)), "."); ext != "" {
			return strings.ToUpper(ext) + " "
		}
		return ""
	}
	if d.Image != "" {
		if data, ok := images[d.Image]; ok && !printablePicture(data) {
			diags.Warnf(p.Meta.Pos["image"], "field \"image\": the PDF brief cannot print this %spicture, so its cover has none; give a JPEG or PNG copy (image: %s)",
				kind(p.Meta.Image), strings.TrimSuffix(p.Meta.Image, path.Ext(p.Meta.Image))+".jpg")
		}
	}
	if d.Body == nil {
		return diags
	}
	seen := map[string]bool{}
	for _, link := range d.Body.Links {
		img, ok := link.Node.(*ast.Image)
		if !link.Image || !ok {
			continue
		}
		dest := string(img.Destination)
		data, ok := images[dest]
		if !ok || seen[dest] || printablePicture(data) {
			continue
		}
		seen[dest] = true
		diags.Warnf(link.Pos, "the PDF brief cannot print the %spicture %s and shows its description instead; link a JPEG or PNG copy", kind(link.Dest), link.Dest)
	}
	return diags
}

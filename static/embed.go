// Package static embeds dissem's default CSS, JavaScript and images. A site
// overrides any file by putting its own copy in its static/ folder.
package static

import "embed"

// FS holds css/, js/, img/ and favicon.svg.
//
//go:embed css js img favicon.svg
var FS embed.FS

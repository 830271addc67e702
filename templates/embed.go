// Package templates embeds dissem's default templates and UI strings. A site
// overrides any file by putting its own copy in its templates/ folder.
package templates

import "embed"

// FS holds base.html, partials/, types/, the kind templates and i18n/.
//
//go:embed *.html partials types i18n
var FS embed.FS

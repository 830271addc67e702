package site

import (
	"errors"
	"fmt"
	"path"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/tdewolff/parse/v2"
)

// staticKinds names a static file's language in a message.
var staticKinds = map[string]string{
	".css": "stylesheet (CSS)", ".js": "script (JavaScript)", ".svg": "SVG picture",
	".json": "JSON file", ".xml": "XML file", ".html": "HTML page",
}

// staticProblem turns the minifier's complaint about a site's static file
// (a stray brace in a stylesheet, a JSON file cut short) into an error at
// the file's line and column. Before, it ended the build as a failure of
// the machine: exit 3, and the parser's message over three lines with a
// caret. It reports false for an error that is not about the file's text.
func staticProblem(err error, display, name string) (diag.Diag, bool) {
	var pe *parse.Error
	if !errors.As(err, &pe) {
		return diag.Diag{}, false
	}
	kind := staticKinds[path.Ext(name)]
	if kind == "" {
		kind = "file"
	}
	return diag.Diag{
		Pos:      diag.Pos{File: display + "/" + name, Line: pe.Line, Col: pe.Column},
		Severity: diag.Error,
		Msg:      fmt.Sprintf("this %s cannot be read here (%s); fix it, or remove the file from static/", kind, pe.Message),
	}, true
}

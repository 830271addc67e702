package site

import (
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

// bodyProblems are what parsing a body found (links whose destination may
// not be published). In a draft they are warnings, as its field problems
// are, and keep it out of the site: drafts never block a build.
func bodyProblems(meta *schema.Meta, body *markdown.Doc) diag.List {
	if meta == nil || !meta.Draft || len(body.Problems) == 0 {
		return body.Problems
	}
	out := make(diag.List, len(body.Problems))
	for i, p := range body.Problems {
		if p.Severity == diag.Error {
			p.Severity = diag.Warning
			p.Msg = "draft: " + p.Msg
			meta.Incomplete = true
		}
		out[i] = p
	}
	return out
}

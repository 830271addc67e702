package serve

import (
	"testing"

	"github.com/4im-project/dissem/builder/render"
)

// TestTypesAsPublished: the preview sends each download the Content-Type the
// published site's _headers file gives it, so a caption file or a register
// that a host would refuse or garble fails in the preview too.
func TestTypesAsPublished(t *testing.T) {
	if len(render.DownloadTypes) == 0 {
		t.Fatal("no download types")
	}
	for _, d := range render.DownloadTypes {
		if got := contentType("a/b" + d.Ext); got != d.Type {
			t.Errorf("%s: the preview sends %q, the _headers file %q", d.Ext, got, d.Type)
		}
	}
}

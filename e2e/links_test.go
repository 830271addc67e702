//go:build e2e

package e2e

import (
	"testing"

	"github.com/4im-project/dissem/builder/linkcheck"
)

// TestLinks checks the full build, briefs included, the way `dissem check`
// does; builder/linkcheck's own tests plant the broken links.
func TestLinks(t *testing.T) {
	rep, diags := linkcheck.Check(siteDir, baseURL)
	for _, d := range diags {
		t.Error(d)
	}
	t.Logf("linkcheck: %d pages, %d internal links, %d problem(s)", rep.Pages, rep.Links, len(diags))
}

package brief

import "testing"

// FigureAlts reads the structure tree of the PDF at path back and returns
// the /Alt of each Figure, in reading order; media_sample_test.go checks
// the sample site's briefs with it.
func FigureAlts(t *testing.T, path string) []string {
	t.Helper()
	var alts []string
	for _, e := range readQPDF(t, path).structTree(t) {
		if e.role == "Figure" {
			alts = append(alts, e.alt)
		}
	}
	return alts
}

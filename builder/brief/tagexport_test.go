package brief

import "testing"

// CheckTagged reads the tagging of the PDF at path back and checks it as
// TestTaggedPDF does (checkTree); sample_test.go runs it over every brief
// of the sample site.
func CheckTagged(t *testing.T, path string) {
	t.Helper()
	checkTree(t, readQPDF(t, path))
}

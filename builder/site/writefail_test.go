package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/output"
)

// TestFailedWriteIsAMachineError: when the disk refuses a page (here a
// file stands where its folder must be), the build stops with an error (the machine's, its own
// exit status), not a diagnostic blamed on the page, and says it once.
func TestFailedWriteIsAMachineError(t *testing.T) {
	o := Options{Source: "testdata/site", Now: fixedNow, NoBriefs: true, CacheDir: t.TempDir()}
	o.defaults()
	l, diags := load(&o, nil, nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	w, err := output.New(filepath.Join(t.TempDir(), "public"), output.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	if err := os.WriteFile(filepath.Join(w.Dir(), "en"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, d, err := generate(w, l, &o, nil, nil, nil)
	if d.HasErrors() {
		t.Errorf("a failed write came back as the content's problem:\n%s", d)
	}
	if err == nil {
		t.Fatal("no error for a page the disk refused")
	}
	t.Log(err)
	if msg := err.Error(); strings.Count(msg, "cannot") != 1 {
		t.Errorf("message repeats itself or says nothing: %s", msg)
	}
}

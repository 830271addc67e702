package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/resolve"
)

// TestPanicIsABugNotACrash plants a panic in a brief job: Build returns an
// error that names the document and asks for a report, marks itself a bug
// (exit status 4), and leaves neither the output nor a temporary folder.
func TestPanicIsABugNotACrash(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(src, "site.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte(strings.Replace(string(data), "briefs: false", "briefs: true", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	brief.TestHook = func(p *resolve.Page) {
		var fonts []int
		_ = fonts[len(p.Title)] // index out of range, as the font code did
	}
	defer func() { brief.TestHook = func(*resolve.Page) {} }()

	dest := filepath.Join(dir, "public")
	_, err = Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: filepath.Join(dir, "cache")})
	var bug interface{ Bug() bool }
	if err == nil || !errors.As(err, &bug) || !bug.Bug() {
		t.Fatalf("err = %v, want a bug", err)
	}
	for _, want := range []string{"content/guides/survey.en.md", "index out of range", "this is a bug in dissem; please report it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %v", want, err)
		}
	}
	left, _ := os.ReadDir(dir)
	for _, e := range left {
		if e.Name() != "site" && e.Name() != "cache" {
			t.Errorf("the failed build left %s", e.Name())
		}
	}
}

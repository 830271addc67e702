package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestBriefCacheBounded: the brief cache holds the briefs of the last
// successful build only; a failed build removes nothing from it.
func TestBriefCacheBounded(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../builder/site/testdata/site", dir)
	cache := filepath.Join(dir, ".dissem-cache", "briefs")
	build := func(wantCode int) []string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run([]string{"build", "--source", dir, "--quiet"}, &out, &errb); code != wantCode {
			t.Fatalf("exit %d, want %d\n%s", code, wantCode, errb.String())
		}
		entries, _ := os.ReadDir(cache)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	first := build(0)
	if len(first) == 0 {
		t.Fatal("no briefs cached")
	}
	guide := filepath.Join(dir, "content", "guides", "survey.en.md")
	text, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(s string) {
		if err := os.WriteFile(guide, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(string(text) + "\nOne more sentence.\n")
	second := build(0)
	if len(second) != len(first) || slices.Equal(second, first) {
		t.Errorf("after editing a guide the cache went from %v to %v; want as many entries, some replaced", first, second)
	}
	// A build that makes its briefs, then fails (a UI string missing, found
	// once the pages are rendered): the cache gains the new briefs and keeps
	// the ones the failed build did not use, those of the site online.
	edit(string(text) + "\nYet another sentence.\n")
	tmpl := filepath.Join(dir, "templates", "404.html")
	os.MkdirAll(filepath.Dir(tmpl), 0o755)
	os.WriteFile(tmpl, []byte(`{{define "main"}}<p>{{.TIn "en" "no_such_string"}}</p>{{end}}`), 0o644)
	third := build(1)
	for _, name := range second {
		if !slices.Contains(third, name) {
			t.Errorf("a failed build removed %s from the cache", name)
		}
	}
	if len(third) <= len(second) {
		t.Errorf("the failed build made no briefs (%d → %d cached); the test does not reach them", len(second), len(third))
	}
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestExitCodes(t *testing.T) {
	site := "../../builder/site/testdata/site"
	broken := "../../builder/site/testdata/broken"
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no args", nil, 2, "", "Usage:"},
		{"unknown command", []string{"bild"}, 2, "", `unknown command "bild"`},
		{"version", []string{"version"}, 0, "dissem dev", ""},
		{"help flag", []string{"build", "--help"}, 0, "", "-drafts"},
		{"bad flag", []string{"build", "--nope"}, 2, "", "flag provided but not defined"},
		{"build", []string{"build", "--source", site, "--dest", "OUT"}, 0, "built ", ""},
		{"content errors", []string{"build", "--source", broken, "--dest", "OUT"}, 1, "", `bad.en.md:4:7: field "date": want a date like 2024-05-31, got "May 2024"`},
		{"check", []string{"check", "--source", site}, 0, "checked ", ""},
		{"check finds errors", []string{"check", "--source", broken}, 1, "", "nothing was written"},
		{"new needs two args", []string{"new", "guide"}, 2, "", "want TYPE and NAME"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, a := range tt.args {
				if a == "OUT" {
					tt.args[i] = filepath.Join(t.TempDir(), "public")
				}
			}
			var out, errb bytes.Buffer
			code := run(tt.args, &out, &errb)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("stdout %q lacks %q", out.String(), tt.stdout)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", errb.String(), tt.stderr)
			}
		})
	}
}

func TestNewScaffoldsTheDefaultLanguage(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../builder/site/testdata/site", dir)
	var out, errb bytes.Buffer
	if code := run([]string{"new", "--source", dir, "guide", "Street survey"}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "content/guides/street-survey.en.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "audience:") || !strings.Contains(string(b), "draft: true") {
		t.Errorf("skeleton:\n%s", b)
	}
	for _, lang := range []string{"hu", "sk"} {
		if _, err := os.Stat(filepath.Join(dir, "content/guides/street-survey."+lang+".md")); err == nil {
			t.Errorf("wrote a %s file without --lang", lang)
		}
	}
	if code := run([]string{"new", "--source", dir, "guide", "Street survey"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "exists already") {
		t.Errorf("second new: exit %d, %s", code, errb.String())
	}
	// The draft does not block the check; it names the fields still to fill in.
	errb.Reset()
	if code := run([]string{"check", "--source", dir}, &out, &errb); code != 0 || !strings.Contains(errb.String(), `street-survey.en.md:2:1: warning: draft: missing required field "audience"`) {
		t.Errorf("check after new: exit %d\n%s", code, errb.String())
	}
}

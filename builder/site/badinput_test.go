package site

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/diag"
	"golang.org/x/tools/txtar"
)

// TestBadInput builds each case of testdata/bad/*.txtar: a small valid site
// (testdata/bad/_base) with the archive's files laid over it, and checks the
// messages an editor would read.
//
// The archive's comment holds one directive a line:
//
//	want: TEXT      an error whose "path:line:col: message" contains TEXT
//	warn: TEXT      a warning containing TEXT
//	ok              the build succeeds (no errors); warnings are allowed
//	absent: NAME    the built site has no file NAME
//	present: NAME   the built site has a file NAME
//	machine: TEXT   Build returns a machine error containing TEXT
//	errors: N       exactly N errors (no noise around the one that matters)
//	warnings: N     exactly N warnings
//	# …             a comment
//
// An archive file named "symlink:PATH" makes PATH a symbolic link to the
// file's content (one line); a file whose content is exactly "<delete>" removes
// PATH from the base site. Paths in messages are relative to the site folder.
func TestBadInput(t *testing.T) {
	cases, err := filepath.Glob("testdata/bad/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 60 {
		t.Errorf("%d bad-input cases, want at least 60", len(cases))
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			src := filepath.Join(dir, "site")
			if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
				t.Fatal(err)
			}
			for _, f := range ar.Files {
				if target, ok := strings.CutPrefix(f.Name, "symlink:"); ok {
					p := filepath.Join(src, filepath.FromSlash(target))
					_ = os.MkdirAll(filepath.Dir(p), 0o755)
					_ = os.Remove(p)
					if err := os.Symlink(strings.TrimSpace(string(f.Data)), p); err != nil {
						t.Fatal(err)
					}
					continue
				}
				p := filepath.Join(src, filepath.FromSlash(f.Name))
				if string(f.Data) == "<delete>\n" || string(f.Data) == "<delete>" {
					if err := os.RemoveAll(p); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			dest := filepath.Join(dir, "public")
			res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: filepath.Join(dir, "cache")})
			var printed string
			if res != nil {
				printed = strings.ReplaceAll(res.Diags.String(), src+string(filepath.Separator), "")
			}
			wantMachine := ""
			ok := false
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				line = strings.TrimSpace(line)
				key, val, _ := strings.Cut(line, ":")
				val = strings.TrimSpace(val)
				switch {
				case line == "" || strings.HasPrefix(line, "#"):
				case line == "ok":
					ok = true
				case key == "want":
					if !hasDiag(res, src, val, false) {
						t.Errorf("want error containing\n\t%s\ngot:\n%s", val, printed)
					}
				case key == "warn":
					if !hasDiag(res, src, val, true) {
						t.Errorf("want warning containing\n\t%s\ngot:\n%s", val, printed)
					}
				case key == "machine":
					wantMachine = val
				case key == "errors":
					if n, err := strconv.Atoi(val); err != nil || res == nil || res.Diags.Errors() != n {
						t.Errorf("want %s errors, got:\n%s", val, printed)
					}
				case key == "warnings":
					if n, err := strconv.Atoi(val); err != nil || res == nil || len(res.Diags)-res.Diags.Errors() != n {
						t.Errorf("want %s warnings, got:\n%s", val, printed)
					}
				case key == "absent", key == "present":
					_, statErr := os.Lstat(filepath.Join(dest, filepath.FromSlash(val)))
					if exists := statErr == nil; exists != (key == "present") {
						t.Errorf("%s: %s (exists: %v)", key, val, exists)
					}
				default:
					t.Fatalf("unknown directive %q", line)
				}
			}
			switch {
			case wantMachine != "":
				if err == nil || !strings.Contains(err.Error(), wantMachine) {
					t.Errorf("machine error = %v, want one containing %q", err, wantMachine)
				}
			case err != nil:
				t.Errorf("machine error: %v", err)
			}
			if ok && res != nil && res.Diags.HasErrors() {
				t.Errorf("want a good build, got:\n%s", printed)
			}
			if res != nil && res.Diags.HasErrors() {
				if _, err := os.Stat(dest); err == nil {
					t.Errorf("a build with errors wrote %s", dest)
				}
			}
			// No Go words in a message meant for editors.
			for _, goWord := range []string{"!!str", "!!map", "!!seq", "config.Config", "unmarshal", "EOF", "template: template:", "reflect", "interface {}", "goroutine"} {
				if strings.Contains(printed, goWord) {
					t.Errorf("message uses the Go word %q:\n%s", goWord, printed)
				}
			}
		})
	}
}

// hasDiag reports whether res holds a diagnostic of the given kind whose
// printed form, with the site folder cut off, contains text.
func hasDiag(res *Result, src, text string, warning bool) bool {
	if res == nil {
		return false
	}
	for _, d := range res.Diags {
		if (d.Severity == diag.Warning) != warning {
			continue
		}
		s := strings.ReplaceAll(d.String(), src+string(filepath.Separator), "")
		if strings.Contains(s, text) {
			return true
		}
	}
	return false
}

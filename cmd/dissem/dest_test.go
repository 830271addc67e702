//go:build unix

package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/output"
)

// goWords are words of Go and of system calls that an editor should never
// read in a message.
var goWords = []string{"lstat", "openat", "renameat", "mkdirat", "syscall", "errno", "*os.", "%!", "0x", "panic", "goroutine"}

// destSite makes a site in a temporary folder, with templates/ and static/
// of its own and some folders around it, and changes into it.
func destSite(t *testing.T) (dir string) {
	dir = t.TempDir()
	dir, _ = filepath.EvalSymlinks(dir)
	site := filepath.Join(dir, "site")
	copyDir(t, "../../builder/site/testdata/site", site)
	for name, data := range map[string]string{
		"site/templates/partials/extra.html": "{{define \"extra\"}}{{end}}",
		"site/static/robots.txt":             "User-agent: *\n",
		"notes/plan.txt":                     "mine",
		"home/me/letter.txt":                 "mine",
		"empty/.keep-me-not":                 "",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Remove(filepath.Join(dir, "empty", ".keep-me-not"))
	if err := os.Symlink(filepath.Join(site, "content"), filepath.Join(dir, "to-content")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", filepath.Join(dir, "home", "me"))
	t.Chdir(site)
	return dir
}

// TestDestRefused: every --dest that would replace sources or someone's
// files is refused with exit status 2 (a usage error: the command line named
// it) and one line naming the folder and what to do, and nothing anywhere
// is changed.
func TestDestRefused(t *testing.T) {
	dir := destSite(t)
	tests := []struct{ dest, why string }{
		{".", "it is or contains the site folder (/"},
		{"..", "it is or contains the site folder (/"},
		{"content", "it is inside the site's content/ folder"},
		{"content/public", "it is inside the site's content/ folder"},
		{"content/guides", "it is inside the site's content/ folder"},
		{"./public/../content", "it is inside the site's content/ folder"},
		{"../to-content", "it is inside the site's content/ folder"},
		{"../to-content/public", "it is inside the site's content/ folder"},
		{"templates", "it is inside the site's templates/ folder"},
		{"static/site", "it is inside the site's static/ folder"},
		{"../home/me", "it is or contains your home folder"},
		{"../home", "it is or contains your home folder"},
		{"/", "it is the root of the file system"},
		{"../notes", "it holds files that dissem did not write"},
		{"site.yaml", "it is or contains site.yaml"},
	}
	before := tree(t, dir)
	for _, tt := range tests {
		for _, cmd := range []string{"build", "check"} {
			t.Run(cmd+" "+tt.dest, func(t *testing.T) {
				var out, errb bytes.Buffer
				code := run([]string{cmd, "--dest", tt.dest}, &out, &errb)
				msg := errb.String()
				if code != 2 {
					t.Fatalf("exit %d, want 2\n%s", code, msg)
				}
				want := "dissem: will not write the site into " + tt.dest + ": " + tt.why
				if !strings.HasPrefix(msg, want) || !strings.Contains(msg, "choose another output folder with --dest") {
					t.Errorf("message\n%s\nwant it to start\n%s", msg, want)
				}
				if strings.Count(msg, "\n") != 1 {
					t.Errorf("not one line: %q", msg)
				}
				for _, w := range goWords {
					if strings.Contains(msg, w) {
						t.Errorf("message %q has %q", msg, w)
					}
				}
			})
		}
	}
	if after := tree(t, dir); !maps.Equal(before, after) {
		t.Errorf("a refused build changed files:\n%s", changed(before, after))
	}
}

// TestDestAccepted: the default SOURCE/public, a new folder, an empty one,
// the output of an earlier build (stamped) and of a dissem from before the
// stamp are all written.
func TestDestAccepted(t *testing.T) {
	dir := destSite(t)
	legacy := filepath.Join(dir, "legacy")
	os.MkdirAll(filepath.Join(legacy, "en"), 0o700)
	for _, f := range []string{"index.html", "sitemap.xml", "en/index.html"} {
		os.WriteFile(filepath.Join(legacy, f), []byte("old"), 0o644)
	}
	os.Chmod(legacy, 0o700)
	for _, tt := range []struct{ name, dest, stamped string }{
		{"default", "", "public"},
		{"default again, stamped", "", "public"},
		{"new folder", "../out/www", "../out/www"},
		{"empty folder", "../empty", "../empty"},
		{"earlier dissem", "../legacy", "../legacy"},
		{"earlier dissem, now stamped", "../legacy", "../legacy"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := []string{"build", "--no-briefs", "--quiet"}
			if tt.dest != "" {
				args = append(args, "--dest", tt.dest)
			}
			var out, errb bytes.Buffer
			if code := run(args, &out, &errb); code != 0 {
				t.Fatalf("exit %d\n%s", code, errb.String())
			}
			if _, err := os.Stat(filepath.Join(tt.stamped, output.StampName)); err != nil {
				t.Error("the output has no stamp")
			}
			if info, err := os.Stat(tt.stamped); err != nil || info.Mode().Perm()&0o055 != 0o055 {
				t.Errorf("the output root is not readable by others: %v", info.Mode())
			}
		})
	}
	if _, err := os.Stat(filepath.Join(legacy, "en", "index.html")); err != nil {
		t.Error("the earlier output was not replaced")
	}
}

// TestWriteFailure: a disk that refuses a write (here: a file size limit)
// is a machine error, exit status 3 with one line in plain words, and the
// previous site stays as it was with nothing left beside it: for pages and
// for briefs (read from the cache, then refused by the output).
func TestWriteFailure(t *testing.T) {
	for _, tt := range []struct {
		name   string
		briefs bool
		limit  string
		file   string // the file that cannot be written
	}{
		{"a page", false, "4000", ""},
		{"a brief", true, "20000", ".pdf"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := destSite(t)
			k := killRun{src: ".", dest: "public", briefs: tt.briefs}
			if out, err := k.command("").CombinedOutput(); err != nil {
				t.Fatalf("first build: %v\n%s", err, out)
			}
			before := tree(t, dir)
			cmd := k.command("")
			cmd.Env = append(cmd.Env, "DISSEM_FILE_LIMIT="+tt.limit)
			msg, _ := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 3 {
				t.Fatalf("exit %d, want 3\n%s", code, msg)
			}
			if !strings.HasPrefix(string(msg), "dissem: cannot write ") || !strings.HasSuffix(string(msg), tt.file+" into public: file too large\n") {
				t.Errorf("message %q", msg)
			}
			for _, w := range goWords {
				if strings.Contains(string(msg), w) {
					t.Errorf("message %q has %q", msg, w)
				}
			}
			if after := tree(t, dir); !maps.Equal(before, after) {
				t.Errorf("a failed build changed files:\n%s", changed(before, after))
			}
		})
	}
}

// tree maps every file and folder under dir to its hash or mode.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			m[rel] = fmt.Sprintf("%x", sha256.Sum256(data))
		} else {
			m[rel] = d.Type().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func changed(before, after map[string]string) string {
	var b strings.Builder
	for k, v := range before {
		if after[k] != v {
			fmt.Fprintf(&b, "  %s changed or removed\n", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			fmt.Fprintf(&b, "  %s added\n", k)
		}
	}
	return b.String()
}

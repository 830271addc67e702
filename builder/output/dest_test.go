package output

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCheckDest walks every rule of CheckDest: each refused case names the
// folder and the reason, each accepted one returns the folder resolved.
func TestCheckDest(t *testing.T) {
	root := t.TempDir()
	root, _ = filepath.EvalSymlinks(root)
	site := filepath.Join(root, "site")
	home := filepath.Join(root, "users", "me")
	for _, d := range []string{"content/news", "templates", "static", "stamped", "legacy", "empty", "notes", "private"} {
		mustMkdir(t, filepath.Join(site, d))
	}
	mustMkdir(t, home)
	t.Setenv("HOME", home)
	write(t, filepath.Join(site, "site.yaml"), "title: x\n")
	write(t, filepath.Join(site, "notes", "plan.txt"), "mine")
	write(t, filepath.Join(site, "stamped", StampName), stampText)
	write(t, filepath.Join(site, "stamped", "index.html"), "old")
	// An output of a dissem without the stamp: a 0700 root with the chooser and sitemap.
	write(t, filepath.Join(site, "legacy", "index.html"), "old")
	write(t, filepath.Join(site, "legacy", "sitemap.xml"), "old")
	os.Chmod(filepath.Join(site, "legacy"), 0o700)
	// The same two files in an ordinary folder are someone's work.
	write(t, filepath.Join(site, "private", "index.html"), "mine")
	write(t, filepath.Join(site, "private", "sitemap.xml"), "mine")
	write(t, filepath.Join(site, "afile"), "x")
	cfg := filepath.Join(root, "conf", "site.yaml")
	write(t, cfg, "title: x\n")
	// Links that point at protected folders.
	link := func(name, to string) string {
		p := filepath.Join(root, name)
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	toSite := link("to-site", site)
	toContent := link("to-content", filepath.Join(site, "content"))
	toRoot := link("to-root", root)

	tests := []struct {
		name, dest string
		want       string // "" accepted; else a part of the message
	}{
		{"fresh folder", filepath.Join(site, "public"), ""},
		{"default beside content", filepath.Join(site, "public"), ""},
		{"fresh nested folder", filepath.Join(root, "out", "a", "b"), ""},
		{"empty folder", filepath.Join(site, "empty"), ""},
		{"stamped output", filepath.Join(site, "stamped"), ""},
		{"output of an older dissem", filepath.Join(site, "legacy"), ""},
		{"inside the home folder", filepath.Join(home, "www"), ""},
		{"the site folder", site, "it is or contains the site folder"},
		{"the site folder as .", site + "/.", "it is or contains the site folder"},
		{"above the site folder", root, "it is or contains the site folder"},
		{"content", filepath.Join(site, "content"), "inside the site's content/ folder"},
		{"inside content", filepath.Join(site, "content", "public"), "inside the site's content/ folder"},
		{"inside content, existing", filepath.Join(site, "content", "news"), "inside the site's content/ folder"},
		{"templates", filepath.Join(site, "templates"), "inside the site's templates/ folder"},
		{"inside static", filepath.Join(site, "static", "out"), "inside the site's static/ folder"},
		{"through .. into content", filepath.Join(site, "public", "..", "content", "x"), "inside the site's content/ folder"},
		{"a link to the site", toSite, "it is or contains the site folder"},
		{"a link to content", toContent, "inside the site's content/ folder"},
		{"inside a link to content", filepath.Join(toContent, "public"), "inside the site's content/ folder"},
		{"through a link into content", filepath.Join(toRoot, "site", "content", "out"), "inside the site's content/ folder"},
		{"contains the configuration", filepath.Join(root, "conf"), "which the build reads"},
		{"the home folder", home, "your home folder"},
		{"above the home folder", filepath.Dir(home), "your home folder"},
		{"the root", "/", "the root of the file system"},
		{"a file", filepath.Join(site, "afile"), "it is a file"},
		{"someone's folder", filepath.Join(site, "notes"), "holds files that dissem did not write"},
		{"chooser and sitemap made by hand", filepath.Join(site, "private"), "holds files that dissem did not write"},
		{"nothing", "", "no output folder given"},
		{"inside the cache", filepath.Join(site, ".cache", "out"), "it is inside " + filepath.Join(site, ".cache") + ", which dissem keeps for itself"},
		{"~ left by the shell", "~/www", "the shell did not replace \"~\""},
		{"~ alone", "~", "the shell did not replace \"~\""},
		{"~user", "~editor/www", "the shell did not replace \"~\""},
		{"a tilde inside a name", filepath.Join(site, "a~b"), ""},
		{"a pasted space", filepath.Join(site, "public") + " ", "begins or ends with a space"},
		{"a line break", filepath.Join(site, "pub\nlic"), "holds a line break"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckDest(tt.dest, site, cfg, filepath.Join(site, ".cache"))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if !filepath.IsAbs(got) {
					t.Errorf("resolved to %q, want an absolute path", got)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted %s (as %s)", tt.dest, got)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q lacks %q", msg, tt.want)
			}
			if tt.dest != "" && (!strings.Contains(msg, strings.Trim(strconv.Quote(tt.dest), `"`)) || !strings.Contains(msg, "--dest")) {
				t.Errorf("message %q does not name the folder and the fix", msg)
			}
			if strings.Contains(msg, "\n") {
				t.Errorf("message is not one line: %q", msg)
			}
		})
	}
	// Nothing was touched by the checks.
	if b, err := os.ReadFile(filepath.Join(site, "notes", "plan.txt")); err != nil || string(b) != "mine" {
		t.Error("a refused folder was changed")
	}
}

// TestNewRefusesBeforeWriting: a refused dest leaves no temporary folder,
// no lock file and no folder behind.
func TestNewRefusesBeforeWriting(t *testing.T) {
	site := t.TempDir()
	mustMkdir(t, filepath.Join(site, "content"))
	before, _ := os.ReadDir(site)
	if _, err := New(filepath.Join(site, "content", "public"), Options{Source: site}); err == nil {
		t.Fatal("New accepted a dest inside content/")
	}
	after, _ := os.ReadDir(site)
	inner, _ := os.ReadDir(filepath.Join(site, "content"))
	if len(after) != len(before) || len(inner) != 0 {
		t.Errorf("a refused build wrote: %v, content/ %v", after, inner)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, name, data string) {
	t.Helper()
	mustMkdir(t, filepath.Dir(name))
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

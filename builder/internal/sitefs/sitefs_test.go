package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// site makes a site folder with content/ holding a.md and img/x.png, a
// secret file outside it, and the links of the case; it returns the site
// folder and the secret's path.
func site(t *testing.T, links map[string]string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	secret := filepath.Join(dir, "secret.txt")
	src := filepath.Join(dir, "site")
	for name, data := range map[string]string{
		"content/a.md":            "# A",
		"content/img/x.png":       "png",
		"content/.env":            "TOKEN=1",
		"content/.git/config":     "[core]",
		"content/img/.DS_Store":   "x",
		"content/.hidden/page.md": "# hidden",
		"site.yaml":               "title: x",
	} {
		write(t, filepath.Join(src, filepath.FromSlash(name)), data)
	}
	write(t, secret, "root:x:0:0")
	for name, target := range links {
		target = strings.ReplaceAll(target, "SECRET", secret)
		target = strings.ReplaceAll(target, "OUTDIR", dir)
		if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	return src, secret
}

func write(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWalk(t *testing.T) {
	tests := []struct {
		name  string
		links map[string]string
		// files are what Walk lists; want is the one message, "" for none.
		files []string
		want  string
	}{
		{"plain tree: no hidden files", nil, []string{"a.md", "img/x.png"}, ""},
		{"link to a file outside", map[string]string{"content/img/passwd.png": "SECRET"}, []string{"a.md", "img/x.png"},
			"content/img/passwd.png: is a symbolic link to a file outside the content folder; copy the file into content/ instead"},
		{"relative link out with ..", map[string]string{"content/up.md": "../../secret.txt"}, []string{"a.md", "img/x.png"},
			"content/up.md: is a symbolic link to a file outside the content folder; copy the file into content/ instead"},
		{"link to a folder outside", map[string]string{"content/etc": "OUTDIR"}, []string{"a.md", "img/x.png"},
			"content/etc: is a symbolic link to a folder outside the content folder; copy the folder into content/ instead"},
		{"link to the site folder's own file", map[string]string{"content/site.txt": "../site.yaml"}, []string{"a.md", "img/x.png"},
			"content/site.txt: is a symbolic link to a file outside the content folder"},
		{"link to a file inside is followed", map[string]string{"content/y.png": "img/x.png"}, []string{"a.md", "img/x.png", "y.png"}, ""},
		{"link to a link inside is followed", map[string]string{"content/y.png": "img/x.png", "content/z.png": "y.png"}, []string{"a.md", "img/x.png", "y.png", "z.png"}, ""},
		{"link to a folder inside", map[string]string{"content/pics": "img"}, []string{"a.md", "img/x.png"},
			"content/pics: is a symbolic link to a folder (content/img/); dissem does not follow linked folders"},
		{"link to the tree itself (a walking loop)", map[string]string{"content/img/all": ".."}, []string{"a.md", "img/x.png"},
			"content/img/all: is a symbolic link to a folder (content/)"},
		{"link to a hidden file inside", map[string]string{"content/env.txt": ".env"}, []string{"a.md", "img/x.png"},
			"content/env.txt: is a symbolic link to a hidden file (content/.env), which is never published"},
		{"link through a hidden folder", map[string]string{"content/cfg.txt": ".git/config"}, []string{"a.md", "img/x.png"},
			"content/cfg.txt: is a symbolic link to a hidden file (content/.git/config)"},
		{"link to itself", map[string]string{"content/loop.md": "loop.md"}, []string{"a.md", "img/x.png"},
			"content/loop.md: is a symbolic link that leads back to itself (a loop)"},
		{"two links in a circle", map[string]string{"content/p.pdf": "q.pdf", "content/q.pdf": "p.pdf"}, []string{"a.md", "img/x.png"},
			"content/p.pdf: is a symbolic link that leads back to itself (a loop)"},
		{"link to nothing", map[string]string{"content/gone.pdf": "nowhere.pdf"}, []string{"a.md", "img/x.png"},
			`content/gone.pdf: is a symbolic link to "nowhere.pdf", which does not exist`},
		{"hidden link is skipped, not followed", map[string]string{"content/.x": "SECRET"}, []string{"a.md", "img/x.png"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _ := site(t, tt.links)
			tree, d := OpenTree(src, "content", "content")
			if tree == nil || len(d) > 0 {
				t.Fatalf("OpenTree: %v", d)
			}
			var files []string
			d = Walk(tree, "content", func(p string) { files = append(files, p) })
			if !slices.Equal(files, tt.files) {
				t.Errorf("files = %q, want %q", files, tt.files)
			}
			got := d.String()
			if tt.want == "" && len(d) > 0 || tt.want != "" && (!strings.Contains(got, tt.want) || !d.HasErrors()) {
				t.Errorf("diagnostics:\n%s\nwant one containing %q", got, tt.want)
			}
			for _, f := range files {
				if _, err := tree.ReadFile(f); err != nil {
					t.Errorf("listed %s, cannot read it: %v", f, err)
				}
			}
		})
	}
}

// TestOpen shows that reading by name obeys the rule without a Walk first:
// a name that Walk never listed cannot leak either.
func TestOpen(t *testing.T) {
	src, _ := site(t, map[string]string{
		"content/passwd":  "SECRET",
		"content/etc":     "OUTDIR",
		"content/loop":    "loop",
		"content/y.png":   "img/x.png",
		"content/env.txt": ".env",
	})
	tree, _ := OpenTree(src, "content", "content")
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"a.md", true},
		{"img/x.png", true},
		{"y.png", true},
		{".env", false},
		{".git/config", false},
		{"img/.DS_Store", false},
		{".hidden/page.md", false},
		{"../site.yaml", false},
		{"img/../../site.yaml", false},
		{"passwd", false},
		{"etc/secret.txt", false},
		{"loop", false},
	} {
		_, err := tree.ReadFile(tt.name)
		if (err == nil) != tt.ok {
			t.Errorf("ReadFile(%q): err = %v, want ok = %v", tt.name, err, tt.ok)
		}
		f, err := tree.Open(tt.name)
		if err == nil {
			f.Close()
		}
		if (err == nil) != tt.ok {
			t.Errorf("Open(%q): err = %v, want ok = %v", tt.name, err, tt.ok)
		}
		if _, err := tree.Stat(tt.name); (err == nil) != tt.ok {
			t.Errorf("Stat(%q): err = %v, want ok = %v", tt.name, err, tt.ok)
		}
	}
	entries, err := tree.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("ReadDir lists the hidden %s", e.Name())
		}
	}
	if _, err := tree.ReadDir(".git"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("ReadDir(.git): %v, want not found", err)
	}
}

func TestOpenTree(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, src, out string)
		want string // "" opens; "absent" gives nil and no message
	}{
		{"real folder", func(t *testing.T, src, out string) { write(t, filepath.Join(src, "static/a.css"), "") }, ""},
		{"missing", func(t *testing.T, src, out string) {}, "absent"},
		{"link to a folder inside the site", func(t *testing.T, src, out string) {
			write(t, filepath.Join(src, "theme/static/a.css"), "")
			symlink(t, "theme/static", filepath.Join(src, "static"))
		}, ""},
		{"link to a folder outside the site", func(t *testing.T, src, out string) {
			symlink(t, out, filepath.Join(src, "static"))
		}, "static: is a symbolic link to a folder outside the site folder; move the folder into the site folder as static/ instead"},
		{"link to nothing", func(t *testing.T, src, out string) {
			symlink(t, "gone", filepath.Join(src, "static"))
		}, "static: is a symbolic link to a folder that does not exist"},
		{"loop", func(t *testing.T, src, out string) {
			symlink(t, "static", filepath.Join(src, "static"))
		}, "static: is a symbolic link that leads back to itself (a loop)"},
		{"a file", func(t *testing.T, src, out string) { write(t, filepath.Join(src, "static"), "") }, "static: is a file, not a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "site")
			out := filepath.Join(dir, "elsewhere")
			write(t, filepath.Join(out, "passwd"), "x")
			write(t, filepath.Join(src, "site.yaml"), "")
			tt.make(t, src, out)
			tree, d := OpenTree(src, "static", "static")
			switch tt.want {
			case "":
				if tree == nil || len(d) > 0 {
					t.Errorf("want an open tree, got %v", d)
				}
			case "absent":
				if tree != nil || len(d) > 0 {
					t.Errorf("want nothing, got %v %v", tree, d)
				}
			default:
				if tree != nil || !strings.Contains(d.String(), tt.want) {
					t.Errorf("got %v\nwant %q", d, tt.want)
				}
			}
		})
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// TestWalkOtherFS: on a file system that cannot resolve links (a test's
// MapFS), hidden names are still skipped and links refused.
func TestWalkOtherFS(t *testing.T) {
	fsys := fstest.MapFS{
		"a.md":          {Data: []byte("x")},
		".env":          {Data: []byte("x")},
		".git/HEAD":     {Data: []byte("x")},
		"img/link.png":  {Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink},
		"img/photo.png": {Data: []byte("x")},
	}
	var files []string
	d := Walk(fsys, "content", func(p string) { files = append(files, p) })
	if want := []string{"a.md", "img/photo.png"}; !slices.Equal(files, want) {
		t.Errorf("files = %q, want %q", files, want)
	}
	if !strings.Contains(d.String(), "content/img/link.png: is a symbolic link") {
		t.Errorf("diagnostics: %v", d)
	}
}

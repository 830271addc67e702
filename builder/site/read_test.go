package site

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secretMarker is the content of a file outside the site folder; no output
// file, and no file inside a replication kit, may ever contain it.
const secretMarker = "SECRET-OUTSIDE-THE-SITE"

// TestNothingOutsideTheSiteIsPublished builds the test site (briefs and
// kits on) with a file linked from outside the site folder in the places
// that get published: a guide's attachment (copied into /media/ and the
// toolkit's kit), a file no document names (/media/), a static file (the
// site root). Each must be refused at its path; hidden files are published
// nowhere. Every output file and every file inside every ZIP is searched
// for the secret.
func TestNothingOutsideTheSiteIsPublished(t *testing.T) {
	tests := []struct {
		name  string
		plant func(t *testing.T, src, secret string)
		want  string // "" means the build succeeds
	}{
		{"attachment in the kit", func(t *testing.T, src, secret string) {
			link(t, secret, filepath.Join(src, "content/guides/questions.csv"))
		}, "content/guides/questions.csv: is a symbolic link to a file outside the content folder"},
		{"unreferenced content file", func(t *testing.T, src, secret string) {
			link(t, secret, filepath.Join(src, "content/guides/notes.txt"))
		}, "content/guides/notes.txt: is a symbolic link to a file outside the content folder"},
		{"content folder", func(t *testing.T, src, secret string) {
			link(t, filepath.Dir(secret), filepath.Join(src, "content/guides/shared"))
		}, "content/guides/shared: is a symbolic link to a folder outside the content folder"},
		{"static file", func(t *testing.T, src, secret string) {
			link(t, secret, filepath.Join(src, "static/secret.txt"))
		}, "static/secret.txt: is a symbolic link to a file outside the static folder"},
		{"hidden files", func(t *testing.T, src, secret string) {
			data, _ := os.ReadFile(secret)
			for _, name := range []string{"static/.env", "static/.git/config", "content/guides/.questions.csv", "content/.git/config"} {
				p := filepath.Join(src, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "site")
			copyTree(t, "testdata/site", src)
			secret := filepath.Join(dir, "outside", "passwd.csv")
			if err := os.MkdirAll(filepath.Dir(secret), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(secret, []byte(secretMarker+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(src, "static"), 0o755); err != nil {
				t.Fatal(err)
			}
			tt.plant(t, src, secret)
			dest := filepath.Join(dir, "public")
			res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: filepath.Join(dir, "cache")})
			if err != nil {
				t.Fatalf("machine error: %v", err)
			}
			got := strings.ReplaceAll(res.Diags.String(), src+string(filepath.Separator), "")
			if tt.want == "" && res.Diags.HasErrors() || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant one containing %q", got, tt.want)
			}
			if tt.want == "" && res.Briefs == 0 {
				t.Error("no briefs: the kit was not made, so this test proves nothing about it")
			}
			leaks(t, dest)
		})
	}
}

func link(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(name)
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// leaks fails when a file under dir, or a file inside a ZIP there, holds
// the secret or is a hidden file.
func leaks(t *testing.T, dir string) {
	t.Helper()
	// The output may be a link to the published folder (an atomic swap).
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		// dissem's own marks (".dissem-output") are written, not read.
		if strings.HasPrefix(d.Name(), ".") && !strings.HasPrefix(d.Name(), ".dissem") {
			t.Errorf("hidden file published: %s", rel)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if bytes.Contains(data, []byte(secretMarker)) {
			t.Errorf("%s holds the file from outside the site", rel)
		}
		if strings.HasSuffix(p, ".zip") {
			zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				return nil
			}
			for _, f := range zr.File {
				rc, err := f.Open()
				if err != nil {
					t.Errorf("%s: %v", rel, err)
					continue
				}
				b, _ := io.ReadAll(rc)
				rc.Close()
				if bytes.Contains(b, []byte(secretMarker)) || strings.HasPrefix(filepath.Base(f.Name), ".") {
					t.Errorf("%s in %s holds the file from outside the site or is hidden", f.Name, rel)
				}
			}
		}
		return nil
	})
}

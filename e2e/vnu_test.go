//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// vnu runs the Nu Html Checker over dir and returns one line per error,
// "path:line:col: message (extract)", paths relative to dir.
func vnu(t *testing.T, dir string) []string {
	t.Helper()
	jar := filepath.Join(repoRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	need(t, "vnu-jar ("+jar+")", exists(jar))
	need(t, "java (Debian's default-jre-headless)", hasCommand("java"))
	cmd := exec.Command("java", "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	// vnu writes its report to stderr and exits 1 when it finds errors.
	var out strings.Builder
	cmd.Stderr = &out
	err := cmd.Run()
	var report struct {
		Messages []struct {
			Type, URL, Message, Extract string
			LastLine, FirstColumn       int
		}
	}
	if jerr := json.Unmarshal([]byte(out.String()), &report); jerr != nil {
		t.Fatalf("vnu: %v; %v\n%s", err, jerr, out.String())
	}
	abs, _ := filepath.Abs(dir)
	var errs []string
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file := strings.TrimPrefix(strings.TrimPrefix(m.URL, "file:"), abs+"/")
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s (%q)", file, m.LastLine, m.FirstColumn, m.Message, m.Extract))
	}
	return errs
}

func TestHTMLValid(t *testing.T) {
	t.Parallel() // Java and the browser tests use different cores.
	errs := vnu(t, siteDir)
	for _, e := range errs {
		t.Error(e)
	}
	t.Logf("Nu Html Checker: %d HTML files, %d error(s)", countHTML(t, siteDir), len(errs))
}

// TestHTMLValidFindsPlantedErrors makes sure the gate bites.
func TestHTMLValidFindsPlantedErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := "<!DOCTYPE html><html lang=en><head><meta charset=utf-8></head>\n<body><div><li>item outside a list</li></div></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "bad.html"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(vnu(t, dir), "\n")
	for _, want := range []string{"bad.html:1:", `Element “head” is missing a required instance of child element “title”`, "bad.html:2:", `Element “li” not allowed as child of element “div”`} {
		if !strings.Contains(got, want) {
			t.Errorf("vnu missed a planted error: want %q in\n%s", want, got)
		}
	}
}

func countHTML(t *testing.T, dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			n++
		}
		return err
	})
	return n
}

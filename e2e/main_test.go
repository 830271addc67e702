//go:build e2e

// Package e2e holds the browser tests: the sample site is built with the
// builder library, served on 127.0.0.1, and read by a headless Chromium the
// way a reader would, with axe-core, the Nu Html Checker and linkcheck as
// quality gates. Run them with `make e2e` (tools: `make e2e-setup`).
package e2e

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/site"
)

// Set by TestMain for every test.
var (
	repoRoot string // the repository, where site.yaml and node_modules are
	siteDir  string // the built sample site
	baseURL  string // the site's configured base URL, for linkcheck
	server   string // where the test server serves siteDir, without a trailing slash
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	repoRoot = filepath.Dir(wd) // go test runs in e2e/
	// Screenshots of an earlier run would pass for failures of this one.
	os.RemoveAll(screenshotDir())
	tmp, err := os.MkdirTemp("", "dissem-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)

	siteDir = filepath.Join(tmp, "public")
	res, err := site.Build(site.Options{Source: repoRoot, Dest: siteDir, CacheDir: filepath.Join(tmp, "cache")})
	if err == nil {
		err = res.Diags.Err()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the sample site:", err)
		return 1
	}
	fmt.Printf("e2e: %s into %s\n", res.Summary(), siteDir)
	cfg, d := config.Load(filepath.Join(repoRoot, "site.yaml"))
	if cfg == nil {
		fmt.Fprintln(os.Stderr, "e2e:", d)
		return 1
	}
	baseURL = cfg.BaseURL

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	srv := &http.Server{Handler: siteHandler(siteDir)}
	go srv.Serve(ln)
	defer srv.Close()
	server = "http://" + ln.Addr().String()

	defer stopBrowser()
	return m.Run()
}

// siteHandler serves dir like a static host: folders by their index.html,
// and the site's 404.html with status 404 for anything missing.
func siteHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			p = filepath.Join(p, "index.html")
		}
		if _, err := os.Stat(p); err != nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// need skips the test when a tool is missing, or fails it in CI, where a
// skipped quality gate would pass silently.
func need(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	msg := what + " is missing: run `make e2e-setup` (scripts/e2e-setup.sh installs it)"
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// exists reports whether a file is there.
func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// hasCommand reports whether a program is installed.
func hasCommand(name string) bool {
	_, err := exec.LookPath(name)
	return err == nil
}

//go:build unix

package main

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/output"
)

// TestMain lets the kill test re-run this binary as a dissem process it can
// SIGKILL: with DISSEM_KILL_HELPER set, the binary is dissem itself, stopping
// at the publishing step DISSEM_KILL_AT and writing no file larger than
// DISSEM_FILE_LIMIT bytes when these are set.
func TestMain(m *testing.M) {
	if os.Getenv("DISSEM_KILL_HELPER") == "" {
		os.Exit(m.Run())
	}
	if n, err := strconv.ParseUint(os.Getenv("DISSEM_FILE_LIMIT"), 10, 64); err == nil {
		// Files past n bytes fail to write ("file too large"): a full disk.
		syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: n, Max: n})
	}
	if at := os.Getenv("DISSEM_KILL_AT"); at != "" {
		// Stop between two steps of publishing and say so; the test kills us there.
		output.PublishStep = func(step string) {
			if step == at {
				fmt.Println("at " + step)
				time.Sleep(time.Hour)
			}
		}
	}
	os.Exit(run(os.Args[1:], io.Discard, os.Stderr))
}

// killRun is one build of the kill test.
type killRun struct {
	src, dest string
	briefs    bool
}

func (k killRun) command(at string) *exec.Cmd {
	args := []string{"build", "--source", k.src, "--dest", k.dest, "--quiet"}
	if !k.briefs {
		args = append(args, "--no-briefs")
	}
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DISSEM_KILL_HELPER=1", "DISSEM_KILL_AT="+at)
	return cmd
}

// TestKill stops builds with SIGKILL at random moments over the whole build
// and exactly between the steps of publishing. After every kill the output
// folder must hold a complete site, every file identical to the previous
// build's or to the new one's (an uninterrupted build of the same content is
// the reference: output is deterministic), a static file server must serve
// it, and the next build must leave nothing beside the output.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("kills about fifty builds")
	}
	seed := uint64(20261129)
	if s := os.Getenv("DISSEM_KILL_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 9))
	dir := t.TempDir()
	k := killRun{src: filepath.Join(dir, "site"), dest: filepath.Join(dir, "out", "public")}
	copyDir(t, "../../builder/site/testdata/site", k.src)

	// The first, complete build, timed with and without briefs: kills are
	// spread over that time and a little past it (into the commit and after).
	var took [2]time.Duration
	for i, briefs := range []bool{true, false} {
		k.briefs = briefs
		start := time.Now()
		if out, err := k.command("").CombinedOutput(); err != nil {
			t.Fatalf("first build: %v\n%s", err, out)
		}
		took[i] = time.Since(start)
	}
	t.Logf("seed %d; a build takes %v with briefs, %v without", seed, took[0], took[1])
	prev := snapshot(t, k.dest)

	kills, completed, gen := 0, 0, 0
	keptOld, gotNew, leftovers := 0, 0, 0
	for kills < 44 && gen < 240 {
		gen++
		changeContent(t, k.src, gen)
		k.briefs = gen%10 == 0
		d := took[1]
		if k.briefs {
			d = took[0]
		}
		cmd := k.command("")
		started := time.Now()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(d) * 6 / 5)))
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else if err != nil {
			t.Fatalf("generation %d: build failed: %v", gen, err)
		} else {
			completed++
			// The machine got faster than the first build (its load
			// varies): spread later kills over the time builds take now.
			if i := map[bool]int{true: 0, false: 1}[k.briefs]; time.Since(started) < took[i] {
				took[i] = time.Since(started)
			}
		}
		var isNew bool
		var left int
		prev, isNew, left = checkAfterKill(t, k, fmt.Sprintf("generation %d", gen), prev, "")
		if isNew {
			gotNew++
		} else {
			keptOld++
		}
		if left > 0 {
			leftovers++
		}
	}
	if kills < 40 {
		t.Fatalf("only %d builds were killed (%d completed)", kills, completed)
	}

	t.Logf("random kills: %d left the previous site, %d the new one; %d left temporary folders", keptOld, gotNew, leftovers)

	// Deterministic kills between the steps of publishing. "moved-old" (the
	// output folder missing between two renames) exists only where the
	// system cannot exchange two folders in one step; on Linux the build
	// passes it by and completes.
	for _, at := range []string{"stamped", "moved-old", "swapped", "stamped", "swapped"} {
		gen++
		changeContent(t, k.src, gen)
		k.briefs = false
		cmd := k.command(at)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		switch {
		case line == "at "+at+"\n":
			_ = cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			kills++
		case line == "" && at == "moved-old" && runtime.GOOS == "linux":
			if err := cmd.Wait(); err != nil {
				t.Fatalf("the build failed: %v", err)
			}
			at = "" // published in one step: no such moment to kill in
		default:
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the build did not stop at %s: %q", at, line)
		}
		prev, _, _ = checkAfterKill(t, k, "killed after "+at, prev, at)
	}
	t.Logf("%d kills survived, %d builds completed before their kill", kills, completed)
}

// checkAfterKill checks the output left by a killed build, builds the same
// content to completion and returns that site, whether the killed build had
// published it, and how many folders the kill left beside the output. at is
// the publishing step the build was killed after, if known: "stamped" must
// leave the old site, "swapped" the new one.
func checkAfterKill(t *testing.T, k killRun, what string, prev map[string]string, at string) (next map[string]string, isNew bool, left int) {
	t.Helper()
	got := snapshot(t, k.dest)
	left = len(ls(t, filepath.Dir(k.dest))) - 1
	served := serveAll(t, k.dest, got)
	// The reference: the same content and flags, built to the end.
	if out, err := k.command("").CombinedOutput(); err != nil {
		t.Fatalf("%s: the build after the kill failed: %v\n%s", what, err, out)
	}
	next = snapshot(t, k.dest)
	if maps.Equal(prev, next) {
		t.Fatalf("%s: the content change did not change the site", what)
	}
	switch {
	case maps.Equal(got, prev) && at != "swapped":
	case maps.Equal(got, next) && at != "stamped":
	default:
		t.Fatalf("%s: the output is neither the previous site nor the new one:\n%s", what, diffSites(prev, next, got))
	}
	if served != len(got) {
		t.Fatalf("%s: served %d of %d files", what, served, len(got))
	}
	if names := ls(t, filepath.Dir(k.dest)); !slices.Equal(names, []string{"public"}) {
		t.Fatalf("%s: the next build left %v beside the output", what, names)
	}
	return next, maps.Equal(got, next), left
}

// changeContent makes generation gen of the site: a news item whose title
// and text change every time (lists, feeds, sitemap and search change with
// it) and, every third generation, a page that exists only then.
func changeContent(t *testing.T, src string, gen int) {
	t.Helper()
	doc := fmt.Sprintf("---\ntitle: \"Generation %d\"\nsummary: \"Build number %d.\"\ndate: 2024-06-%02d\n---\nThis is generation %d.\n", gen, gen, 1+gen%28, gen)
	if err := os.WriteFile(filepath.Join(src, "content", "news", "generation.en.md"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	extra := filepath.Join(src, "content", "news", "sometimes.en.md")
	if gen%3 == 0 {
		os.WriteFile(extra, []byte("---\ntitle: \"Sometimes\"\nsummary: \"S.\"\ndate: 2024-05-01\n---\nNow and then.\n"), 0o644)
	} else {
		os.Remove(extra)
	}
}

// snapshot maps every file of a published site to its hash; a missing
// site fails the test.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = fmt.Sprintf("%x", sha256.Sum256(data))
		return nil
	})
	if err != nil {
		t.Fatalf("the site is not readable: %v", err)
	}
	if files["index.html"] == "" || files[output.StampName] == "" {
		t.Fatalf("the site is incomplete: %d files, no index.html or stamp", len(files))
	}
	return files
}

// serveAll asks a static file server for every file of the site, as a host
// publishing the folder would, and counts the answers that match.
func serveAll(t *testing.T, dir string, files map[string]string) int {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ok := 0
	for name, sum := range files {
		resp, err := http.Get(srv.URL + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		// …/index.html is redirected to …/, which the client follows.
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK && fmt.Sprintf("%x", sha256.Sum256(body)) == sum {
			ok++
		}
	}
	return ok
}

// diffSites says which files of got match neither prev nor next.
func diffSites(prev, next, got map[string]string) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(got)) {
		switch got[name] {
		case prev[name]:
			fmt.Fprintf(&b, "  %s: previous\n", name)
		case next[name]:
			fmt.Fprintf(&b, "  %s: new\n", name)
		default:
			fmt.Fprintf(&b, "  %s: neither\n", name)
		}
	}
	fmt.Fprintf(&b, "  (%d files; previous site %d, new site %d)", len(got), len(prev), len(next))
	return b.String()
}

func ls(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

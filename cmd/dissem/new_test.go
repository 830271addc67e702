package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/schema"
	"github.com/4im-project/dissem/builder/site"
)

// newSite copies the bad-input base site: three languages, briefs off.
func newSite(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	copyDir(t, "../../builder/site/testdata/bad/_base", dir)
	return dir
}

func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// What dissem new writes builds, for every type and every language, with
// drafts hidden and shown; a second run refuses to overwrite.
func TestNewBuilds(t *testing.T) {
	dir := newSite(t)
	for _, typ := range schema.Types {
		code, _, stderr := runCmd(t, "new", "--source", dir, "--lang", "hu,en,sk", typ, "Miskolc a MI helyünk "+typ)
		if code != 0 {
			t.Fatalf("new %s: exit %d: %s", typ, code, stderr)
		}
	}
	for _, drafts := range []bool{false, true} {
		res, err := site.Build(site.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public"), Drafts: drafts, CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		if res.Diags.HasErrors() {
			t.Fatalf("drafts %v: the new documents break the build:\n%s", drafts, res.Diags)
		}
	}
	// The first language named is the source; the others are marked.
	hu, _ := os.ReadFile(filepath.Join(dir, "content/guides/miskolc-a-mi-helyunk-guide.hu.md"))
	en, _ := os.ReadFile(filepath.Join(dir, "content/guides/miskolc-a-mi-helyunk-guide.en.md"))
	if strings.Contains(string(hu), "[translate]") || !strings.Contains(string(en), `title: "[translate] Miskolc a MI helyünk guide"`) || !strings.Contains(string(en), "translated_from:") {
		t.Errorf("hu:\n%s\nen:\n%s", hu, en)
	}
	if code, _, stderr := runCmd(t, "new", "--source", dir, "--lang", "sk", "guide", "Miskolc a MI helyünk guide"); code != 2 || !strings.Contains(stderr, "exists already") {
		t.Errorf("overwrite: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "new", "--source", dir, "--lang", "de", "guide", "x"); code != 2 || !strings.Contains(stderr, `language "de"`) {
		t.Errorf("unknown language: exit %d, %s", code, stderr)
	}
}

// With no --lang only the default language is written; sections: decides
// the folder.
func TestNewDefaultLanguageAndSections(t *testing.T) {
	dir := newSite(t)
	cfg, _ := os.ReadFile(filepath.Join(dir, "site.yaml"))
	cfg = append(cfg, "sections: {stories: case-study}\n"...)
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runCmd(t, "new", "--source", dir, "case-study", "tetemvar"); code != 0 {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "*", "tetemvar*"))
	if len(matches) != 1 || !strings.HasSuffix(matches[0], filepath.Join("stories", "tetemvar.en.md")) {
		t.Errorf("wrote %v, want only content/stories/tetemvar.en.md", matches)
	}
}

// dissem new --translate and dissem status: a translation starts current,
// turns stale when the source changes, and --mark makes it current again.
func TestTranslateAndStatus(t *testing.T) {
	dir := newSite(t)
	src := filepath.Join(dir, "content/guides/survey.en.md")
	if code, _, stderr := runCmd(t, "new", "--source", dir, "--translate", src, "--lang", "hu"); code != 0 {
		t.Fatalf("translate: exit %d: %s", code, stderr)
	}
	status := func() string {
		code, out, stderr := runCmd(t, "status", "--source", dir)
		if code != 0 {
			t.Fatalf("status: exit %d: %s", code, stderr)
		}
		return out
	}
	hu := filepath.Join(dir, "content/guides/survey.hu.md")
	if out := status(); !strings.Contains(out, "guides/survey  source  draft") {
		t.Errorf("after translate:\n%s", out)
	}
	// The translator finishes: no longer a draft.
	data, _ := os.ReadFile(hu)
	data = bytes.Replace(data, []byte("draft: true"), []byte("draft: false"), 1)
	os.WriteFile(hu, data, 0o644)
	if out := status(); !strings.Contains(out, "guides/survey  source  current  missing") {
		t.Errorf("after translating:\n%s", out)
	}
	// The source changes: stale.
	data, _ = os.ReadFile(src)
	os.WriteFile(src, append(data, "A new paragraph.\n"...), 0o644)
	if out := status(); !strings.Contains(out, "guides/survey  source  stale    missing") {
		t.Errorf("after the source changed:\n%s", out)
	}
	if code, _, _ := runCmd(t, "status", "--source", dir, "--strict"); code != 1 {
		t.Errorf("--strict with a stale translation: exit %d, want 1", code)
	}
	if code, out, stderr := runCmd(t, "status", "--source", dir, "--mark", hu); code != 0 {
		t.Fatalf("mark: exit %d: %s %s", code, out, stderr)
	}
	if out := status(); !strings.Contains(out, "guides/survey  source  current  missing") {
		t.Errorf("after --mark:\n%s", out)
	}
	code, out, _ := runCmd(t, "status", "--source", dir, "--format", "json")
	if code != 0 || !strings.Contains(out, `"state": "current"`) || !strings.Contains(out, `"state": "missing"`) {
		t.Errorf("json: exit %d:\n%s", code, out)
	}
	if code, _, _ := runCmd(t, "status", "--source", dir, "--mark", src); code != 2 {
		t.Errorf("marking the source: exit %d, want 2", code)
	}
}

// Editors write the flags after the names, as the issue's own example does
// (dissem new guide x --lang hu): Go's flag package alone stops at the
// first name and took "--lang" for a third argument.
func TestNewFlagsAfterNames(t *testing.T) {
	dir := newSite(t)
	// The preview leaves a draft with empty required fields out: the
	// editor is told, rather than left to look for the page.
	if code, out, _ := runCmd(t, "new", "guide", "v", "--source", dir); code != 0 || !strings.Contains(out, "dissem serve shows the draft once they are filled") {
		t.Errorf("exit %d, no word on when the preview shows the draft:\n%s", code, out)
	}
	for _, args := range [][]string{
		{"new", "guide", "x", "--lang", "hu", "--source", dir},
		{"new", "--source", dir, "news", "--lang=sk,en", "y"},
		{"new", "--source", dir, "case-study", "z", "--lang", "hu"},
	} {
		if code, out, stderr := runCmd(t, args...); code != 0 {
			t.Errorf("%q: exit %d: %s%s", args, code, out, stderr)
		}
	}
	for _, want := range []string{"guides/x.hu.md", "news/y.sk.md", "news/y.en.md", "case-studies/z.hu.md"} {
		if _, err := os.Stat(filepath.Join(dir, "content", want)); err != nil {
			t.Errorf("not written: %v", err)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "content", "guides", "x.*")); len(matches) != 1 {
		t.Errorf("dissem new guide x --lang hu wrote %v, want only x.hu.md", matches)
	}
	res, err := site.Build(site.Options{Source: dir, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("the new documents do not build:\n%s", res.Diags)
	}
	// "--" still ends the flags: a name may start with a dash.
	if code, _, stderr := runCmd(t, "new", "--source", dir, "guide", "--", "-dashed"); code != 0 {
		t.Errorf("a name after --: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "new", "--source", dir, "guide", "w", "--colour", "red"); code != 2 || !strings.Contains(stderr, "colour") {
		t.Errorf("an unknown flag after the names: exit %d: %s", code, stderr)
	}
}

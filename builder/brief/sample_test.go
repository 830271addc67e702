package brief_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/4im-project/dissem/builder/brief"
	"github.com/4im-project/dissem/builder/site"
)

// This file builds the sample site (content/, site.yaml) with its briefs
// and reads the PDFs and kits the way a reader gets them: through
// pdftotext, pdftoppm and unzip's view of the archive.

// screenshots is where TestSampleBriefs writes pictures of brief pages to
// look at (git ignores it).
const screenshots = "../../e2e/screenshots/briefs"

// need finds a command-line tool; without it the test is skipped, unless
// CI is set (scripts/test-setup.sh installs poppler-utils).
func need(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed (Debian: poppler-utils); set CI=true to make this an error", name)
		}
		t.Fatalf("%s not installed but CI is set", name)
	}
	return p
}

func pdfText(t *testing.T, path string, args ...string) string {
	t.Helper()
	out, err := exec.Command(need(t, "pdftotext"), append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

var spaces = regexp.MustCompile(`\s+`)

// flat joins a PDF's text into one line, undoing hyphenation at line ends
// and reading no-break spaces as spaces.
func flat(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return spaces.ReplaceAllString(strings.ReplaceAll(s, "-\n", ""), " ")
}

// TestSampleBriefs builds the sample site once and checks its briefs.
func TestSampleBriefs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole sample site")
	}
	need(t, "pdftotext")
	tmp := t.TempDir()
	dest := filepath.Join(tmp, "public")
	_, err := site.Build(site.Options{Source: "../..", Dest: dest, NoSearch: true,
		CacheDir: filepath.Join(tmp, "cache"), Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	pdfs, _ := filepath.Glob(filepath.Join(dest, "*", "*", "*", "*.pdf"))
	if len(pdfs) < 20 {
		t.Fatalf("only %d PDFs built", len(pdfs))
	}
	t.Run("structured content", func(t *testing.T) { structuredContent(t, dest) })
	t.Run("no near-empty page", func(t *testing.T) { noShortPages(t, pdfs) })
	t.Run("no one-letter word ends a line", func(t *testing.T) { noOneLetterLineEnds(t, pdfs) })
	t.Run("kit", func(t *testing.T) { kitLayout(t, dest) })
	// media_sample_test.go
	t.Run("video and gallery", func(t *testing.T) { mediaBriefs(t, dest) })
	t.Run("tagged", func(t *testing.T) { // tag_test.go
		for _, p := range pdfs {
			brief.CheckTagged(t, p)
		}
	})
	t.Run("structure as poppler reads it", func(t *testing.T) { // structtext_test.go
		vocab := brief.Vocabulary(t, "../../content", "../../templates/i18n", "../../site.yaml")
		for _, p := range pdfs {
			rel, _ := filepath.Rel(dest, p)
			t.Run(filepath.Base(p), func(t *testing.T) {
				t.Parallel() // pdfinfo -struct-text takes seconds on a bundle
				brief.CheckStructText(t, p, strings.SplitN(filepath.ToSlash(rel), "/", 2)[0], vocab)
			})
		}
	})
	t.Run("screenshots", func(t *testing.T) { writeScreenshots(t, dest) })
}

// structuredContent: each brief type shows its structured content, with
// the labels of its language, near the start (the cover and the page
// after it).
func structuredContent(t *testing.T, dest string) {
	tests := []struct {
		pdf  string
		want []string
	}{
		{"hu/policy-papers/integrated-support-model/integrated-support-model-hu.pdf", []string{
			"Fő ajánlások", "A pénzbeli ellátásokat, a személyre szabott szociális szolgáltatásokat",
			"A továbbadhatóságot már a tervezéskor be kell építeni"}},
		{"en/policy-papers/integrated-support-model/integrated-support-model-en.pdf", []string{"Key recommendations"}},
		{"sk/case-studies/tetemvar/tetemvar-sk.pdf", []string{
			"Základné údaje", "Obdobie", "30. novembra 2021 – 31. mája 2024", "Miskolc, Maďarsko",
			"Kontaktné miesto so stálym personálom", "Pracovníci kontaktného miesta Tetemvár"}},
		{"en/guides/household-survey/household-survey-en.pdf", []string{
			"Key facts", "Audience", "Municipal social departments, researchers and NGOs", "Steps"}},
		{"en/events/transnational-exchange/transnational-exchange-en.pdf", []string{
			"Key facts", "20 October 2022", "Miskolc, Hungary", "Participants 32", "HÁRFA Foundation, AEIDL"}},
	}
	for _, tt := range tests {
		text := flat(pdfText(t, filepath.Join(dest, tt.pdf), "-l", "2"))
		for _, w := range tt.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the first two pages lack %q:\n%s", tt.pdf, w, text)
			}
		}
	}
}

// noShortPages: no page but the last holds fewer than five lines of text
// (the running head and the page number not counted).
func noShortPages(t *testing.T, pdfs []string) {
	for _, p := range pdfs {
		pages := strings.Split(strings.TrimRight(pdfText(t, p), "\f"), "\f")
		for i, pg := range pages[:len(pages)-1] {
			n := 0
			for _, line := range strings.Split(pg, "\n") {
				if strings.TrimSpace(line) != "" {
					n++
				}
			}
			if i > 0 {
				n -= 2
			}
			if n < 5 {
				t.Errorf("%s: page %d of %d holds %d lines:\n%s", p, i+1, len(pages), n, pg)
			}
		}
	}
}

// noOneLetterLineEnds: in the Slovak and Hungarian briefs, no line ends
// with a word the language keeps with the next (i18n no_break_after).
func noOneLetterLineEnds(t *testing.T, pdfs []string) {
	words := map[string][]string{"sk": {"v", "k", "s", "z", "o", "u", "a", "i"}, "hu": {"a", "az"}}
	for _, p := range pdfs {
		lang := strings.Split(filepath.ToSlash(p), "/")
		ws := words[lang[len(lang)-4]]
		if ws == nil {
			continue
		}
		for _, line := range strings.Split(pdfText(t, p), "\n") {
			f := strings.Fields(strings.ReplaceAll(line, "\u00a0", " "))
			if len(f) < 2 {
				continue
			}
			for _, w := range ws {
				if f[len(f)-1] == w || f[len(f)-1] == strings.ToUpper(w[:1])+w[1:] {
					t.Errorf("%s: a line ends with %q: %s", filepath.Base(p), w, line)
				}
			}
		}
	}
}

// kitLayout: each kit unpacks into one folder named after the archive,
// its CSV files start with a UTF-8 byte-order mark, and its README names
// every other file.
func kitLayout(t *testing.T, dest string) {
	kits, _ := filepath.Glob(filepath.Join(dest, "*", "toolkits", "*", "*-kit.zip"))
	if len(kits) == 0 {
		t.Fatal("no kits built")
	}
	for _, k := range kits {
		data, err := os.ReadFile(k)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		root := strings.TrimSuffix(filepath.Base(k), ".zip") + "/"
		files := map[string][]byte{}
		csv := 0
		for _, f := range zr.File {
			name, ok := strings.CutPrefix(f.Name, root)
			if !ok {
				t.Errorf("%s: %s is outside the folder %s", filepath.Base(k), f.Name, root)
			}
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			files[name] = b
			if strings.HasSuffix(strings.ToLower(name), ".csv") {
				csv++
				if !bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")) || bytes.HasPrefix(b[3:], []byte("\xEF\xBB\xBF")) {
					t.Errorf("%s: %s does not start with one UTF-8 byte-order mark", filepath.Base(k), name)
				}
			}
		}
		if csv == 0 {
			t.Errorf("%s: no CSV attachment to check", filepath.Base(k))
		}
		readme, ok := files["README.txt"]
		if !ok {
			t.Fatalf("%s: no README.txt", filepath.Base(k))
		}
		for name := range files {
			if name != "README.txt" && !bytes.Contains(readme, []byte(name)) {
				t.Errorf("%s: README.txt does not name %s:\n%s", filepath.Base(k), name, readme)
			}
		}
	}
}

// writeScreenshots renders a Hungarian policy brief's first two pages and
// a Slovak case study's cover as PNGs to look at.
func writeScreenshots(t *testing.T, dest string) {
	ppm := need(t, "pdftoppm")
	if err := os.MkdirAll(screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct{ pdf, out, last string }{
		{"hu/policy-papers/integrated-support-model/integrated-support-model-hu.pdf", "hu-policy-brief", "2"},
		{"sk/case-studies/tetemvar/tetemvar-sk.pdf", "sk-case-study", "1"},
		{"en/toolkits/replication/replication-en.pdf", "en-bundle", "3"},
	} {
		out, err := exec.Command(ppm, "-r", "80", "-png", "-f", "1", "-l", s.last,
			filepath.Join(dest, s.pdf), filepath.Join(screenshots, s.out)).CombinedOutput()
		if err != nil {
			t.Fatalf("pdftoppm %s: %v\n%s", s.pdf, err, out)
		}
	}
}

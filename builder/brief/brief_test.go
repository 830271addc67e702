package brief

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

// tool finds a command-line tool; without it the test is skipped, unless
// CI is set, where every tool must be installed.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("%s not installed (Debian: poppler-utils, qpdf); set CI=true to make this an error", name)
		}
		t.Fatalf("%s not installed but CI is set: install poppler-utils and qpdf", name)
	}
	return p
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

// render writes the brief of a fixture to a temporary file.
func render(t *testing.T, f fixture) (string, Result) {
	t.Helper()
	r, err := engine(t).Brief(loadDoc(t, f))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), f.lang+".pdf")
	if err := os.WriteFile(path, r.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, r
}

var space = regexp.MustCompile(`\s+`)

// flatten joins lines, undoing hyphenation at line ends, so phrases can be
// found whatever the line breaks.
func flatten(s string) (plain, dehyphenated string) {
	return space.ReplaceAllString(s, " "), space.ReplaceAllString(strings.ReplaceAll(s, "-\n", ""), " ")
}

func TestBriefText(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.lang, func(t *testing.T) {
			path, _ := render(t, f)
			plain, dehy := flatten(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
			for _, want := range []string{f.title, f.phrase} {
				if !strings.Contains(plain, want) && !strings.Contains(dehy, want) {
					t.Errorf("text lacks %q:\n%s", want, plain)
				}
			}
		})
	}
}

func TestBriefFontsEmbedded(t *testing.T) {
	for _, f := range fixtures {
		path, _ := render(t, f)
		lines := strings.Split(strings.TrimSpace(run(t, "pdffonts", path)), "\n")
		if len(lines) < 3 {
			t.Fatalf("%s: no fonts listed:\n%s", f.lang, strings.Join(lines, "\n"))
		}
		for _, line := range lines[2:] {
			fields := strings.Fields(line)
			// name type... encoding emb sub uni object ID: emb is 5th from the end.
			if len(fields) < 7 || fields[len(fields)-5] != "yes" {
				t.Errorf("%s: font not embedded: %s", f.lang, line)
			}
		}
	}
}

func TestBriefQPDFCheck(t *testing.T) {
	for _, f := range fixtures {
		path, _ := render(t, f)
		run(t, "qpdf", "--check", path) // fails on a non-zero exit
	}
}

func TestBriefInfo(t *testing.T) {
	for _, f := range fixtures {
		path, r := render(t, f)
		info := run(t, "pdfinfo", path)
		if !strings.Contains(info, "Title:") || !strings.Contains(info, f.title) {
			t.Errorf("%s: pdfinfo lacks title:\n%s", f.lang, info)
		}
		if want := fmt.Sprintf("Pages: %d", r.Pages); !strings.Contains(space.ReplaceAllString(info, " "), want) {
			t.Errorf("%s: pdfinfo lacks %q:\n%s", f.lang, want, info)
		}
		if !bytes.Contains(r.PDF, []byte("/Lang ("+f.lang+")")) {
			t.Errorf("%s: no /Lang in catalog", f.lang)
		}
		if !bytes.Contains(r.PDF, []byte("/DisplayDocTitle true")) {
			t.Errorf("%s: no DisplayDocTitle", f.lang)
		}
	}
}

func TestBriefDeterministic(t *testing.T) {
	for _, f := range fixtures {
		a, err := engine(t).Brief(loadDoc(t, f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := engine(t).Brief(loadDoc(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.PDF, b.PDF) {
			t.Errorf("%s: two builds differ", f.lang)
		}
	}
}

func TestBriefConcurrent(t *testing.T) {
	e := engine(t)
	want, _ := e.Brief(loadDoc(t, fixtures[0]))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			r, err := e.Brief(loadDoc(t, fixtures[0]))
			if err == nil && !bytes.Equal(r.PDF, want.PDF) {
				err = fmt.Errorf("concurrent build differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// testBundle is a toolkit of the three fixtures, the Hungarian one its introduction.
func testBundle(t testing.TB) *Bundle {
	var guides []*Document
	for _, f := range fixtures[1:] {
		guides = append(guides, loadDoc(t, f))
	}
	intro := loadDoc(t, fixtures[0])
	return &Bundle{Meta: Meta{Lang: "en", Title: "Desegregation toolkit", TypeLabel: "Toolkit",
		SiteTitle: "4IM Project", Summary: "Guides for cities.", Date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		URL: "https://example.eu/en/toolkits/desegregation/", Funding: "Funded by the EU.", Licence: "CC BY 4.0"},
		Intro: intro, Guides: guides}
}

func TestBundleOutline(t *testing.T) {
	r, err := engine(t).Bundle(testBundle(t))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := engine(t).Bundle(testBundle(t))
	if !bytes.Equal(r.PDF, again.PDF) {
		t.Error("two bundle builds differ")
	}
	path := filepath.Join(t.TempDir(), "bundle.pdf")
	if err := os.WriteFile(path, r.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", path)
	var j struct {
		Outlines []outline `json:"outlines"`
	}
	if err := json.Unmarshal([]byte(run(t, "qpdf", "--json", "--json-key=outlines", path)), &j); err != nil {
		t.Fatal(err)
	}
	if len(j.Outlines) != 1 || j.Outlines[0].Title != "Desegregation toolkit" {
		t.Fatalf("want one toolkit root bookmark, got %+v", j.Outlines)
	}
	var got []string
	for _, k := range j.Outlines[0].Kids {
		got = append(got, k.Title)
	}
	want := []string{"Contents", fixtures[0].title, fixtures[1].title, fixtures[2].title}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("guide bookmarks: got %q, want %q", got, want)
	}
	// Guide → heading: the English guide's headings sit under it.
	var heads []string
	for _, k := range j.Outlines[0].Kids[3].Kids {
		heads = append(heads, k.Title)
	}
	if strings.Join(heads, "|") != "Background|Indicators over time|Conclusions" {
		t.Errorf("headings of the English guide: %q", heads)
	}
	plain, _ := flatten(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if !strings.Contains(plain, "Contents") {
		t.Error("no table of contents")
	}
}

type outline struct {
	Title string    `json:"title"`
	Kids  []outline `json:"kids"`
}

// TestPageBreaks records which rows land on which page for the fixture
// with a long table: headers repeated, headings kept with their text.
func TestPageBreaks(t *testing.T) {
	pages, _, _ := engine(t).briefPages(loadDoc(t, fixtures[2]))
	var b strings.Builder
	for i, pg := range pages {
		fmt.Fprintf(&b, "== page %d\n", i+1)
		for _, pl := range pg {
			fmt.Fprintf(&b, "%6.1f %s\n", pl.y, pl.r.desc)
		}
	}
	golden := filepath.Join("testdata", "en.pages.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("page breaks differ from %s (run with -update to accept):\n%s", golden, b.String())
	}
}

// BenchmarkBrief reports the CPU time per brief (user + system, of all
// threads: the garbage collector's work included) besides the wall time,
// which on a shared machine says more about the neighbours. As a build
// does, it runs with GCHeadroom.
func BenchmarkBrief(b *testing.B) {
	e := engine(b)
	docs := make([]*Document, len(fixtures))
	for i, f := range fixtures {
		docs[i] = loadDoc(b, f)
	}
	defer GCHeadroom()()
	b.ResetTimer()
	cpu0 := cpuTime()
	i := 0
	for b.Loop() {
		if _, err := e.Brief(docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(i), "cpu-ms/brief")
}

// cpuTime is the CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkBundle(b *testing.B) {
	e := engine(b)
	bu := testBundle(b)
	for b.Loop() {
		if _, err := e.Bundle(bu); err != nil {
			b.Fatal(err)
		}
	}
}

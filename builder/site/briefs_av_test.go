package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/4im-project/dissem/builder/brief"
)

// TestBriefKeyTranscript: a guide's brief prints its video's transcript,
// read from a file beside it (builder/av), so editing that file changes
// the brief's cache key and the brief is made again; the same file gives
// the same key.
func TestBriefKeyTranscript(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/bad/av-ok.txtar")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "site")
	if err := os.CopyFS(src, os.DirFS("testdata/bad/_base")); err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if err := os.WriteFile(filepath.Join(src, filepath.FromSlash(f.Name)), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := filepath.Join(src, "content", "guides", "survey.en.md")
	md, _ := os.ReadFile(doc)
	const inline = "  transcript: |\n    First paragraph.\n\n    Second paragraph.\n"
	text := strings.Replace(string(md), inline, "  transcript: clip.txt\n", 1)
	text = strings.Replace(text, "---\n", "---\nbrief: true\n", 1)
	if !strings.Contains(text, "clip.txt") {
		t.Fatal("av-ok.txtar's transcript is no longer as this test expects")
	}
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	key := func(transcript string) string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(src, "content", "guides", "clip.txt"), []byte(transcript), 0o644); err != nil {
			t.Fatal(err)
		}
		o := Options{Source: src, Now: fixedNow}
		o.defaults()
		l, diags := load(&o, nil, nil)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		s, err := l.briefSource(nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.site.Docs {
			if p.Lang == "en" && p.Slug == "survey" {
				d, _, err := s.Document(p)
				if err != nil {
					t.Fatal(err)
				}
				if d.Video == nil || len(d.Video.Transcript) != 2 || d.Video.Transcript[0] != "Narrator: hello." {
					t.Fatalf("the brief's video: %+v", d.Video)
				}
				k, err := s.Key(brief.Planned{Kind: brief.KindBrief, Page: p})
				if err != nil {
					t.Fatal(err)
				}
				return k
			}
		}
		t.Fatal("no survey guide")
		return ""
	}
	a := key("Narrator: hello.\n\nOn screen: a blue square.\n")
	if b := key("Narrator: hello.\n\nOn screen: a blue square.\n"); b != a {
		t.Error("the same transcript gives another key")
	}
	if c := key("Narrator: hello.\n\nOn screen: a red square.\n"); c == a {
		t.Error("the transcript changed, the brief's key did not")
	}
}

package status

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/content"
)

func doc(fm, body string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte("---\n" + fm + "\n---\n" + body)}
}

// A fixture with every state: the source, a current translation, a stale
// one, an unmarked one, a draft, and missing languages.
func TestCompute(t *testing.T) {
	guide := "summary: \"s\"\ndate: 2024-05-31\naudience: \"a\"\n"
	srcBody := "The method, as it is now.\n"
	fsys := fstest.MapFS{
		"guides/survey.en.md":   doc("title: \"Survey\"\n"+guide, srcBody),
		"guides/survey.hu.md":   doc("title: \"Felmérés\"\n"+guide+"translated_from: \""+Hash([]byte(srcBody))+"\"", "A módszer."),
		"guides/survey.sk.md":   doc("title: \"Prieskum\"\n"+guide+"translated_from: \""+Hash([]byte("The method, as it was.\n"))+"\"", "Metóda."),
		"guides/coaching.en.md": doc("title: \"Coaching\"\n"+guide, "Body."),
		"guides/coaching.hu.md": doc("title: \"Coaching\"\n"+guide+"draft: true", "Törzs."),
		"news/only-hu.hu.md":    doc("title: \"Hír\"\nsummary: \"s\"\ndate: 2024-05-31", "Csak magyarul."),
		"about.en.md":           doc("title: \"About\"\nsummary: \"s\"\ndate: 2024-05-31", "About."),
		"about.hu.md":           doc("title: \"Rólunk\"\nsummary: \"s\"\ndate: 2024-05-31", "Rólunk."),
	}
	docs, d := Load(fsys, content.Options{Prefix: "content", Languages: []string{"en", "hu", "sk"}, Default: "en"}, nil)
	if d.HasErrors() {
		t.Fatal(d)
	}
	rep := Compute(docs, []string{"en", "hu", "sk"}, "en")
	want := map[string]string{
		"about":           "source unmarked missing",
		"guides/coaching": "source draft missing",
		"guides/survey":   "source current stale",
		"news/only-hu":    "missing source missing",
	}
	if len(rep.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rep.Rows), len(want))
	}
	for _, row := range rep.Rows {
		got := string(row.Langs["en"].State) + " " + string(row.Langs["hu"].State) + " " + string(row.Langs["sk"].State)
		if got != want[row.Key] {
			t.Errorf("%s: %s, want %s", row.Key, got, want[row.Key])
		}
	}
	if rep.Rows[3].SourceLang != "hu" || rep.Rows[3].Langs["hu"].File != "content/news/only-hu.hu.md" {
		t.Errorf("only-hu row = %+v", rep.Rows[3])
	}
	if !rep.Incomplete() {
		t.Error("Incomplete = false")
	}
	var text bytes.Buffer
	if err := WriteText(&text, rep); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"guides/survey", "stale", "4 documents: 4 missing, 1 stale, 1 drafts, 1 unmarked"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text lacks %q:\n%s", s, text.String())
		}
	}
	js, err := json.Marshal(rep)
	if err != nil || !strings.Contains(string(js), `"state":"stale"`) {
		t.Errorf("json = %s, %v", js, err)
	}
}

func TestHashIgnoresLineEndings(t *testing.T) {
	if Hash([]byte("a\r\nb\r\n")) != Hash([]byte("a\nb")) {
		t.Error("CRLF or a final newline changes the hash")
	}
	if Hash([]byte("a\nb")) == Hash([]byte("a\nc")) {
		t.Error("different bodies, same hash")
	}
}

func TestMark(t *testing.T) {
	tests := []struct{ in, want string }{
		{"---\ntitle: x\n---\nBody\n", "---\ntitle: x\ntranslated_from: \"abc\"\n---\nBody\n"},
		{"---\ntitle: x\ntranslated_from: \"old\"\n---\nBody\n", "---\ntitle: x\ntranslated_from: \"abc\"\n---\nBody\n"},
		{"\n---\r\ntitle: x\r\n---\r\nBody\r\n", "\n---\r\ntitle: x\r\ntranslated_from: \"abc\"\r\n---\r\nBody\r\n"},
		{"+++\ntitle = \"x\"\n+++\nBody", "+++\ntitle = \"x\"\ntranslated_from = \"abc\"\n+++\nBody"},
		{"---\ntranslated_fromage: 1\n---\n", "---\ntranslated_fromage: 1\ntranslated_from: \"abc\"\n---\n"},
	}
	for _, tt := range tests {
		got, err := Mark([]byte(tt.in), "abc")
		if err != nil || string(got) != tt.want {
			t.Errorf("Mark(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"no front matter\n", "---\ntitle: x\n"} {
		if _, err := Mark([]byte(bad), "abc"); err == nil {
			t.Errorf("Mark(%q) accepted", bad)
		}
	}
}

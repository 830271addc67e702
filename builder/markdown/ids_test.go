package markdown

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkSlug reports what is wrong with s as an address segment or heading
// ID, or "" when nothing is: lower-case letters and digits, words joined by
// single hyphens, no accents left, nothing to escape in a URL.
func checkSlug(s string) string {
	if !utf8.ValidString(s) {
		return "not valid UTF-8"
	}
	if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return "stray hyphen"
	}
	for _, r := range s {
		switch {
		case r == '-':
		case unicode.IsDigit(r):
		case unicode.IsLetter(r) && unicode.ToLower(r) == r:
		default:
			return "character " + string(r) + " not allowed"
		}
	}
	return ""
}

func TestSlugifyTable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Közösségi coaching", "kozossegi-coaching"},
		{"Straße ß", "strasse-ss"},
		{"a ß", "a-ss"}, // ß after a space starts a word of its own
		{"Łódź ł", "lodz-l"},
		{"ĐAKOVO đ", "dakovo-d"},
		{"GROẞE", "grosse"}, // capital sharp s
		{"???", ""},
		{"---", ""},
		{"😀 🎉", ""},
		{"İstanbul", "istanbul"},
		{"  trim  me  ", "trim-me"},
		{"C++ & C#", "c-c"},
	}
	for _, tt := range tests {
		got := Slugify(tt.in)
		if got != tt.want {
			t.Errorf("Slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if msg := checkSlug(got); msg != "" {
			t.Errorf("Slugify(%q) = %q: %s", tt.in, got, msg)
		}
	}
}

// FuzzSlug: a slug is idempotent, uses only allowed characters, and
// Slugify never panics.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Közösségi coaching", "a ß", "ẞ", "Łódź", "???", "İ", "ǅ", "\xff", "a\u0301", "日本語", "١٢٣", "K"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if msg := checkSlug(got); msg != "" {
			t.Fatalf("Slugify(%q) = %q: %s", s, got, msg)
		}
		if again := Slugify(got); again != got {
			t.Fatalf("Slugify(%q) = %q, but Slugify(%q) = %q", s, got, got, again)
		}
	})
}

func headingIDs(m *Markdown, src string) []string {
	d := m.Parse("f.md", []byte(src), 1)
	ids := make([]string, len(d.Headings))
	for i, h := range d.Headings {
		ids[i] = h.ID
	}
	return ids
}

func TestHeadingIDsAreUnique(t *testing.T) {
	m := New(Options{})
	got := strings.Join(headingIDs(m, "# A\n\n# A\n\n# A 1\n\n# ???\n\n# ???\n\n## Section\n"), " ")
	if want := "a a-1 a-1-1 section section-1 section-2"; got != want {
		t.Errorf("ids = %q, want %q", got, want)
	}
}

// FuzzHeadingID: heading IDs are non-empty, valid slugs, unique within a
// document and the same on every parse.
func FuzzHeadingID(f *testing.F) {
	for _, s := range []string{"# A\n# A\n# A 1\n", "# ???\n## section\n### Section-1\n", "Title\n=====\n\n# Title\n", "# ẞ\n# ss\n", "# \n#\n"} {
		f.Add(s)
	}
	m := New(Options{})
	f.Fuzz(func(t *testing.T, src string) {
		ids := headingIDs(m, src)
		seen := map[string]bool{}
		for _, id := range ids {
			if id == "" {
				t.Fatalf("empty heading id in %q", src)
			}
			if msg := checkSlug(id); msg != "" {
				t.Fatalf("heading id %q: %s", id, msg)
			}
			if seen[id] {
				t.Fatalf("heading id %q twice in %q", id, src)
			}
			seen[id] = true
		}
		if again := headingIDs(m, src); strings.Join(again, "\x00") != strings.Join(ids, "\x00") {
			t.Fatalf("ids differ between parses: %q and %q", ids, again)
		}
	})
}

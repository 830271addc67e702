package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/templates"
	"io/fs"
)

func realCatalog(t *testing.T) *Catalog {
	t.Helper()
	sub, _ := fs.Sub(templates.FS, "i18n")
	c, diags := Load(sub, "templates/i18n", []string{"en", "hu", "sk"})
	if diags.HasErrors() {
		t.Fatalf("the shipped UI strings are incomplete:\n%s", diags)
	}
	return c
}

func TestFormatDate(t *testing.T) {
	c := realCatalog(t)
	d := time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct{ lang, want string }{
		{"en", "31 May 2024"},
		{"hu", "2024. május 31."},
		{"sk", "31. mája 2024"},
	}
	for _, tt := range tests {
		if got := c.Lang(tt.lang).FormatDate(d); got != tt.want {
			t.Errorf("%s: FormatDate = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestQuotes(t *testing.T) {
	c := realCatalog(t)
	tests := []struct{ lang, open, close string }{{"en", "“", "”"}, {"hu", "„", "”"}, {"sk", "„", "“"}}
	for _, tt := range tests {
		q := c.Lang(tt.lang).Quotes
		if q[0] != tt.open || q[1] != tt.close {
			t.Errorf("%s quotes = %q", tt.lang, q)
		}
	}
}

const base = "quotes: [a, b, c, d]\ndate_format: \"{d}\"\nmonths: [1,2,3,4,5,6,7,8,9,10,11,12]\n"

func TestMissingKeyIsAnError(t *testing.T) {
	fsys := fstest.MapFS{
		"en.yaml": {Data: []byte(base + "strings:\n  search: Search\n  feed: Feed\n")},
		"hu.yaml": {Data: []byte(base + "strings:\n  search: Keresés\n")},
	}
	c, diags := Load(fsys, "templates/i18n", []string{"en", "hu"})
	want := `templates/i18n/hu.yaml: UI string "feed" is missing for language "hu" (en has it: "Feed")` + "\n"
	if diags.String() != want {
		t.Errorf("got %q\nwant %q", diags.String(), want)
	}
	if got := c.T("hu", "nope"); got != "nope" {
		t.Errorf("T of a missing key = %q", got)
	}
	missing := c.Missing("templates/i18n").String()
	if !strings.Contains(missing, `templates/i18n/hu.yaml: UI string "nope" is missing for language "hu"`) {
		t.Errorf("Missing() = %q", missing)
	}
}

func TestMissingLanguageFile(t *testing.T) {
	_, diags := Load(fstest.MapFS{"en.yaml": {Data: []byte(base)}}, "templates/i18n", []string{"en", "sk"})
	if got := diags.String(); got != "templates/i18n/sk.yaml: no UI strings for language \"sk\": create templates/i18n/sk.yaml\n" {
		t.Errorf("got %q", got)
	}
}

package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReuseMayFollowsLicence: the reuse page tells readers they may copy,
// adapt and share only when the site's licence allows it. With no
// licence, or one without adaptations (ND), it said "You may … adapt
// them" and then "ask the publisher before you reuse".
func TestReuseMayFollowsLicence(t *testing.T) {
	for _, c := range []struct {
		licence string
		may     bool
	}{
		{`licenceURL: "https://creativecommons.org/licenses/by/4.0/"`, true},
		{`licenceURL: "https://creativecommons.org/publicdomain/zero/1.0/"`, true},
		{`licenceURL: "https://creativecommons.org/licenses/by-nd/4.0/"`, false},
		{`licenceURL: "https://creativecommons.org/licenses/by-nc/4.0/"`, false},
		{"", false},
	} {
		src := t.TempDir()
		files := map[string]string{
			"site.yaml": "title: {en: \"R\"}\nbaseURL: \"https://example.org/\"\nlanguages: [{code: en, name: English}]\n" +
				"menu: [guides]\nbriefs: false\n" + c.licence + "\n",
			"content/guides/open.en.md": "---\ntitle: Open\nsummary: S.\ndate: 2024-01-02\naudience: All\n---\nText.\n",
		}
		writeFiles(t, src, files)
		dest := filepath.Join(t.TempDir(), "public")
		res, err := Build(Options{Source: src, Dest: dest, Now: fixedNow, CacheDir: t.TempDir(), NoSearch: true})
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%v\n%s", err, res.Diags)
		}
		page, err := os.ReadFile(filepath.Join(dest, "en", "reuse", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(page), "You may copy, print, translate and adapt them"); got != c.may ||
			strings.Contains(string(page), "Adapt the text to your city") != c.may {
			t.Errorf("%q: the page says what readers may do: %v, want %v", c.licence, got, c.may)
		}
	}
}

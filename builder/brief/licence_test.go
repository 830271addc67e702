package brief

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/schema"
)

// TestLicenceStatement: a brief (and a kit's README) states the licence
// its document is under, as the page's footer does: the site's statement
// for the site's licence, the document's own licence by name and address
// when front matter overrides it (the brief printed the site's CC BY
// statement on a CC BY-NC-SA document), the address alone for a licence
// dissem has no name for, nothing when none is known.
func TestLicenceStatement(t *testing.T) {
	site := &config.Config{Licence: config.Localized{"en": "Text under CC BY 4.0."}, LicenceURL: "https://creativecommons.org/licenses/by/4.0/"}
	noText := &config.Config{LicenceURL: "https://creativecommons.org/licenses/by/4.0/"}
	nc, _ := schema.LookupLicence("CC BY-NC-SA 4.0")
	same, _ := schema.LookupLicence("CC-BY-4.0")
	custom, _ := schema.LookupLicence("https://www.etalab.gouv.fr/licence-ouverte-open-licence")
	upper := strings.ToUpper
	for _, c := range []struct {
		name string
		cfg  *config.Config
		m    *schema.Meta
		want string
	}{
		{"site's licence", site, &schema.Meta{}, "TEXT UNDER CC BY 4.0."},
		{"the site's licence named again", site, &schema.Meta{Licence: same}, "TEXT UNDER CC BY 4.0."},
		{"own licence", site, &schema.Meta{Licence: nc}, "CC BY-NC-SA 4.0 – https://creativecommons.org/licenses/by-nc-sa/4.0/"},
		{"own licence without a name", site, &schema.Meta{Licence: custom}, "https://www.etalab.gouv.fr/licence-ouverte-open-licence"},
		{"site without a statement", noText, nil, "CC BY 4.0 – https://creativecommons.org/licenses/by/4.0/"},
		{"no licence at all", &config.Config{}, nil, ""},
	} {
		if got := licenceStatement(c.cfg, c.m, "en", upper); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// TestBundleGuideLicence: a guide of a toolkit's bundle under another
// licence than the toolkit's states its own at its start (the cover
// states the toolkit's only, and a city reusing that guide went by it); a
// guide under the toolkit's licence does not repeat it.
func TestBundleGuideLicence(t *testing.T) {
	b := testBundle(t)
	b.Meta.Licence, b.Meta.LicenceURL = "Text under CC BY 4.0.", "https://creativecommons.org/licenses/by/4.0/"
	for _, g := range b.Guides {
		g.Licence, g.LicenceURL = b.Meta.Licence, b.Meta.LicenceURL
	}
	own := b.Guides[len(b.Guides)-1]
	own.Licence, own.LicenceURL = "CC BY-NC-SA 4.0 – https://creativecommons.org/licenses/by-nc-sa/4.0/", "https://creativecommons.org/licenses/by-nc-sa/4.0/"
	r, err := engine(t).Bundle(b)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bundle.pdf")
	if err := os.WriteFile(path, r.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	plain, _ := flatten(run(t, "pdftotext", "-enc", "UTF-8", path, "-"))
	if n := strings.Count(plain, "CC BY-NC-SA 4.0"); n != 1 {
		t.Errorf("the guide's own licence is stated %d times, want once", n)
	}
	at, title := strings.Index(plain, "CC BY-NC-SA 4.0"), strings.LastIndex(plain, own.Title)
	if at < 0 || title < 0 || at < title {
		t.Errorf("the guide's licence (at %d) is not after its title (at %d)", at, title)
	}
	if n := strings.Count(plain, "Text under CC BY 4.0."); n != 1 {
		t.Errorf("the toolkit's licence is stated %d times, want once (on the cover)", n)
	}
}

// TestAuthorList: names are joined with commas unless one has a comma of
// its own, which would make "Kovács, Péter, AEIDL" three people.
func TestAuthorList(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"4IM project team"}, "4IM project team"},
		{[]string{"Anna Kovács", "AEIDL"}, "Anna Kovács, AEIDL"},
		{[]string{"Kovács, Péter", "AEIDL"}, "Kovács, Péter; AEIDL"},
	} {
		if got := authorList(c.in); got != c.want {
			t.Errorf("authorList(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

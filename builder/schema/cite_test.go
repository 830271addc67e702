package schema

import "testing"

func TestNormalizeDOI(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"10.5281/zenodo.1234567", "10.5281/zenodo.1234567"},
		{"https://doi.org/10.5281/zenodo.1234567", "10.5281/zenodo.1234567"},
		{"http://dx.doi.org/10.1000/182", "10.1000/182"},
		{"doi:10.1000/182", "10.1000/182"},
		{"DOI: 10.1000/182", "10.1000/182"},
		{"https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"},
		{"10.1000.10/abc", "10.1000.10/abc"},
		{"10.5281/ÁÉ-ű", "10.5281/ÁÉ-ű"},
		{"zenodo.1234567", ""},
		{"10.123/abc", ""},   // registrant of three digits
		{"10.12a4/abc", ""},  // letters in the registrant
		{"10.1234/", ""},     // no suffix
		{"10.1234", ""},      // no slash
		{"11.1234/x", ""},    // not 10.
		{"10.1234./x", ""},   // trailing dot
		{"10.1234/a b", ""},  // space
		{"10.1234/a\"b", ""}, // quote

		// What percent-encoding hides is refused too.
		{"https://doi.org/10.1234/a%20b", ""}, // a space, percent-encoded
		{"https://doi.org/10.1234/a%0Ab", ""}, // a line break, percent-encoded
		{"10.1234/a%E2%80%A8b", ""},           // U+2028, percent-encoded
		{"https://doi.org/10.1234/a%23b", "10.1234/a#b"},
		{"https://example.org/10.1234/x", ""},
	} {
		got, ok := NormalizeDOI(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("NormalizeDOI(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

func TestLookupLicence(t *testing.T) {
	for _, c := range []struct{ in, id, url string }{
		{"CC-BY-4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"},
		{"cc by-nc 4.0", "CC-BY-NC-4.0", "https://creativecommons.org/licenses/by-nc/4.0/"},
		{"CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"},
		{"http://www.creativecommons.org/licenses/by-sa/4.0/deed.hu", "CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"},
		{"https://creativecommons.org/publicdomain/zero/1.0", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
		{"https://www.etalab.gouv.fr/licence-ouverte-open-licence", "", "https://www.etalab.gouv.fr/licence-ouverte-open-licence"},
		{"free to use", "", ""},
		{"javascript:alert(1)", "", ""},
		{"http://example.org/licence", "", ""}, // not https, not known
		{"", "", ""},
	} {
		l, ok := LookupLicence(c.in)
		if l.ID != c.id || l.URL != c.url || ok != (c.url != "") {
			t.Errorf("LookupLicence(%q) = %+v, %v; want %s %s", c.in, l, ok, c.id, c.url)
		}
	}
}

// TestDOIAddress: a DOI's characters that an address would read otherwise
// ("#" starts a fragment, "?" a query) are percent-encoded; "/" and
// letters stay.
func TestDOIAddress(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"10.5281/zenodo.1234567", "https://doi.org/10.5281/zenodo.1234567"},
		{"10.5281/ZENODO.12#34?x", "https://doi.org/10.5281/ZENODO.12%2334%3Fx"},
		{"10.1234/50%off", "https://doi.org/10.1234/50%25off"},
		{"10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O", "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O"},
		{"10.5281/ÁÉ-ű/x", "https://doi.org/10.5281/ÁÉ-ű/x"},
	} {
		if got := DOIAddress(c.in); got != c.want {
			t.Errorf("DOIAddress(%q) = %q, want %q", c.in, got, c.want)
		}
		// A DOI written as its address reads back as the same DOI.
		if c.in != "" {
			if back, ok := NormalizeDOI(DOIAddress(c.in)); !ok || back != c.in {
				t.Errorf("NormalizeDOI(DOIAddress(%q)) = %q, %v", c.in, back, ok)
			}
		}
	}
}

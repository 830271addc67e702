package schema

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// Licence is a document's licence: its SPDX identifier when it is a
// licence dissem knows ("CC-BY-4.0"), a short name for readers ("CC BY
// 4.0", or the address for one it does not know) and the address of its
// text (the deed).
type Licence struct{ ID, Name, URL string }

// licences are the licences a document may name by identifier: the Creative
// Commons 4.0 family and CC0, which is what EU-funded projects publish under.
var licences = []Licence{
	{"CC-BY-4.0", "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"},
	{"CC-BY-SA-4.0", "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"},
	{"CC-BY-NC-4.0", "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"},
	{"CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"},
	{"CC-BY-ND-4.0", "CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"},
	{"CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"},
	{"CC0-1.0", "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
}

// licenceKey folds the ways an editor writes an identifier ("CC BY-NC
// 4.0", "cc-by-nc-4.0") and an address (http or https, with or without
// "www.", "/" or "deed.hu" at the end) to one spelling.
func licenceKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if rest, ok := strings.CutPrefix(s, "http://"); ok {
		s = "https://" + rest
	}
	s = strings.Replace(s, "https://www.", "https://", 1)
	if i := strings.Index(s, "/deed"); i > 0 && strings.HasPrefix(s, "https://") {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, "/")
	return strings.ReplaceAll(s, " ", "-")
}

// LookupLicence finds the licence named by an SPDX identifier or the
// address of a known licence. Any other https address is accepted as a
// licence of its own (ID empty, Name the address); ok is false for
// anything else.
func LookupLicence(s string) (l Licence, ok bool) {
	k := licenceKey(s)
	if k == "" {
		return Licence{}, false
	}
	for _, l := range licences {
		if k == strings.ToLower(l.ID) || k == licenceKey(l.URL) {
			return l, true
		}
	}
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || strings.ContainsAny(s, " \t\n\"<>") {
		return Licence{}, false
	}
	return Licence{Name: u.String(), URL: u.String()}, true
}

// LicenceOf is the licence a document is published under: its own
// (front matter "licence") or else the site's (site.yaml "licenceURL").
// The zero Licence means none is known.
func LicenceOf(cfg *config.Config, m *Meta) Licence {
	if m != nil && m.Licence.URL != "" {
		return m.Licence
	}
	if cfg != nil {
		if l, ok := LookupLicence(cfg.LicenceURL); ok {
			return l
		}
	}
	return Licence{}
}

// NormalizeDOI returns a DOI in its bare form ("10.1234/abc") when s is a
// DOI, also written as a doi.org address or with "doi:" before it, and
// false otherwise. The syntax is the DOI Handbook's: "10.", a registrant
// code of digits and dots (four digits or more in the first part), "/"
// and a suffix of printable characters without spaces.
func NormalizeDOI(s string) (string, bool) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"} {
		if strings.HasPrefix(low, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	prefix, suffix, ok := strings.Cut(s, "/")
	reg, ok2 := strings.CutPrefix(prefix, "10.")
	if !ok || !ok2 || suffix == "" {
		return "", false
	}
	first, _, _ := strings.Cut(reg, ".")
	if len(first) < 4 || strings.Trim(reg, "0123456789.") != "" || strings.HasSuffix(reg, ".") || strings.Contains(reg, "..") {
		return "", false
	}
	for _, r := range suffix {
		if r <= ' ' || r == 0x7f || r == '"' || r == '<' || r == '>' || r == '\u00a0' || r == '\u2028' || r == '\u2029' {
			return "", false
		}
	}
	// A doi.org address may carry the suffix percent-encoded. What the
	// encoding hid is checked too: "%20" or "%0A" would put a space or a
	// line break into every citation and break the DOI's link.
	if dec, err := url.PathUnescape(suffix); err == nil {
		suffix = dec
	}
	for _, r := range suffix {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return "", false
		}
	}
	return "10." + reg + "/" + suffix, true
}

// doiPath escapes what a DOI may hold but an address's path may not carry
// as it is: the DOI Handbook's list (% " # ? < > and space) and the
// characters browsers and link checkers refuse ({ } ^ [ ] ` | \).
// Everything else, "/" and letters with accents included, stays.
var doiPath = strings.NewReplacer("%", "%25", `"`, "%22", "#", "%23", "?", "%3F", "<", "%3C", ">", "%3E", " ", "%20",
	"{", "%7B", "}", "%7D", "^", "%5E", "[", "%5B", "]", "%5D", "`", "%60", "|", "%7C", `\`, "%5C")

// DOIAddress is a bare DOI as its https://doi.org/ address, or "" for
// none: "10.5281/zenodo.12#3" is https://doi.org/10.5281/zenodo.12%233,
// where a raw "#" would cut the DOI short at a fragment.
func DOIAddress(doi string) string {
	if doi == "" {
		return ""
	}
	return "https://doi.org/" + doiPath.Replace(doi)
}

func doi(name string, v *content.Value, m *Meta, d *diag.List) {
	s, ok := scalar(v, d, name, "a DOI", `"10.5281/zenodo.1234567"`)
	if !ok {
		return
	}
	n, ok := NormalizeDOI(s)
	if !ok {
		d.Errorf(v.Pos, "field \"doi\": %q is not a DOI; write it like 10.5281/zenodo.1234567 or https://doi.org/10.5281/zenodo.1234567 (\"10.\", at least four digits, \"/\", then the rest)", s)
		return
	}
	m.DOI = n
}

// reportNumber accepts what reports are numbered with: letters, digits and
// . - / _ ( ) and spaces, up to 64 characters ("4IM-D5.5-03", "WP5/2").
func reportNumber(name string, v *content.Value, m *Meta, d *diag.List) {
	s, ok := scalar(v, d, name, "a report number", `"4IM-D5.5-03"`)
	if !ok {
		return
	}
	s = strings.TrimSpace(s)
	bad := s == "" || len([]rune(s)) > 64
	for _, r := range s {
		if !(r == ' ' || r == '.' || r == '-' || r == '/' || r == '_' || r == '(' || r == ')' || r == '#' ||
			'0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 0x7f && unicode.IsLetter(r)) {
			bad = true
		}
	}
	if bad {
		d.Errorf(v.Pos, "field \"report_number\": want a short number of letters, digits and . - / _, like \"4IM-D5.5-03\" (at most 64 characters), got %q", s)
		return
	}
	m.ReportNumber = s
}

func licence(name string, v *content.Value, m *Meta, d *diag.List) {
	s, ok := scalar(v, d, name, "a licence", `"CC-BY-4.0"`)
	if !ok {
		return
	}
	l, ok := LookupLicence(s)
	if !ok {
		ids := make([]string, len(licences))
		for i, l := range licences {
			ids[i] = l.ID
		}
		d.Errorf(v.Pos, "field \"licence\": %q is not a licence dissem knows; write one of %s, or the https address of the licence's text", s, strings.Join(ids, ", "))
		return
	}
	m.Licence = l
}

// checkEventEnd reports an event that ends before it starts (event_end is
// the last day of an event of several days; dates come in any order).
func checkEventEnd(m *Meta, d *diag.List) {
	if !m.EventEnd.IsZero() && !m.EventDate.IsZero() && m.EventEnd.Before(m.EventDate) {
		d.Errorf(m.Pos["event_end"], "field \"event_end\": the event ends on %s, before it starts (event_date %s); event_end is the last day of an event of several days",
			m.EventEnd.Format("2006-01-02"), m.EventDate.Format("2006-01-02"))
	}
}

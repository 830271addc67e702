package config

import (
	"net/url"

	"github.com/4im-project/dissem/builder/diag"
)

// checkCitation checks the settings citations and DataCite records carry:
// the licence and the funder's identifier must be https addresses (they
// become links and identifiers), and a funder needs a name.
func (c *Config) checkCitation(diags *diag.List) {
	if c.LicenceURL != "" && !httpsURL(c.LicenceURL) {
		diags.Errorf(c.Pos("licenceURL"), "field \"licenceURL\": want the https address of the licence's text, like https://creativecommons.org/licenses/by/4.0/, got %q", c.LicenceURL)
	}
	if c.Funder.Identifier != "" && !httpsURL(c.Funder.Identifier) {
		diags.Errorf(c.Pos("funder.identifier"), "field \"funder\", \"identifier\": want an https address, like https://doi.org/10.13039/501100000780 (the funder's Crossref Funder ID) or its https://ror.org/ record, got %q", c.Funder.Identifier)
	}
	if c.Funder.Name == "" && (c.Funder.Identifier != "" || c.Funder.Programme != "" || c.GrantNumber != "") {
		diags.Errorf(c.KeyPos("funder"), "field \"funder\": give the funder's name, like funder: {name: \"European Commission\"}")
	}
}

// httpsURL reports whether s is an absolute https address.
func httpsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != "" && u.User == nil
}

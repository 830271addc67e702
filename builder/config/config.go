// Package config reads site.yaml, the site's configuration.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/internal/yamlnode"
	"go.yaml.in/yaml/v4"
)

// Localized is a text per language code.
type Localized map[string]string

// Language is one of the site's languages.
type Language struct {
	Code string `yaml:"code"`
	Name string `yaml:"name"`
	// Locale is the OpenGraph locale, e.g. "hu_HU".
	Locale string `yaml:"locale"`
}

// Config is the content of site.yaml.
type Config struct {
	Title       Localized  `yaml:"title"`
	Description Localized  `yaml:"description"`
	BaseURL     string     `yaml:"baseURL"`
	Languages   []Language `yaml:"languages"`
	// DefaultLanguage is used for files without a language suffix and x-default.
	DefaultLanguage string `yaml:"defaultLanguage"`
	// AllowHTML lets raw HTML in Markdown through; otherwise it is escaped.
	AllowHTML bool `yaml:"allowHTML"`
	// Paginate is the number of items on a list page.
	Paginate int `yaml:"paginate"`
	// Menu lists sections (folder names) and top-level pages (base names) in order.
	Menu []string `yaml:"menu" want:"a list of section folders and page names, like [guides, about]"`
	// Taxonomies are the front-matter list fields that get term pages.
	Taxonomies []string `yaml:"taxonomies" want:"a list of front-matter fields, like [topics, partners, cities]"`
	// Funding and Licence are printed in footers and briefs.
	Funding Localized `yaml:"funding"`
	// FundedBy is the EU funding statement ("Funded by the European
	// Union") shown beside the EU emblem in every page's footer, as the EU's
	// visibility rules ask of funded projects; unset, neither is shown.
	FundedBy Localized `yaml:"fundedBy"`
	Licence  Localized `yaml:"licence"`
	// Publisher names the organisation that publishes the documents, in
	// citations, JSON-LD, feeds and briefs: one name, or one per language
	// where languages write it differently (PerLanguage.In).
	Publisher PerLanguage `yaml:"publisher"`
	// Logo is a PNG or JPEG file of the static folder ("img/logo.png")
	// printed on the briefs' covers; unset, the site's mark is drawn.
	Logo string `yaml:"logo"`
	// LicenceURL is the address of the licence documents are published
	// under unless their front matter names another ("licence"), for
	// links, citations, JSON-LD and DataCite records.
	LicenceURL string `yaml:"licenceURL"`
	// Funder, GrantNumber and GrantTitle say who funds the project and
	// under which grant, for JSON-LD and DataCite funding references.
	Funder      Funder `yaml:"funder"`
	GrantNumber string `yaml:"grantNumber"`
	GrantTitle  string `yaml:"grantTitle"`
	// KeyFigures are shown on each home page.
	KeyFigures []KeyFigure `yaml:"keyFigures"`
	// ReportingPeriods are the project's reporting periods, by which the
	// register of outputs counts; unset, it counts by calendar quarter.
	ReportingPeriods []Period `yaml:"reportingPeriods" want:"a list of periods, like - {name: RP1, start: 2021-11-01, end: 2022-04-30}"`
	// Sections maps a content folder to its type when it is not the default.
	Sections map[string]string `yaml:"sections" want:"a content type for each folder, like {reports: policy-paper}"`
	// Briefs and Search switch those outputs on (default) or off.
	Briefs *bool `yaml:"briefs"`
	Search *bool `yaml:"search"`
	// PublicContacts are e-mail addresses and phone numbers that may be
	// published; any other one in a text is reported as personal data.
	PublicContacts []string `yaml:"publicContacts"`

	// file, pos and keyPos say where site.yaml wrote each value.
	file        string
	pos, keyPos map[string]diag.Pos
}

// Funder is the organisation that funds the project: its name, its
// identifier (an address, such as its Crossref Funder ID at doi.org or its
// ROR record) and the programme it funds from.
type Funder struct {
	Name       string `yaml:"name"`
	Identifier string `yaml:"identifier"`
	Programme  string `yaml:"programme"`
}

// KeyFigure is a number worth showing on the home page. It is written in
// one of three ways: an amount, formatted for each language ("€762,280",
// "762 280 €"), optionally in a currency; a value per language; or one
// value shown as it is in every language.
type KeyFigure struct {
	Value string `yaml:"value"`
	// Values are the value per language, where languages write it differently.
	Values Localized `yaml:"values"`
	// Amount is a number written plainly (762280 or 1234.5); Currency is
	// its ISO code (EUR).
	Amount   string    `yaml:"amount"`
	Currency string    `yaml:"currency"`
	Label    Localized `yaml:"label"`
}

// Load reads and checks the file at path.
func Load(path string) (*Config, diag.List) {
	var diags diag.List
	src, err := os.ReadFile(path)
	if err != nil {
		diags.Errorf(diag.Pos{File: path}, "cannot read the site configuration: %v", err)
		return nil, diags
	}
	return Parse(path, src)
}

// Parse decodes src, the content of the file named path. Every problem is
// reported at its line in site.yaml, in words an editor understands. When
// the file cannot be read as a configuration the returned Config is nil.
func Parse(path string, src []byte) (*Config, diag.List) {
	text, ok, diags := yamlnode.Text(src, path)
	if !ok {
		return nil, diags
	}
	top, d := yamlnode.Parse(text, path, 1)
	diags.Append(d)
	if diags.HasErrors() {
		return nil, diags
	}
	start := diag.Pos{File: path, Line: 1, Col: 1}
	if top == nil {
		diags.Errorf(start, "the site configuration is empty; it needs at least a title, a baseURL and the languages, like:\n"+
			"    title: {en: \"My site\"}\n    baseURL: \"https://example.org/\"\n    languages:\n      - {code: en, name: English}")
		return nil, diags
	}
	if top.Kind != yaml.MappingNode {
		diags.Errorf(diag.Pos{File: path, Line: top.Line, Col: top.Column}, "the site configuration must be fields like \"title: …\", one a line; got %s", got(top))
		return nil, diags
	}
	sh := &shape{file: path, diags: &diags, pos: map[string]diag.Pos{}, keyPos: map[string]diag.Pos{}}
	sh.fields(top, reflect.TypeFor[Config](), "", "")
	if diags.HasErrors() {
		return nil, diags
	}
	c := &Config{file: path, pos: sh.pos, keyPos: sh.keyPos}
	if err := top.Decode(c); err != nil {
		// The shape check lets through only what decodes; this is a
		// safety net that still names the line.
		pos := start
		var le *yaml.LoadError
		if errors.As(err, &le) {
			pos = diag.Pos{File: path, Line: le.Mark.Line, Col: le.Mark.Column}
		}
		diags.Errorf(pos, "this value cannot be read; check it against the examples in the README")
		return nil, diags
	}
	c.check(&diags)
	c.setDefaults()
	return c, diags
}

// Pos returns where the value at path was written ("paginate", "menu.2",
// "sections.news"), or the file's first line when it was not.
func (c *Config) Pos(path string) diag.Pos {
	if p, ok := c.pos[path]; ok {
		return p
	}
	return diag.Pos{File: c.file, Line: 1, Col: 1}
}

// KeyPos returns where the key of the field at path was written, or the
// file's first line.
func (c *Config) KeyPos(path string) diag.Pos {
	if p, ok := c.keyPos[path]; ok {
		return p
	}
	return diag.Pos{File: c.file, Line: 1, Col: 1}
}

// File is the configuration's path as shown in messages.
func (c *Config) File() string { return c.file }

func (c *Config) setDefaults() {
	if c.Paginate <= 0 {
		c.Paginate = 10
	}
	if c.DefaultLanguage == "" && len(c.Languages) > 0 {
		c.DefaultLanguage = c.Languages[0].Code
	}
	if c.Taxonomies == nil {
		c.Taxonomies = []string{"topics", "partners", "cities"}
	}
	if !strings.HasSuffix(c.BaseURL, "/") {
		c.BaseURL += "/"
	}
}

func (c *Config) check(diags *diag.List) {
	if len(c.Languages) == 0 {
		diags.Errorf(c.KeyPos("languages"), "field \"languages\": list at least one language, like \"- {code: en, name: English}\"")
	}
	seen := map[string]bool{}
	for i, l := range c.Languages {
		item := "languages." + strconv.Itoa(i)
		switch {
		case l.Code == "" || l.Name == "":
			diags.Errorf(c.Pos(item), "field \"languages\", item %d: every language needs a code and a name, like {code: hu, name: Magyar}", i+1)
		case !isCode(l.Code):
			diags.Errorf(c.Pos(item+".code"), "field \"languages\", item %d, \"code\": use a language code of lower-case letters, like en, hu or pt-br, got %q", i+1, l.Code)
		case seen[l.Code]:
			diags.Errorf(c.Pos(item+".code"), "field \"languages\": %q is listed twice", l.Code)
		}
		seen[l.Code] = true
	}
	if c.DefaultLanguage != "" && !seen[c.DefaultLanguage] {
		diags.Errorf(c.Pos("defaultLanguage"), "field \"defaultLanguage\": %q is not one of the languages", c.DefaultLanguage)
	}
	if msg := CheckBaseURL(c.BaseURL); msg != "" {
		diags.Errorf(c.Pos("baseURL"), "field \"baseURL\": %s", msg)
	}
	if _, set := c.pos["paginate"]; set && c.Paginate < 1 {
		diags.Errorf(c.Pos("paginate"), "field \"paginate\": want the number of items on a list page, 1 or more, got %d", c.Paginate)
	}
	for _, l := range c.Languages {
		if l.Code != "" && c.Title[l.Code] == "" {
			diags.Errorf(c.KeyPos("title"), "field \"title\": no title for language %q; add it, like {%s: \"…\"}", l.Code, l.Code)
		}
	}
	c.checkKeyFigures(diags)
	c.checkCitation(diags)
	c.checkPeriods(diags)
}

// checkKeyFigures reports a figure with no value, or with an amount that is
// not a plain number (a "762,280" would read as 762.28 in Hungary).
func (c *Config) checkKeyFigures(diags *diag.List) {
	for i, f := range c.KeyFigures {
		item := "keyFigures." + strconv.Itoa(i)
		label := fmt.Sprintf("field \"keyFigures\", item %d", i+1)
		switch {
		case f.Amount != "" && !plainNumber(f.Amount):
			diags.Errorf(c.Pos(item+".amount"), "%s, \"amount\": write the number plainly, with digits and at most one point before decimals, like 762280 or 1234.5, got %q; each language shows it its own way", label, f.Amount)
		case f.Currency != "" && f.Amount == "":
			diags.Errorf(c.KeyPos(item+".currency"), "%s: \"currency\" goes with an \"amount\", like {amount: 762280, currency: EUR}", label)
		case f.Value == "" && f.Amount == "" && len(f.Values) == 0:
			diags.Errorf(c.Pos(item), "%s: give the figure a value, like {value: \"2\", …}, {values: {en: …, hu: …}, …} or {amount: 762280, currency: EUR, …}", label)
		}
	}
}

// plainNumber reports whether s is digits with at most one "." among them.
func plainNumber(s string) bool {
	whole, frac, dot := strings.Cut(strings.TrimPrefix(s, "-"), ".")
	digits := func(x string) bool { return x != "" && strings.Trim(x, "0123456789") == "" }
	return digits(whole) && (!dot || digits(frac))
}

// CheckBaseURL returns what is wrong with u as the site's address, or "":
// it must be an absolute http or https address (a javascript: or data:
// address would end up in every page's links and feeds).
func CheckBaseURL(u string) string {
	p, err := url.Parse(u)
	switch {
	case u == "":
		return "missing; give the address the site is published at, like https://example.org/"
	case err != nil || p.Scheme != "http" && p.Scheme != "https" || p.Host == "" || p.Opaque != "":
		return fmt.Sprintf("want an absolute address starting with https:// or http://, like https://example.org/, got %q", u)
	case p.User != nil || p.RawQuery != "" || p.Fragment != "" || strings.HasSuffix(u, "?") || strings.HasSuffix(u, "#"):
		return fmt.Sprintf("want a plain address without a user name, \"?\" or \"#\", like https://example.org/, got %q", u)
	case strings.ContainsAny(u, " \"'<>\\^`{|}"):
		// Go's parser takes them, but no address may hold them as they
		// are: they went raw into robots.txt and every feed's links.
		return fmt.Sprintf("want an address without spaces, quotes or any of < > \\ ^ ` { | } (write them as %%20, %%22 … if the address really has them), got %q", u)
	}
	return ""
}

// isCode reports whether s can be a language code in file names and URLs.
func isCode(s string) bool {
	for i, r := range s {
		if !('a' <= r && r <= 'z' || i > 0 && (r == '-' || '0' <= r && r <= '9')) {
			return false
		}
	}
	return s != "" && len(s) <= 16
}

// Codes returns the language codes in configured order.
func (c *Config) Codes() []string {
	codes := make([]string, len(c.Languages))
	for i, l := range c.Languages {
		codes[i] = l.Code
	}
	return codes
}

// Language returns the language with code.
func (c *Config) Language(code string) Language {
	for _, l := range c.Languages {
		if l.Code == code {
			return l
		}
	}
	return Language{Code: code, Name: code}
}

// BriefsOn reports whether PDF briefs are built.
func (c *Config) BriefsOn() bool { return c.Briefs == nil || *c.Briefs }

// SearchOn reports whether the search page and index are built.
func (c *Config) SearchOn() bool { return c.Search == nil || *c.Search }

// String implements fmt.Stringer for debugging.
func (l Localized) String() string { return fmt.Sprint(map[string]string(l)) }

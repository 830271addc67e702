// Package config reads site.yaml, the site's configuration.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/4im-project/dissem/builder/diag"
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
	Menu []string `yaml:"menu"`
	// Taxonomies are the front-matter list fields that get term pages.
	Taxonomies []string `yaml:"taxonomies"`
	// Funding and Licence are printed in footers and briefs.
	Funding Localized `yaml:"funding"`
	Licence Localized `yaml:"licence"`
	// Publisher names the organisation in JSON-LD and feeds.
	Publisher string `yaml:"publisher"`
	// KeyFigures are shown on each home page.
	KeyFigures []KeyFigure `yaml:"keyFigures"`
	// Sections maps a content folder to its type when it is not the default.
	Sections map[string]string `yaml:"sections"`
	// Briefs and Search switch those outputs on (default) or off.
	Briefs *bool `yaml:"briefs"`
	Search *bool `yaml:"search"`
	// PublicContacts are e-mail addresses and phone numbers that may be
	// published; any other one in a text is reported as personal data.
	PublicContacts []string `yaml:"publicContacts"`
}

// KeyFigure is a number worth showing on the home page.
type KeyFigure struct {
	Value string    `yaml:"value"`
	Label Localized `yaml:"label"`
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

// Parse decodes src, the content of the file named path.
func Parse(path string, src []byte) (*Config, diag.List) {
	var diags diag.List
	c := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		var le *yaml.LoadError
		var les *yaml.LoadErrors
		switch {
		case errors.As(err, &les):
			for _, e := range les.Errors {
				diags.Errorf(diag.Pos{File: path, Line: e.Mark.Line, Col: e.Mark.Column}, "%s", e.Message)
			}
		case errors.As(err, &le):
			diags.Errorf(diag.Pos{File: path, Line: le.Mark.Line, Col: le.Mark.Column}, "%s", le.Message)
		default:
			diags.Errorf(diag.Pos{File: path}, "%v", err)
		}
		return nil, diags
	}
	c.setDefaults()
	c.check(path, &diags)
	return c, diags
}

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

func (c *Config) check(path string, diags *diag.List) {
	pos := diag.Pos{File: path}
	if len(c.Languages) == 0 {
		diags.Errorf(pos, "languages: list at least one language, e.g. \"- {code: en, name: English}\"")
	}
	seen := map[string]bool{}
	for _, l := range c.Languages {
		if l.Code == "" || l.Name == "" {
			diags.Errorf(pos, "languages: every language needs a code and a name, got %+v", l)
		}
		if seen[l.Code] {
			diags.Errorf(pos, "languages: %q is listed twice", l.Code)
		}
		seen[l.Code] = true
	}
	if !seen[c.DefaultLanguage] {
		diags.Errorf(pos, "defaultLanguage: %q is not one of the languages", c.DefaultLanguage)
	}
	if u, err := url.Parse(c.BaseURL); err != nil || u.Scheme == "" || u.Host == "" {
		diags.Errorf(pos, "baseURL: want an absolute address like https://example.org/, got %q", c.BaseURL)
	}
	for _, l := range c.Languages {
		if c.Title[l.Code] == "" {
			diags.Errorf(pos, "title: no title for language %q", l.Code)
		}
	}
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

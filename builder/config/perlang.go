package config

import (
	"go.yaml.in/yaml/v4"
)

// PerLanguage is a text written once for every language ("publisher:
// AEIDL") or once per language ("publisher: {en: City of Miskolc, hu:
// Miskolc Megyei Jogú Város Önkormányzata}"): a name that some languages
// write in their own words.
type PerLanguage struct {
	// All is the text written once; By the texts written per language.
	All string
	By  Localized
}

// In is the text for language code: its own, else the one written for
// every language, else the first of the site's languages that has one
// (codes in the site's order).
func (t PerLanguage) In(code string, codes ...string) string {
	if s := t.By[code]; s != "" {
		return s
	}
	if t.All != "" {
		return t.All
	}
	for _, c := range codes {
		if s := t.By[c]; s != "" {
			return s
		}
	}
	return ""
}

// PublisherIn is the publisher's name in language code.
func (c *Config) PublisherIn(code string) string { return c.Publisher.In(code, c.Codes()...) }

// IsZero reports whether nothing is written.
func (t PerLanguage) IsZero() bool { return t.All == "" && len(t.By) == 0 }

// UnmarshalYAML reads a text or a mapping of language codes to texts (the
// shape check has made sure it is one of them).
func (t *PerLanguage) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		t.All = n.Value
		return nil
	}
	return n.Decode(&t.By)
}

// MarshalYAML writes t as it is read: the one text, or the texts per
// language.
func (t PerLanguage) MarshalYAML() (any, error) {
	if len(t.By) > 0 {
		return t.By, nil
	}
	return t.All, nil
}

package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestYAMLLimits checks that UI strings files get the same YAML rules as
// front matter and site.yaml, word for word.
func TestYAMLLimits(t *testing.T) {
	const good = "quotes: [a, b, c, d]\ndate_format: \"{d}\"\nmonths: [1,2,3,4,5,6,7,8,9,10,11,12]\n"
	tests := []struct{ name, src, want string }{
		{"alias", good + "strings: {a: &x y, b: *x}\n",
			`i18n/en.yaml:4:23: "*x" repeats a value marked with "&x"; repeating values this way is not supported here, write the value out in full`},
		{"duplicate key", good + "strings:\n  home: Home\n  home: Start\n",
			`i18n/en.yaml:6:3: field "home" is given twice, on lines 5 and 6; keep one`},
		{"wrong type", good + "strings: [a]\n",
			`i18n/en.yaml:4:10: this value does not fit: quotes, months and no_break_after are lists of text, date_format and the marks are text, group_from is a whole number, strings are name: text pairs`},
		{"not UTF-8", good + "strings: {a: \xe1}\n",
			`i18n/en.yaml:4:14: this character is not UTF-8`},
		{"deep", good + "strings: " + strings.Repeat("[", 500) + "\n",
			`i18n/en.yaml:4:110: values are nested more than 100 levels deep here; nothing needs that many`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(fstest.MapFS{"en.yaml": {Data: []byte(tt.src)}}, "i18n", []string{"en"})
			if !strings.Contains(diags.String(), tt.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", diags, tt.want)
			}
		})
	}
}

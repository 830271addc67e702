package schema

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
)

// A draft's problems are warnings and keep it out of the site; the same
// problems in a published document are errors.
func TestDraftProblemsAreWarnings(t *testing.T) {
	tests := []struct {
		name, src      string
		errors, warns  int
		incomplete     bool
		wantMsgContain string
	}{
		{"draft with empty fields", "---\ntitle: \"\"\nsummary: \"\"\ndate: 2024-05-31\ndraft: true\naudience: \"\"\n---\n", 0, 3, true, `draft: missing required field "summary"`},
		{"draft with a bad date", "---\ntitle: \"T\"\nsummary: \"S\"\ndate: May\ndraft: true\naudience: \"A\"\n---\n", 0, 1, true, `draft: field "date"`},
		{"complete draft", "---\ntitle: \"T\"\nsummary: \"S\"\ndate: 2024-05-31\ndraft: true\naudience: \"A\"\n---\n", 0, 0, false, ""},
		{"published with empty fields", "---\ntitle: \"T\"\nsummary: \"\"\ndate: 2024-05-31\naudience: \"\"\n---\n", 2, 0, false, `missing required field "summary"`},
		{"draft: false with a bad date", "---\ntitle: \"T\"\nsummary: \"S\"\ndate: May\ndraft: false\naudience: \"A\"\n---\n", 1, 0, false, `field "date"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, d := content.Load(fstest.MapFS{"guides/x.en.md": {Data: []byte(tt.src)}}, content.Options{Prefix: "content", Languages: []string{"en"}, Default: "en"})
			if d.HasErrors() {
				t.Fatal(d)
			}
			m, vd := Validate(tree.Docs[0], nil)
			warns := 0
			for _, x := range vd {
				if x.Severity == diag.Warning {
					warns++
				}
			}
			if vd.Errors() != tt.errors || warns != tt.warns || m.Incomplete != tt.incomplete {
				t.Errorf("errors %d warnings %d incomplete %v, want %d %d %v:\n%s", vd.Errors(), warns, m.Incomplete, tt.errors, tt.warns, tt.incomplete, vd)
			}
			if tt.wantMsgContain != "" && !strings.Contains(vd.String(), tt.wantMsgContain) {
				t.Errorf("messages lack %q:\n%s", tt.wantMsgContain, vd)
			}
		})
	}
}

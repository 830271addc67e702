package schema

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/builder/content"
)

// A fresh skeleton names exactly the fields the editor still has to fill in.
func TestSkeletonValidatesToTheFieldsToFill(t *testing.T) {
	tests := []struct {
		typ, file string
		want      []string
	}{
		{"guide", "guides/x.en.md", []string{`"summary"`, `"audience"`}},
		{"event-report", "events/x.en.md", []string{`"summary"`, `"event_date"`, `"location"`}},
		{"policy-paper", "policy-papers/x.en.md", []string{`"summary"`, `"recommendations"`}},
	}
	for _, tt := range tests {
		src, err := Skeleton(tt.typ, "A title", time.Date(2024, 5, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		tree, d := content.Load(fstest.MapFS{tt.file: {Data: []byte(src)}}, content.Options{Prefix: "content", Languages: []string{"en"}, Default: "en"})
		m, vd := Validate(tree.Docs[0], nil)
		d.Append(vd)
		got := d.String()
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: diagnostics lack %s:\n%s", tt.typ, w, got)
			}
		}
		if m.Title != "A title" || !m.Draft {
			t.Errorf("%s: meta = %+v", tt.typ, m)
		}
	}
	if _, err := Skeleton("blog", "x", time.Now()); err == nil {
		t.Error("unknown type accepted")
	}
}

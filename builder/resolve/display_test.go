package resolve

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/schema"
)

func TestDisplayOnly(t *testing.T) {
	base := func() *schema.Meta {
		return &schema.Meta{Type: schema.Guide, Title: "Survey", Summary: "How to ask.", Date: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC),
			Topics: []string{"housing"}, Toolkit: "kit", Order: 2, Audience: "Social workers", Steps: []string{"Ask"},
			Pos: map[string]diag.Pos{"title": {Line: 2, Col: 8}, "date": {Line: 4, Col: 7}}}
	}
	for _, tc := range []struct {
		name string
		edit func(m *schema.Meta)
		want bool
	}{
		{"same", func(m *schema.Meta) {}, true},
		{"title", func(m *schema.Meta) { m.Title = "Household survey" }, true},
		{"summary", func(m *schema.Meta) { m.Summary = "" }, true},
		{"audience and steps", func(m *schema.Meta) { m.Audience, m.Steps = "Editors", []string{"Ask", "Count"} }, true},
		{"alt and credit", func(m *schema.Meta) { m.ImageAlt, m.ImageCredit = "A street", "Photo: Anna" }, true},
		{"date orders lists", func(m *schema.Meta) { m.Date = m.Date.AddDate(0, 0, 1) }, false},
		{"topics make term pages", func(m *schema.Meta) { m.Topics = []string{"housing", "health"} }, false},
		{"toolkit order", func(m *schema.Meta) { m.Order = 3 }, false},
		{"slug", func(m *schema.Meta) { m.Slug = "survey" }, false},
		{"draft", func(m *schema.Meta) { m.Draft = true }, false},
		{"translated_from", func(m *schema.Meta) { m.TranslatedFrom = "abc123" }, false},
		{"image", func(m *schema.Meta) { m.Image = "photo.jpg" }, false},
		{"a field moved to another line", func(m *schema.Meta) {
			m.Pos = map[string]diag.Pos{"title": {Line: 2, Col: 8}, "date": {Line: 5, Col: 7}}
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := base(), base()
			tc.edit(b)
			if got := DisplayOnly(a, b); got != tc.want {
				t.Errorf("DisplayOnly = %v, want %v", got, tc.want)
			}
		})
	}
	if DisplayOnly(nil, base()) {
		t.Error("DisplayOnly(nil, m) = true")
	}
}

// TestWithBodiesShownFields: a new title and summary (DisplayOnly) swapped
// in by WithBodies give what Resolve gives, and Referrers names the pages
// that show them: the lists, the toolkit, the neighbour and the
// translation.
func TestWithBodiesShownFields(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := Options{Now: now, Search: true, Downloads: true}
	fsys := patchFS("## The method\n\nAsk.\n")
	cfg, inputs := patchInputs(t, fsys)
	s, d := Resolve(cfg, inputs, opts)
	if d.HasErrors() {
		t.Fatal(d)
	}
	before := describe(t, s)
	old := string(fsys["guides/survey.en.md"].Data)
	edited := strings.Replace(strings.Replace(old, "title: Survey\n", "title: Household survey\n", 1), "summary: S\n", "summary: Asked at home\n", 1)
	if edited == old {
		t.Fatalf("the edit changed nothing in\n%s", old)
	}
	fsys["guides/survey.en.md"] = &fstest.MapFile{Data: []byte(edited)}
	_, next := patchInputs(t, fsys)
	var changed []Input
	for i, in := range next {
		if in.Doc.Path == "content/guides/survey.en.md" {
			if !DisplayOnly(inputs[i].Meta, in.Meta) {
				t.Fatalf("a new title and summary are not DisplayOnly")
			}
			changed = append(changed, in)
		}
	}
	ns, _, _, ok := s.WithBodies(changed, now)
	if !ok {
		t.Fatal("WithBodies declined")
	}
	fresh, _ := Resolve(cfg, next, opts)
	if got, want := describe(t, ns), describe(t, fresh); got != want {
		t.Fatalf("WithBodies gives\n%s\nResolve gives\n%s", got, want)
	}
	if !strings.Contains(describe(t, ns), "Household survey") || describe(t, s) != before {
		t.Fatal("the new title is missing, or the old site changed")
	}
	var survey *Page
	for _, p := range ns.Docs {
		if p.Doc.Path == "content/guides/survey.en.md" {
			survey = p
		}
	}
	refs, ok := ns.Referrers(survey)
	if !ok {
		t.Fatal("Referrers: not ok")
	}
	var got []string
	for _, q := range refs {
		got = append(got, q.Path)
	}
	for _, want := range []string{"en/toolkits/kit/", "en/guides/coach/", "hu/guides/survey/", "en/guides/", "en/topics/housing/"} {
		if !slices.Contains(got, want) {
			t.Errorf("Referrers = %v, missing %s", got, want)
		}
	}
	if _, ok := s.Referrers(survey); ok {
		t.Error("Referrers of a page of another site: ok")
	}
}

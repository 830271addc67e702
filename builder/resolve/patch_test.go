package resolve

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

// patchFS is a small site with a toolkit (guides in order, so Prev and
// Next), translations, terms, and links between documents, one to a
// heading.
func patchFS(surveyBody string) fstest.MapFS {
	guide := func(order string) string {
		return "audience: A\ntoolkit: kit\norder: " + order + "\ntopics: [Housing]\n"
	}
	return fstest.MapFS{
		"toolkits/kit.en.md":  {Data: []byte(front("Kit", "") + "The kit.\n")},
		"toolkits/kit.hu.md":  {Data: []byte(front("Kit", "") + "A kit.\n")},
		"guides/survey.en.md": {Data: []byte(front("Survey", guide("1")) + surveyBody)},
		"guides/survey.hu.md": {Data: []byte(front("Felmérés", guide("1")) + "## Módszer\n")},
		"guides/coach.en.md":  {Data: []byte(front("Coach", guide("2")) + "See [the method](survey.md#the-method).\n")},
		"guides/coach.hu.md":  {Data: []byte(front("Coach", guide("2")) + "[Felmérés](survey.md)\n")},
		"news/a.en.md":        {Data: []byte(front("News", "topics: [Housing]\n") + "[Survey](../guides/survey.md)\n")},
		"about.en.md":         {Data: []byte(front("About", "") + "About.\n")},
	}
}

func patchInputs(t *testing.T, fsys fstest.MapFS) (*config.Config, []Input) {
	t.Helper()
	cfg, d := config.Parse("site.yaml", []byte(cfgYAML))
	if d.HasErrors() {
		t.Fatal(d)
	}
	tree, diags := content.Load(fsys, content.Options{Prefix: "content", Languages: cfg.Codes(), Default: "en"})
	md := markdown.New(markdown.Options{})
	var inputs []Input
	for _, doc := range tree.Docs {
		m, vd := schema.Validate(doc, nil)
		diags.Append(vd)
		inputs = append(inputs, Input{Doc: doc, Meta: m, Body: md.Parse(doc.Path, doc.Body, doc.BodyLine)})
	}
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return cfg, inputs
}

// describe writes what a site's pages hold and point to, by path, and
// fails when a page points to a page that is not one of the site's (a page
// of the site WithBodies was made from).
func describe(t *testing.T, s *Site) string {
	t.Helper()
	own := map[*Page]bool{}
	for _, p := range s.Pages {
		own[p] = true
	}
	var b strings.Builder
	name := func(q *Page) string {
		if q == nil {
			return "-"
		}
		if !own[q] {
			t.Errorf("a page points to %s of another site", q.Path)
		}
		return q.Path
	}
	names := func(qs []*Page) string {
		var out []string
		for _, q := range qs {
			out = append(out, name(q))
		}
		return strings.Join(out, ",")
	}
	for i, p := range s.Pages {
		var heads []string
		if p.Body != nil {
			for _, h := range p.Body.Headings {
				heads = append(heads, h.ID)
			}
		}
		var tr []string
		for _, l := range slices.Sorted(func(yield func(string) bool) {
			for l := range p.Translations {
				if !yield(l) {
					return
				}
			}
		}) {
			tr = append(tr, l+"="+name(p.Translations[l]))
		}
		fmt.Fprintf(&b, "%d %s %q links %v heads %v items [%s] guides [%s] toolkits [%s] tk %s prev %s next %s tr %v alts %v terms %v\n",
			i, p.Path, p.Title, p.LinkDests, heads, names(p.Items), names(p.Guides), names(p.Toolkits), name(p.Toolkit), name(p.Prev), name(p.Next), tr, p.Alternates, p.Terms)
	}
	for _, code := range s.Config.Codes() {
		l := s.ByLang[code]
		fmt.Fprintf(&b, "%s home %s docs [%s] toolkits [%s]", code, name(l.Home), names(l.Docs), names(l.Toolkits))
		for _, sec := range slices.Sorted(func(yield func(string) bool) {
			for sec := range l.Sections {
				if !yield(sec) {
					return
				}
			}
		}) {
			fmt.Fprintf(&b, " %s [%s]", sec, names(l.Sections[sec]))
		}
		for _, p := range []*Page{l.Search, l.Downloads, l.Register, l.Reuse} {
			b.WriteString(" " + name(p))
		}
		for _, tax := range s.Config.Taxonomies {
			b.WriteString(" " + name(l.Taxonomy[tax]))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestWithBodiesIsResolve: a site made by WithBodies holds what Resolve
// makes of the same inputs (the new body's headings and links), no page of
// it points into the site it was made from, that site is unchanged, and
// its link problems are the old ones less gone plus added: here a renamed
// heading breaks another document's link to it, and naming it back mends
// it.
func TestWithBodiesIsResolve(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := Options{Now: now, Search: true, Downloads: true}
	bodies := []string{"## The method\n\nAsk.\n", "## The approach\n\nAsk [the kit](../toolkits/kit.md).\n", "## The method\n\nAsk again.\n"}
	cfg, inputs := patchInputs(t, patchFS(bodies[0]))
	s, d := Resolve(cfg, inputs, opts)
	if d.HasErrors() {
		t.Fatal(d)
	}
	for i, body := range bodies[1:] {
		before := describe(t, s)
		_, next := patchInputs(t, patchFS(body))
		var changed []Input
		for _, in := range next {
			if in.Doc.Path == "content/guides/survey.en.md" {
				changed = append(changed, in)
			}
		}
		ns, gone, added, ok := s.WithBodies(changed, now)
		if !ok {
			t.Fatalf("step %d: WithBodies declined", i+1)
		}
		fresh, fd := Resolve(cfg, next, opts)
		if got, want := describe(t, ns), describe(t, fresh); got != want {
			t.Fatalf("step %d: WithBodies gives\n%s\nResolve gives\n%s", i+1, got, want)
		}
		if after := describe(t, s); after != before {
			t.Fatalf("step %d: WithBodies changed the site it was given", i+1)
		}
		if got, want := problems(d, gone, added), problems(fd, nil, nil); got != want {
			t.Fatalf("step %d: problems\n%s\nwant\n%s", i+1, got, want)
		}
		if i == 0 && !added.HasErrors() {
			t.Fatalf("step 1: renaming the heading gave no problem")
		}
		s, d = ns, fd
	}
	// With nothing to swap, the site is the same.
	if ns, _, _, ok := s.WithBodies(nil, now); !ok || ns != s {
		t.Error("WithBodies declined with nothing to do")
	}
}

// problems is list less gone plus added, sorted, as text.
func problems(list, gone, added diag.List) string {
	drop := map[diag.Diag]int{}
	for _, d := range gone {
		drop[d]++
	}
	var out diag.List
	for _, d := range list {
		if drop[d] > 0 {
			drop[d]--
			continue
		}
		out = append(out, d)
	}
	out = append(out, added...)
	out.Sort()
	return out.String()
}

// TestWithBodiesDeclinesAtAPublishDate: a document scheduled for later is
// published by a whole resolve once its date has come, so WithBodies
// declines from then on.
func TestWithBodiesDeclinesAtAPublishDate(t *testing.T) {
	fsys := patchFS("## The method\n")
	fsys["news/later.en.md"] = &fstest.MapFile{Data: []byte(front("Later", "publish_date: 2025-06-01\n") + "Soon.\n")}
	cfg, inputs := patchInputs(t, fsys)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s, d := Resolve(cfg, inputs, Options{Now: now})
	if d.HasErrors() {
		t.Fatal(d)
	}
	if _, _, _, ok := s.WithBodies(nil, now.AddDate(0, 1, 0)); !ok {
		t.Error("declined before the publish date")
	}
	if _, _, _, ok := s.WithBodies(nil, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)); ok {
		t.Error("did not decline on the publish date")
	}
}

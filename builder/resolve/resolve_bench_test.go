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
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

// benchInputs makes n documents over three sections and three languages,
// with terms and a link each, as the stages before resolve hand them over.
func benchInputs(b *testing.B, n int) (*config.Config, []Input, map[string]bool) {
	b.Helper()
	cfg, d := config.Parse("site.yaml", []byte(cfgYAML))
	if d.HasErrors() {
		b.Fatal(d)
	}
	md := markdown.New(markdown.Options{})
	sections := []string{"news", "events", "press"}
	langs := cfg.Codes()
	files := map[string]bool{}
	inputs := make([]Input, 0, n)
	for i := 0; i < n; i++ {
		sec, lang := sections[i%3], langs[(i/3)%3]
		rel := fmt.Sprintf("%s/doc-%05d.%s.md", sec, i/9, lang)
		src := fmt.Sprintf("---\ntitle: Doc %d\nsummary: S\ndate: 2024-01-%02d\ntopics: [Housing, Topic %d]\ncities: [Miskolc]\n---\n[next](doc-%05d.md)\n", i, i%28+1, i%40, i/9)
		doc, dd := content.LoadFile(fstest.MapFS{rel: {Data: []byte(src)}}, rel, content.Options{Prefix: "content", Languages: langs, Default: "en"})
		if dd.HasErrors() {
			b.Fatal(dd)
		}
		m, _ := schema.Validate(doc, nil)
		inputs = append(inputs, Input{Doc: doc, Meta: m, Body: md.Parse(doc.Path, doc.Body, doc.BodyLine)})
		if i%50 == 0 {
			files[fmt.Sprintf("%s/file-%d.pdf", sec, i)] = true
		}
	}
	// In path order, as the loader hands them over.
	slices.SortFunc(inputs, func(a, b Input) int { return strings.Compare(a.Doc.Path, b.Doc.Path) })
	return cfg, inputs, files
}

// BenchmarkResolve resolves 10,000 documents: URLs (and their registry),
// translations, links, lists and taxonomies.
func BenchmarkResolve(b *testing.B) {
	cfg, inputs, files := benchInputs(b, 10000)
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		_, d := Resolve(cfg, inputs, Options{Now: now, Files: files, Search: true, Downloads: true})
		if d.HasErrors() {
			b.Fatal(d)
		}
	}
}

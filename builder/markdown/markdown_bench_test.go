package markdown_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/4im-project/dissem/bench/corpus"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/markdown"
)

// benchBodies returns the Markdown bodies of a generated corpus of 100
// documents × 3 languages (about 5 KB each) and a Markdown per language.
func benchBodies(b *testing.B) ([]*content.Doc, map[string]*markdown.Markdown) {
	b.Helper()
	dir := b.TempDir()
	if err := corpus.Generate(dir, 100, 1); err != nil {
		b.Fatal(err)
	}
	t, d := content.Load(os.DirFS(filepath.Join(dir, "site", "content")),
		content.Options{Prefix: "content", Languages: []string{"en", "hu", "sk"}, Default: "en"})
	if d.HasErrors() {
		b.Fatal(d)
	}
	quotes := map[string]markdown.Quotes{
		"en": {Open: "“", Close: "”", OpenSingle: "‘", CloseSingle: "’"},
		"hu": {Open: "„", Close: "”", OpenSingle: "»", CloseSingle: "«"},
		"sk": {Open: "„", Close: "“", OpenSingle: "‚", CloseSingle: "‘"},
	}
	mds := map[string]*markdown.Markdown{}
	for lang, q := range quotes {
		mds[lang] = markdown.New(markdown.Options{Quotes: q, TaskDone: "done", TaskOpen: "to do"})
	}
	return t.Docs, mds
}

func reportPerBody(b *testing.B, docs, iters int) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(docs*iters), "µs/body")
}

// BenchmarkParse parses every body (goldmark AST, headings, links).
func BenchmarkParse(b *testing.B) {
	docs, mds := benchBodies(b)
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		for _, d := range docs {
			mds[d.Lang].Parse(d.Path, d.Body, d.BodyLine)
		}
		iters++
	}
	reportPerBody(b, len(docs), iters)
}

// BenchmarkRender renders parsed bodies to HTML.
func BenchmarkRender(b *testing.B) {
	docs, mds := benchBodies(b)
	parsed := make([]*markdown.Doc, len(docs))
	for i, d := range docs {
		parsed[i] = mds[d.Lang].Parse(d.Path, d.Body, d.BodyLine)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		for i, d := range docs {
			buf.Reset()
			if err := mds[d.Lang].Render(&buf, parsed[i]); err != nil {
				b.Fatal(err)
			}
		}
		iters++
	}
	reportPerBody(b, len(docs), iters)
}

// BenchmarkParseRender is both, the Markdown share of a build.
func BenchmarkParseRender(b *testing.B) {
	docs, mds := benchBodies(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		for _, d := range docs {
			buf.Reset()
			md := mds[d.Lang]
			if err := md.Render(&buf, md.Parse(d.Path, d.Body, d.BodyLine)); err != nil {
				b.Fatal(err)
			}
		}
		iters++
	}
	reportPerBody(b, len(docs), iters)
}

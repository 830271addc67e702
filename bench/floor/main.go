// Command floor measures the lower bound of a dissem build: the time goldmark
// alone takes to split the front matter (adrg/frontmatter + YAML) and convert
// every Markdown body of a content folder to HTML, in parallel on GOMAXPROCS
// workers, with the same goldmark extensions as builder/markdown. Nothing is
// written; bench/run.sh times this program like the builds and prints
// dissem's ratio to it.
//
//	go run ./bench/floor /tmp/dissem-bench/10000/site/content
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"go.yaml.in/yaml/v4"
)

// quotes per language, as templates/i18n/<lang>.yaml gives them.
var quotes = map[string][4]string{
	"en": {"“", "”", "‘", "’"},
	"hu": {"„", "”", "»", "«"},
	"sk": {"„", "“", "‚", "‘"},
}

func newMarkdown(q [4]string) goldmark.Markdown {
	subs := map[extension.TypographicPunctuation]string{
		extension.LeftDoubleQuote: q[0], extension.RightDoubleQuote: q[1],
		extension.LeftSingleQuote: q[2], extension.RightSingleQuote: q[3],
		extension.Apostrophe: "’", extension.EnDash: "–", extension.EmDash: "—", extension.Ellipsis: "…",
		extension.LeftAngleQuote: "«", extension.RightAngleQuote: "»",
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList,
			extension.NewTypographer(extension.WithTypographicSubstitutions(subs))),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

func main() {
	flag.Usage = func() { fmt.Fprintln(os.Stderr, "usage: floor CONTENT_DIR") }
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	root := flag.Arg(0)
	start := time.Now()
	var files []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	mds := map[string]goldmark.Markdown{}
	for lang, q := range quotes {
		mds[lang] = newMarkdown(q)
	}
	yamlFormat := frontmatter.NewFormat("---", "---", func(data []byte, _ any) error {
		var n yaml.Node
		return yaml.Unmarshal(data, &n)
	})
	var in, out atomic.Int64
	var failed atomic.Int64
	next := make(chan string, 64)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for p := range next {
				src, err := os.ReadFile(p)
				if err != nil {
					failed.Add(1)
					continue
				}
				body, err := frontmatter.Parse(bytes.NewReader(src), nil, yamlFormat)
				if err != nil {
					failed.Add(1)
					continue
				}
				lang := filepath.Ext(strings.TrimSuffix(p, ".md"))
				md := mds[strings.TrimPrefix(lang, ".")]
				if md == nil {
					md = mds["en"]
				}
				buf.Reset()
				if err := md.Convert(body, &buf); err != nil {
					failed.Add(1)
					continue
				}
				in.Add(int64(len(src)))
				out.Add(int64(buf.Len()))
			}
		}()
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
	fmt.Printf("floor: %d files, %.1f MB Markdown → %.1f MB HTML in %.2f s on %d workers\n",
		len(files), float64(in.Load())/1e6, float64(out.Load())/1e6, time.Since(start).Seconds(), runtime.GOMAXPROCS(0))
	if failed.Load() > 0 {
		fmt.Fprintf(os.Stderr, "floor: %d files failed\n", failed.Load())
		os.Exit(1)
	}
}

package output

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// benchPage is a page shaped like a rendered document: head, navigation,
// about 5 KB of prose and a footer, with the indentation templates leave.
var benchPage = func() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"hu\">\n<head>\n<meta charset=\"utf-8\">\n<title>Esettanulmány – dissem</title>\n")
	for i := 0; i < 8; i++ {
		fmt.Fprintf(&b, "<link rel=\"alternate\" hreflang=\"sk\" href=\"https://example.eu/sk/case-studies/x-%d/\">\n", i)
	}
	b.WriteString("</head>\n<body class=\"kind-document\">\n<header class=\"site-header\">\n<nav>\n<ul>\n")
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&b, "  <li><a href=\"/hu/section-%d/\">Szakasz %d</a></li>\n", i, i)
	}
	b.WriteString("</ul>\n</nav>\n</header>\n<main id=\"main\">\n<article>\n")
	for i := 0; i < 14; i++ {
		fmt.Fprintf(&b, "<h2 id=\"h-%d\">Háztartás és foglalkoztatás %d</h2>\n<p>A kísérleti program „résztvevői” <strong>együtt</strong> dolgoztak a szolgáltatópont munkatársaival, és a felmérés eredményeit a lakókkal közösen beszélték meg – <a href=\"/hu/guides/g-%d/\">útmutató</a>.</p>\n\n", i, i, i)
		b.WriteString("<ul>\n  <li>lakhatás</li>\n  <li>adósság</li>\n  <li>egészség</li>\n</ul>\n")
	}
	b.WriteString("</article>\n</main>\n<footer>\n<p>CC BY 4.0</p>\n</footer>\n</body>\n</html>\n")
	return []byte(b.String())
}()

func benchWrite(b *testing.B, minify bool) {
	w, err := New(filepath.Join(b.TempDir(), "public"), Options{Minify: minify})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Abort()
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		// A folder per page, as a build writes them.
		if err := w.Write(fmt.Sprintf("hu/case-studies/doc-%06d/index.html", i), benchPage); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkWrite minifies and writes one page into its own folder.
func BenchmarkWrite(b *testing.B) { benchWrite(b, true) }

// BenchmarkWriteNoMinify writes without minifying: the file system's share.
func BenchmarkWriteNoMinify(b *testing.B) { benchWrite(b, false) }

// BenchmarkMinify minifies one page in memory.
func BenchmarkMinify(b *testing.B) {
	w, err := New(filepath.Join(b.TempDir(), "public"), Options{Minify: true})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Abort()
	b.SetBytes(int64(len(benchPage)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.Minify("index.html", benchPage); err != nil {
			b.Fatal(err)
		}
	}
}

// Command searchbench reports what a cold one-word query costs a reader of
// a built site: the requests and gzip-compressed bytes until its first
// results are on screen (search code, shards, display data), for common and
// rare words in each language, and each language's index size on disk.
//
//	searchbench -site /tmp/out [-js static/js/search.js]
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/4im-project/dissem/builder/search"
)

// Words a reader of the generated corpus may type: common ones (in almost
// every body) and rare ones (only in some documents' front matter).
var words = map[string][2][]string{
	"en": {{"community", "households", "survey", "employment", "neighbourhood", "training", "municipality", "poverty"},
		{"maltese", "prešov", "ózd", "abaújrakezdés", "hárfa", "digital", "energy", "governance"}},
	"hu": {{"közösségi", "háztartások", "felmérés", "foglalkoztatás", "szolgáltatás", "képzés", "önkormányzati", "szegénység"},
		{"máltai", "eperjesi", "ózd", "abaújrakezdés", "hárfa", "digitális", "energiaszegénység", "kormányzás"}},
	"sk": {{"komunitný", "domácnosti", "prieskum", "zamestnanosť", "služby", "vzdelávanie", "samospráva", "chudoba"},
		{"maltézska", "prešovský", "ózd", "abaújrakezdés", "hárfa", "digitálne", "energetická", "riadenie"}},
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, 6)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func main() {
	site := flag.String("site", "", "the built site")
	js := flag.String("js", "static/js/search.js", "the search script")
	flag.Parse()
	code, err := os.ReadFile(*js)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	jsGz := gz(code)
	fmt.Printf("search code: %.1f KB gzip (1 request)\n", float64(jsGz)/1024)
	fmt.Printf("%-4s %-8s %6s %-10s %-10s  %s\n", "lang", "words", "n", "median KB", "worst KB", "worst (requests, word)")
	for _, lang := range []string{"en", "hu", "sk"} {
		dir := filepath.Join(*site, lang, "search")
		var all []float64
		for k, set := range words[lang] {
			type res struct {
				kb   float64
				reqs int
				word string
			}
			var rs []res
			for _, w := range set {
				e := &search.Engine{Fetch: func(name string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, name)) }}
				hits, err := e.Search(w + " ")
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				files := append(append([]string{}, e.Fetched...), e.FirstPage(hits, 10)...)
				total := jsGz
				for _, f := range files {
					if b, err := os.ReadFile(filepath.Join(dir, f)); err == nil {
						total += gz(b)
					}
				}
				rs = append(rs, res{float64(total) / 1024, 1 + len(files), fmt.Sprintf("%s: %d hits", w, len(hits))})
			}
			sort.Slice(rs, func(i, j int) bool { return rs[i].kb < rs[j].kb })
			for _, r := range rs {
				all = append(all, r.kb)
			}
			med := (rs[(len(rs)-1)/2].kb + rs[len(rs)/2].kb) / 2
			worst := rs[len(rs)-1]
			fmt.Printf("%-4s %-8s %6d %10.1f %10.1f  (%d requests, %s)\n", lang, []string{"common", "rare"}[k], len(rs), med, worst.kb, worst.reqs, worst.word)
		}
		var raw, zipped, n int
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				b, _ := os.ReadFile(p)
				raw += len(b)
				zipped += gz(b)
				n++
			}
			return nil
		})
		fmt.Printf("%-4s index on disk: %.1f MB in %d files (%.1f MB if each were gzipped)\n", lang, float64(raw)/(1<<20), n, float64(zipped)/(1<<20))
	}
}

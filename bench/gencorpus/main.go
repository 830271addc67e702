// Command gencorpus writes the synthetic benchmark corpus (see package
// bench/corpus): a dissem site and a Hugo site over the same Markdown.
//
//	go run ./bench/gencorpus -n 10000 -out /tmp/dissem-bench/10000
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/4im-project/dissem/bench/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of documents (each is written in en, hu and sk)")
	out := flag.String("out", "", "output folder (default /tmp/dissem-bench/N)")
	seed := flag.Int64("seed", 1, "PRNG seed; the same n and seed give the same bytes")
	force := flag.Bool("force", false, "regenerate even when the folder holds this corpus already")
	flag.Parse()
	if *out == "" {
		*out = filepath.Join("/tmp/dissem-bench", strconv.Itoa(*n))
	}
	manifest := filepath.Join(*out, "corpus.yaml")
	if !*force {
		if b, err := os.ReadFile(manifest); err == nil && string(b) == corpus.Manifest(*n, *seed) {
			fmt.Fprintf(os.Stderr, "gencorpus: %s is up to date (n=%d, seed=%d)\n", *out, *n, *seed)
			return
		}
	}
	start := time.Now()
	if err := corpus.Generate(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: wrote %d documents × 3 languages to %s in %.1f s\n", *n, *out, time.Since(start).Seconds())
}

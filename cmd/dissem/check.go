package main

import (
	"fmt"
	"io"
	"os"
)

func cmdCheck(args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := newFlagSet("check", "dissem check [flags]: validate content, links and translations.\nThe site is rendered into a temporary folder to check its links, then discarded.", stderr)
	b.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	b.opts.Check = true
	b.opts.NoBriefs = true
	res, err := b.build(io.Discard, stderr)
	if res != nil && res.Dir != "" {
		defer os.RemoveAll(res.Dir)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "checked %d pages and %d links in %d languages: no errors\n", res.Pages, res.Links, res.Languages)
	return nil
}

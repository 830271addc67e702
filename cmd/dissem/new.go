package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/markdown"
	"github.com/4im-project/dissem/builder/schema"
)

func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", "dissem new [flags] TYPE NAME: create content/SECTION/NAME.LANG.md in every language of the site.\nTYPE is one of "+strings.Join(schema.Types, ", ")+".", stderr)
	source := fs.String("source", ".", "the site `folder`")
	cfgPath := fs.String("config", "", "configuration `file` (default SOURCE/site.yaml)")
	if err := fs.Parse(args); err != nil {
		if err.Error() == "flag: help requested" {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "dissem new: want TYPE and NAME, e.g. dissem new guide street-survey")
		fs.Usage()
		return errUsage
	}
	typ, name := fs.Arg(0), fs.Arg(1)
	if *cfgPath == "" {
		*cfgPath = filepath.Join(*source, "site.yaml")
	}
	cfg, diags := config.Load(*cfgPath)
	if err := report(diags, true, stderr); err != nil {
		return err
	}
	slug := markdown.Slugify(name)
	if slug == "" {
		fmt.Fprintf(stderr, "dissem new: %q gives an empty file name; use letters or digits\n", name)
		return errUsage
	}
	section, ok := schema.SectionOf(typ)
	if !ok {
		_, err := schema.Skeleton(typ, name, time.Now())
		fmt.Fprintln(stderr, "dissem new:", err)
		return errUsage
	}
	title := strings.ReplaceAll(name, "-", " ")
	dir := filepath.Join(*source, "content", section)
	var paths []string
	for _, code := range cfg.Codes() {
		p := filepath.Join(dir, slug+"."+code+".md")
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintf(stderr, "dissem new: %s exists already; nothing was written\n", p)
			return errUsage
		}
		paths = append(paths, p)
	}
	src, err := schema.Skeleton(typ, title, time.Now())
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, p := range paths {
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "created", p)
	}
	fmt.Fprintln(stdout, "Fill in the fields, remove \"draft: true\" when ready, and run dissem check.")
	return nil
}

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/status"
)

func cmdStatus(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("status", `dissem status [flags]: translation status of every document: source, current,
unmarked (no translated_from), draft, stale (its source changed since) or missing.
dissem status --mark FILE: record that FILE is translated from its source as it is now.`, stderr)
	source := fs.String("source", ".", "the site `folder`")
	cfgPath := fs.String("config", "", "configuration `file` (default SOURCE/site.yaml)")
	format := fs.String("format", "text", "output `format`: text or json")
	strict := fs.Bool("strict", false, "exit with status 1 when a translation is missing, stale or a draft")
	mark := fs.String("mark", "", "set translated_from in this translation `file` to its source's current hash")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "dissem status: --format is text or json, got %q\n", *format)
		return errUsage
	}
	if *cfgPath == "" {
		*cfgPath = filepath.Join(*source, "site.yaml")
	}
	cfg, diags := config.Load(*cfgPath)
	if err := report(diags, true, stderr); err != nil {
		return err
	}
	contentDir := filepath.Join(*source, "content")
	docs, diags := status.Load(os.DirFS(contentDir), content.Options{Prefix: filepath.ToSlash(contentDir), Languages: cfg.Codes(), Default: cfg.DefaultLanguage}, cfg.Sections)
	// Problems in the content do not hide the status; they are printed
	// first as warnings would be.
	for _, d := range diags {
		if d.Severity == diag.Error {
			fmt.Fprintln(stderr, d.String())
		}
	}
	rep := status.Compute(docs, cfg.Codes(), cfg.DefaultLanguage)
	if *mark != "" {
		return markFile(*mark, docs, rep, stdout, stderr)
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else if err := status.WriteText(stdout, rep); err != nil {
		return err
	}
	if *strict && rep.Incomplete() {
		return contentError{1}
	}
	return nil
}

// markFile writes translated_from into file from its document's source.
func markFile(file string, docs []status.Doc, rep *status.Report, stdout, stderr io.Writer) error {
	abs, _ := filepath.Abs(file)
	for _, d := range docs {
		if p, _ := filepath.Abs(filepath.FromSlash(d.Doc.Path)); p != abs {
			continue
		}
		key := status.Key(d.Doc, d.Meta)
		for _, row := range rep.Rows {
			if row.Key != key {
				continue
			}
			if row.SourceLang == d.Doc.Lang {
				fmt.Fprintf(stderr, "dissem status: %s is the source version of %s; mark its translations instead\n", file, key)
				return errUsage
			}
			var hash string
			for _, s := range docs {
				if status.Key(s.Doc, s.Meta) == key && s.Doc.Lang == row.SourceLang {
					hash = status.Hash(s.Doc.Body)
				}
			}
			src, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			out, err := status.Mark(src, hash)
			if err != nil {
				return fmt.Errorf("%s: %v", file, err)
			}
			if err := os.WriteFile(file, out, 0o644); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "%s: translated_from %s (%s as it is now)\n", file, hash, row.SourceLang)
			return nil
		}
	}
	fmt.Fprintf(stderr, "dissem status: %s is not a document of this site's content folder\n", file)
	return errUsage
}

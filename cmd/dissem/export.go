package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/4im-project/dissem/builder/output"
	"github.com/4im-project/dissem/builder/site"
)

// cmdExport writes deposit-ready metadata: "dissem export datacite".
func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("export", `dissem export datacite [flags]: write a DataCite record (DataCite Metadata Schema 4.6,
in the JSON of DataCite's REST API) for every document with a brief, ready to create a DOI
for it with DataCite or to deposit it in a repository that mints DOIs (such as Zenodo).
Each record is named after its brief: en/case-studies/tetemvar/tetemvar-en.datacite.json.`, stderr)
	if len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		fs.Usage()
		return flag.ErrHelp
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintln(stderr, "dissem export: say what to export: dissem export datacite [--out DIR]")
		return errUsage
	}
	if args[0] != "datacite" {
		fmt.Fprintf(stderr, "dissem export: unknown format %q; the one there is: datacite\n", args[0])
		return errUsage
	}
	var opts site.Options
	fs.StringVar(&opts.Source, "source", ".", "the site `folder` (holds site.yaml and content/)")
	fs.StringVar(&opts.Config, "config", "", "configuration `file` (default SOURCE/site.yaml)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "override the base `URL` from site.yaml")
	out := fs.String("out", "datacite", "the `folder` to write the records into")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	// The one check of where a command may write, links resolved (a
	// lexical check let "--out link-to-content" through) and slips of
	// typing refused ("--out=~/records" made a folder named "~").
	if err := output.CheckOutFolder(*out, "--out", opts.Source); err != nil {
		fmt.Fprintln(stderr, "dissem export:", err)
		return errUsage
	}
	opts.NoSearch = true
	recs, diags, err := site.ExportDataCite(opts)
	if err != nil {
		return err
	}
	if err := report(diags, true, stderr); err != nil {
		return err
	}
	for _, r := range recs {
		p := filepath.Join(*out, filepath.FromSlash(r.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, r.Data, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "wrote %d DataCite records into %s\n", len(recs), *out)
	return nil
}

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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
	for _, own := range []string{"content", "templates", "static"} {
		if inside(*out, filepath.Join(opts.Source, own)) {
			fmt.Fprintf(stderr, "dissem export: --out %s is inside the site's %s/ folder; choose a folder of its own\n", *out, own)
			return errUsage
		}
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

// inside reports whether path is dir or lies in it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

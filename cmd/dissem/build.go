package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"

	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/site"
)

// buildFlags are shared by build, serve and check.
type buildFlags struct {
	opts    site.Options
	quiet   bool
	profile string
}

func newFlagSet(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "%s\n\nFlags:\n", help)
		fs.PrintDefaults()
	}
	return fs
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.opts.Source, "source", ".", "the site `folder` (holds site.yaml, content/, templates/, static/)")
	fs.StringVar(&b.opts.Dest, "dest", "", "output `folder` (default SOURCE/public)")
	fs.StringVar(&b.opts.Config, "config", "", "configuration `file` (default SOURCE/site.yaml)")
	fs.BoolVar(&b.opts.Drafts, "drafts", false, "include drafts and documents with a future publish_date")
	fs.StringVar(&b.opts.BaseURL, "base-url", "", "override the base `URL` from site.yaml")
	fs.BoolVar(&b.quiet, "quiet", false, "print errors only")
	fs.BoolVar(&b.opts.NoBriefs, "no-briefs", false, "do not make PDF briefs")
	fs.BoolVar(&b.opts.NoSearch, "no-search", false, "do not make the search page and index")
	fs.BoolVar(&b.opts.NoMinify, "no-minify", false, "write HTML, CSS and JS unminified")
	fs.StringVar(&b.profile, "profile", "", "write CPU and memory profiles to `prefix`.cpu.pprof and prefix.mem.pprof")
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		fs.Usage()
		return errUsage
	}
	return nil
}

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := newFlagSet("build", "dissem build [flags]: build the site and its briefs into the output folder.\nNothing is written unless the whole build succeeds.", stderr)
	b.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	_, err := b.build(stdout, stderr)
	return err
}

// build runs one build and prints its diagnostics and summary.
func (b *buildFlags) build(stdout, stderr io.Writer) (*site.Result, error) {
	if b.profile != "" {
		stop, err := startProfile(b.profile)
		if err != nil {
			return nil, err
		}
		defer stop()
	}
	res, err := site.Build(b.opts)
	if err != nil {
		return res, err
	}
	if err := report(res.Diags, b.quiet, stderr); err != nil {
		return res, err
	}
	if b.profile != "" {
		// The stages' wall times, to read beside the CPU profile.
		for _, st := range res.Stages {
			fmt.Fprintf(stderr, "stage %-24s %7.3f s\n", st.Name, st.Duration.Seconds())
		}
	}
	if !b.quiet {
		fmt.Fprintln(stdout, res.Summary())
	}
	return res, nil
}

// report prints diagnostics as path:line:col: message and fails on errors.
func report(diags diag.List, quiet bool, stderr io.Writer) error {
	for _, d := range diags {
		if quiet && d.Severity == diag.Warning {
			continue
		}
		fmt.Fprintln(stderr, d.String())
	}
	if n := diags.Errors(); n > 0 {
		fmt.Fprintf(stderr, "%s; nothing was written\n", errorCount(n))
		return contentError{n}
	}
	return nil
}

// errorCount says how many errors there are in words: "1 error", "2 errors".
func errorCount(n int) string {
	if n == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", n)
}

func startProfile(prefix string) (func(), error) {
	if dir := filepath.Dir(prefix); dir != "" {
		_ = os.MkdirAll(dir, 0o755)
	}
	cpu, err := os.Create(prefix + ".cpu.pprof")
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(cpu); err != nil {
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		cpu.Close()
		if mem, err := os.Create(prefix + ".mem.pprof"); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(mem, 0)
			mem.Close()
		}
	}, nil
}

// Command dissem builds multilingual dissemination sites and their PDF
// briefs from Markdown. It parses flags and calls the builder packages.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/4im-project/dissem/builder/output"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "dev"

const usage = `dissem builds a multilingual static site and PDF briefs from Markdown.

Usage:
  dissem build   [flags]   build the site into public/
  dissem serve   [flags]   preview on http://127.0.0.1:1313, rebuilt on every save
  dissem check   [flags]   validate content, links and translations; write nothing
  dissem new TYPE NAME     create a draft document (--lang hu,sk for more languages)
  dissem status  [flags]   translation status: missing, draft and stale translations
  dissem export datacite [--out DIR]   DataCite records of the briefs, ready to mint DOIs
  dissem version           print the version

Run "dissem COMMAND --help" for the flags of a command.

Exit status: 0 success, 1 errors in the site (nothing written), 2 usage
errors, 3 other failures (disk, permissions), 4 a bug in dissem (please
report it with the message it printed).
`

// errUsage marks mistakes in the command line (exit status 2).
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the exit status: 0 success,
// 1 content errors, 2 usage errors, 3 other failures, 4 a bug (a panic).
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = cmdBuild(args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(args[1:], stdout, stderr)
	case "check":
		err = cmdCheck(args[1:], stdout, stderr)
	case "new":
		err = cmdNew(args[1:], stdout, stderr)
	case "status":
		err = cmdStatus(args[1:], stdout, stderr)
	case "export":
		err = cmdExport(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "dissem", version)
		return 0
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "dissem: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return exitStatus(err, stderr)
}

// exitStatus prints what the user must know about err and returns the exit
// status for it.
func exitStatus(err error, stderr io.Writer) int {
	var ce contentError
	var bug interface {
		Bug() bool
		error
	}
	switch {
	case err == nil:
		return 0
	case errors.As(err, &bug) && bug.Bug():
		fmt.Fprintln(stderr, "dissem:", err)
		var st interface{ StackTrace() []byte }
		if errors.As(err, &st) {
			fmt.Fprintf(stderr, "\nPlease include what follows in the report:\n%s", st.StackTrace())
		}
		return 4
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, output.ErrRefused):
		// --dest or --out named a folder dissem must not write: the
		// command line is wrong, as DESIGN.md's exit statuses say.
		fmt.Fprintln(stderr, "dissem:", err)
		return 2
	case errors.As(err, &ce):
		return 1
	default:
		fmt.Fprintln(stderr, "dissem:", err)
		return 3
	}
}

// contentError reports that diagnostics were printed already.
type contentError struct{ n int }

func (e contentError) Error() string { return errorCount(e.n) }

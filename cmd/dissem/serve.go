package main

import (
	"fmt"
	"io"
	"net"
	"net/http"

	"github.com/4im-project/dissem/builder/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := newFlagSet("serve", "dissem serve [flags]: build the site, then serve the output folder on 127.0.0.1.", stderr)
	b.register(fs)
	addr := fs.String("addr", "127.0.0.1:1313", "`address` to listen on")
	if err := parse(fs, args); err != nil {
		return err
	}
	res, err := b.build(stdout, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (Ctrl+C to stop)\n", res.Dir, ln.Addr())
	return http.Serve(ln, serve.Handler(res.Dir))
}

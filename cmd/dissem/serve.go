package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"strconv"

	"github.com/4im-project/dissem/builder/serve"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	var b buildFlags
	fs := newFlagSet("serve", "dissem serve [flags]: build the site, then serve the output folder on this computer (127.0.0.1).", stderr)
	b.register(fs)
	serveFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	addr, err := listenAddr(fs)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return errUsage
	}
	res, err := b.build(stdout, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	h := serve.Handler(res.Dir)
	if serve.Exposed(ln.Addr()) {
		fmt.Fprintf(stderr, "warning: serving on %s, which other computers can reach: anyone on your network can read the site, drafts included.\n"+
			"         Use --bind 127.0.0.1 to keep it on this computer.\n", ln.Addr())
	} else {
		h = serve.LocalOnly(h)
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ (Ctrl+C to stop)\n", res.Dir, ln.Addr())
	return serve.NewServer(h, serve.DefaultTimeouts).Serve(ln)
}

// serveFlags registers the flags that say where to listen.
func serveFlags(fs *flag.FlagSet) {
	fs.String("addr", "127.0.0.1:1313", "`address` to listen on, host:port")
	fs.String("bind", "", "`host` to listen on (default 127.0.0.1: this computer only; 0.0.0.0 shows the site to your network)")
	fs.String("port", "", "`port` to listen on (default 1313)")
}

// listenAddr combines --addr with --bind and --port, which replace its host
// and port parts when given.
func listenAddr(fs *flag.FlagSet) (string, error) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	addr := fs.Lookup("addr").Value.String()
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("--addr %q is not host:port (for example 127.0.0.1:1313)", addr)
	}
	if set["bind"] {
		host = fs.Lookup("bind").Value.String()
	}
	if set["port"] {
		port = fs.Lookup("port").Value.String()
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return "", fmt.Errorf("port %q is not a number from 0 to 65535", port)
	}
	return net.JoinHostPort(host, port), nil
}

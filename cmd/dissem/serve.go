package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"syscall"

	"github.com/4im-project/dissem/builder/config"
	"github.com/4im-project/dissem/builder/content"
	"github.com/4im-project/dissem/builder/diag"
	"github.com/4im-project/dissem/builder/serve"
	"github.com/4im-project/dissem/builder/site"
	"github.com/4im-project/dissem/builder/status"
	"github.com/4im-project/dissem/builder/watch"
)

const serveHelp = `dissem serve [flags]: preview the site on this computer (http://127.0.0.1:1313).
The site is built in memory (the output folder is never written), rebuilt on every
save, and the browser reloads by itself. Problems are shown over every page and
printed here; the last version that built stays on view until they are fixed.
Drafts are shown (--drafts=false hides them); /_status/ shows the translation status.`

func cmdServe(args []string, stdout, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveUntil(ctx, args, stdout, stderr, nil)
}

// serveUntil runs dissem serve until ctx is done; ready, when set, is
// told the address once the server listens and the first build is done.
func serveUntil(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(net.Addr)) error {
	var b buildFlags
	fs := newFlagSet("serve", serveHelp, stderr)
	b.register(fs)
	if f := fs.Lookup("drafts"); f != nil {
		// An editor previews what they are writing: drafts are shown.
		f.Value.Set("true")
		f.DefValue = "true"
		f.Usage = "show drafts (with a badge) and documents with a future publish_date (--drafts=false hides them)"
	}
	fs.Lookup("dest").Usage = "not used: serve never writes the output folder"
	poll := fs.Bool("poll", false, "look at the files every half second instead of waiting for change events\n(chosen by itself where no events come: WSL, Docker bind mounts, network drives)")
	serveFlags(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	addr, err := listenAddr(fs)
	if err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return errUsage
	}
	if b.profile != "" {
		stop, err := startProfile(b.profile)
		if err != nil {
			return err
		}
		defer stop()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	defer ln.Close()

	opts := b.opts
	// A language's search index takes seconds at 10,000 documents: made
	// when the search page asks for it, not on every save.
	opts.LazySearch = true
	// The register lists every document: made when its page or an export
	// is asked for.
	opts.LazyRegister = true
	opts.Log = io.Discard // Live prints the problems, once per change
	session := &sessionBuilder{s: site.NewSession(opts)}
	// PaceGC: serve holds the whole site while it runs (its memory stays
	// near what the site takes: builder/serve/gc.go).
	live := serve.NewLive(session, serve.LiveOptions{Log: stderr, Quiet: b.quiet, Status: translationStatus(b.opts), PaceGC: true})
	defer live.Close()
	live.Rebuild(nil, true)

	w, err := watch.New(watch.Options{Base: b.opts.Source, Roots: watchRoots(b.opts), Poll: *poll})
	if err != nil {
		return err
	}
	defer w.Close()
	configPath := configRel(b.opts)
	go func() {
		for batch := range w.Changes() {
			// A configuration outside the site folder is not one of the
			// names the build knows: anything may have changed.
			all := batch.All || (configPath != "site.yaml" && slices.Contains(batch.Paths, configPath))
			live.Rebuild(batch.Paths, all)
		}
	}()

	var h http.Handler = live
	if serve.Exposed(ln.Addr()) {
		fmt.Fprintf(stderr, "warning: serving on %s, which other computers can reach: anyone on your network can read the site, drafts included.\n"+
			"         Use --bind 127.0.0.1 to keep it on this computer.\n", ln.Addr())
	} else {
		h = serve.LocalOnly(h)
	}
	how := "watching for changes"
	if w.Polling() {
		how = "looking for changes every half second"
	}
	fmt.Fprintf(stdout, "serving %s on http://%s/ from memory, %s (Ctrl+C to stop)\n", b.opts.Source, ln.Addr(), how)
	srv := serve.NewServer(h, serve.DefaultTimeouts)
	go func() {
		<-ctx.Done()
		live.Close() // ends the event streams, which would hold Shutdown
		srv.Close()
	}()
	if ready != nil {
		ready(ln.Addr())
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// watchRoots are the files serve watches: the site's sources and its
// configuration (the i18n files are in templates/).
func watchRoots(o site.Options) []string {
	roots := []string{"content", "templates", "static", "site.yaml"}
	if o.Config != "" {
		// Roots are relative to the site folder; the flag to this folder.
		if abs, err := filepath.Abs(o.Config); err == nil {
			roots = append(roots, abs)
		}
	}
	return roots
}

// configRel is the configuration file as the watcher names it.
func configRel(o site.Options) string {
	if o.Config == "" {
		return "site.yaml"
	}
	base, err1 := filepath.Abs(o.Source)
	p, err2 := filepath.Abs(o.Config)
	if err1 != nil || err2 != nil {
		return o.Config
	}
	if rel, err := filepath.Rel(base, p); err == nil && filepath.IsLocal(rel) {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(p)
}

// sessionBuilder adapts the build engine's session to what the live server
// needs. A site snapshot is converted once, so that the same snapshot is
// always the same value for the server (it tells changes by identity).
type sessionBuilder struct {
	s    *site.Session
	last atomic.Pointer[converted]
}

type converted struct {
	from *site.Snapshot
	to   *serve.Snapshot
}

func (a *sessionBuilder) Rebuild(changed []string, all bool) (diag.List, error) {
	return a.s.Rebuild(changed, all)
}

func (a *sessionBuilder) Snapshot() *serve.Snapshot {
	snap := a.s.Snapshot()
	if snap == nil {
		return nil
	}
	if c := a.last.Load(); c != nil && c.from == snap {
		return c.to
	}
	lazy := make(map[string]bool, len(snap.Briefs))
	for name := range snap.Briefs {
		lazy[name] = true
	}
	for _, name := range snap.Lazy {
		lazy[name] = true
	}
	// A session keeps its text files packed (site/store.go).
	c := &converted{from: snap, to: &serve.Snapshot{Files: snap.Files, Changed: snap.Changed, Lazy: lazy, LazyDirs: snap.LazyDirs, Generation: snap.Generation, Packed: true}}
	a.last.Store(c)
	return c.to
}

func (a *sessionBuilder) Brief(name string) ([]byte, bool, error) { return a.s.Brief(name) }

// translationStatus computes the table of /_status/ from the files as they
// are at each request, as dissem status does.
func translationStatus(o site.Options) func() (*status.Report, error) {
	return func() (*status.Report, error) {
		cfgPath := o.Config
		if cfgPath == "" {
			cfgPath = filepath.Join(o.Source, "site.yaml")
		}
		cfg, diags := config.Load(cfgPath)
		if diags.HasErrors() || cfg == nil {
			return nil, errors.New("the configuration has errors (see the terminal or the overlay)")
		}
		dir := filepath.Join(o.Source, "content")
		docs, _ := status.Load(os.DirFS(dir), content.Options{Prefix: filepath.ToSlash(dir), Languages: cfg.Codes(), Default: cfg.DefaultLanguage}, cfg.Sections)
		return status.Compute(docs, cfg.Codes(), cfg.DefaultLanguage), nil
	}
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

// Command serve is an HTTP JSON service around kenner, with a small web page
// that highlights the entities of a pasted article.
//
//	go run ./examples/serve                 # http://127.0.0.1:8080/
//	go run ./examples/serve -addr 127.0.0.1:9000 -max-body 1048576
//
// Endpoints:
//
//	GET  /                  the web page (self-contained; /?demo=1 analyses the sample article on load)
//	POST /v1/extract        one article: JSON {"text":"…"} (Content-Type application/json) or the
//	                        plain UTF-8 text (text/plain or no Content-Type)
//	                        → 200 {"entities":[…],"topics":[…],"focus":[…]}
//	POST /v1/extract:batch  JSON Lines {"id":…,"text":"…"} → JSON Lines, one output line per
//	                        input line in input order: {"id":…,"entities":[…],"topics":[…],"focus":[…]}
//	                        or {"id":…,"error":"…"} (see internal/stream)
//	GET  /v1/sample         the bundled sample article as text/plain
//	GET  /healthz           {"status":"ok"}
//	GET  /metrics           Prometheus text exposition format
//
// Errors are answered with a JSON body {"error":"…"}: 400 for invalid JSON
// or invalid UTF-8, 404, 405 (wrong method, with an Allow header), 413 when
// the body is larger than -max-body (default 10 MiB), 415 for an unsupported
// Content-Type. Offsets in results are UTF-8 byte offsets, end exclusive.
//
// The server stops gracefully on SIGINT or SIGTERM: it stops accepting
// connections and lets running requests finish (at most -shutdown-timeout).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/kenner-nlp/kenner"
)

// config holds the command line settings.
type config struct {
	addr            string
	maxBody         int64
	workers         int
	readTimeout     time.Duration
	writeTimeout    time.Duration
	shutdownTimeout time.Duration
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "serve:", err)
		}
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen `address`")
	fs.Int64Var(&cfg.maxBody, "max-body", 10<<20, "largest request body in `bytes`")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "goroutines analysing the lines of one batch request")
	fs.DurationVar(&cfg.readTimeout, "read-timeout", 30*time.Second, "time to read a whole request")
	fs.DurationVar(&cfg.writeTimeout, "write-timeout", 2*time.Minute, "time from the end of the request headers to the end of the response")
	fs.DurationVar(&cfg.shutdownTimeout, "shutdown-timeout", 15*time.Second, "time running requests get to finish on SIGINT/SIGTERM")
	if err := fs.Parse(args); err != nil {
		return cfg, err
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if cfg.maxBody <= 0 {
		return cfg, errors.New("-max-body must be positive")
	}
	return cfg, nil
}

// run parses the flags, builds the analyzer, listens and serves until ctx is
// done.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	logger := log.New(stderr, "serve: ", log.LstdFlags)
	start := time.Now()
	a, err := kenner.New()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	logger.Printf("analyzer ready in %v; listening on http://%s/", time.Since(start).Round(time.Millisecond), ln.Addr())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		logger.Printf("warning: %s is not a loopback address; the service has no authentication and no TLS", ln.Addr())
	}
	return serve(ctx, ln, newServer(a, cfg), cfg, logger)
}

// serve serves h on ln until ctx is done, then shuts down gracefully.
func serve(ctx context.Context, ln net.Listener, h http.Handler, cfg config, logger *log.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.readTimeout,
		WriteTimeout:      cfg.writeTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          logger,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Printf("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), cfg.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

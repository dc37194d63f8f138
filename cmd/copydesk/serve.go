package main

import (
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/internal/server"
	"github.com/urfave/cli/v2"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the JSON API (POST /v1/check, POST /v1/fix, GET /v1/rules) for CMS pre-publish hooks",
		Description: "A stateless HTTP service: requests carry the copy, never file paths, and the configuration\n" +
			"is read once at start-up. Logs one JSON line per request to standard error. SIGINT or SIGTERM\n" +
			"shuts it down gracefully: /readyz turns 503 and in-flight requests finish.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "listen on `HOST:PORT` (loopback by default; put a token on anything wider)"},
			&cli.StringFlag{Name: "config", Usage: "configuration `FILE` for every request (default: built-in rules; no file is searched for)"},
			&cli.StringFlag{Name: "token-file", Usage: "require a bearer token from `FILE` (one token a line) on every endpoint but /healthz and /readyz"},
			&cli.Int64Flag{Name: "max-body", Value: server.DefaultMaxBody, Usage: "refuse request bodies over `BYTES` with 413"},
			&cli.DurationFlag{Name: "timeout", Value: server.DefaultTimeout, Usage: "answer 503 when linting one request takes longer than `DURATION`"},
			&cli.IntFlag{Name: "max-concurrent", DefaultText: "2*GOMAXPROCS", Usage: "lint at most `N` requests at once, answering 503 with Retry-After beyond that"},
			&cli.DurationFlag{Name: "shutdown-grace", Value: server.DefaultShutdownGrace, Usage: "on shutdown, let in-flight requests finish for up to `DURATION`"},
			&cli.DurationFlag{Name: "shutdown-delay", Usage: "on shutdown, keep serving (with /readyz at 503) for `DURATION` first, so a load balancer drains this copy"},
		},
		Action: runServe,
	}
}

func runServe(c *cli.Context) error {
	if c.NArg() > 0 {
		return usageError("serve takes no arguments (got %q)", c.Args().First())
	}
	log := slog.New(slog.NewJSONHandler(c.App.ErrWriter, nil))
	opts := server.Options{
		MaxBody:       c.Int64("max-body"),
		Timeout:       c.Duration("timeout"),
		MaxConcurrent: c.Int("max-concurrent"),
		ShutdownGrace: c.Duration("shutdown-grace"),
		ShutdownDelay: c.Duration("shutdown-delay"),
		Logger:        log,
	}
	if opts.MaxBody <= 0 || opts.Timeout <= 0 || opts.MaxConcurrent < 0 || opts.ShutdownGrace <= 0 || opts.ShutdownDelay < 0 {
		return usageError("serve: --max-body, --timeout and --shutdown-grace must be positive; --max-concurrent and --shutdown-delay must not be negative")
	}
	if p := c.String("config"); p != "" {
		cfg, err := config.Load(p)
		if err != nil {
			return usageError("%v", err)
		}
		opts.Config = cfg
	}
	if p := c.String("token-file"); p != "" {
		tokens, err := readTokens(p, log)
		if err != nil {
			return usageError("--token-file: %v", err)
		}
		opts.Tokens = tokens
	}
	srv, err := server.New(opts)
	if err != nil {
		return usageError("serve: %v", err)
	}
	ln, err := net.Listen("tcp", c.String("addr"))
	if err != nil {
		return usageError("serve: %v", err)
	}
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // the first signal drains; a second one kills at once
	}()
	addr := ln.Addr().(*net.TCPAddr)
	log.Info("listening", "addr", addr.String(), "auth", len(opts.Tokens) > 0, "version", version,
		"timeout", opts.Timeout.String(), "max_body", opts.MaxBody)
	if !addr.IP.IsLoopback() && len(opts.Tokens) == 0 {
		log.Warn("listening beyond loopback without --token-file: anyone who can reach this port can use the API")
	}
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// readTokens reads the token file, warning when other users can read it.
func readTokens(path string, log *slog.Logger) ([]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		log.Warn("token file is readable by other users; chmod 600 it", "path", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return server.ParseTokens(data)
}

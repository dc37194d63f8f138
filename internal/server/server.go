// Package server is copydesk's HTTP API: a stateless JSON service that a CMS calls before publishing.
//
//	POST /v1/check   lint a title and body; diagnostics located in the caller's own offset unit
//	POST /v1/fix     apply the fixes and return the fixed title and body with a unified diff
//	GET  /v1/rules   the rules and their metadata
//	GET  /healthz    liveness: 200 while the process runs
//	GET  /readyz     readiness: 200 while serving, 503 once shutdown has begun
//
// The server holds no state between requests and never touches the file system on a client's behalf:
// requests carry text, never paths, and the configuration is fixed when the server is built. A newsroom
// scales it by running more copies behind a load balancer.
package server

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/rules"
)

// Defaults for the zero values of Options.
const (
	DefaultMaxBody       = 1 << 20
	DefaultTimeout       = 2 * time.Second
	DefaultShutdownGrace = 10 * time.Second
)

// Limits on connections, so that a slow or idle client cannot hold one open for ever.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 30 * time.Second // the whole request, body included
	idleTimeout       = 120 * time.Second
	maxHeaderBytes    = 64 << 10
)

// statusClientClosed is logged for a request whose client went away before it was answered (nginx's 499).
const statusClientClosed = 499

// Options configure a Server. The zero value serves the built-in rules without authentication.
type Options struct {
	// Config is the configuration every request is linted with; nil means the built-in defaults.
	Config *config.Config
	// Tokens are the accepted bearer tokens; when empty, no authentication is required.
	Tokens []string
	// MaxBody bounds a request body in bytes (default 1 MiB).
	MaxBody int64
	// Timeout bounds the linting of one request (default 2s).
	Timeout time.Duration
	// MaxConcurrent bounds the requests linted at once (default 2*GOMAXPROCS); more are turned away
	// with 503 and Retry-After.
	MaxConcurrent int
	// ShutdownGrace is how long Serve lets in-flight requests finish after shutdown begins (default 10s).
	ShutdownGrace time.Duration
	// ShutdownDelay is how long Serve keeps accepting requests, with /readyz answering 503, before it
	// stops listening, so that a load balancer notices and stops routing here first (default 0).
	ShutdownDelay time.Duration
	// Logger receives the access log and server events; nil discards them.
	Logger *slog.Logger
}

// Server is the copydesk HTTP API. It is an http.Handler; Serve runs it on a listener with production
// timeouts and graceful shutdown.
type Server struct {
	opts     Options
	settings map[string]rules.Setting
	failOn   rules.Severity // the configuration's failing level, or zero
	engine   *rules.Engine  // every enabled rule; requests naming rules get their own
	ruleList []byte         // the /v1/rules response, built once
	tokens   [][sha256.Size]byte
	sem      chan struct{}
	log      *slog.Logger
	handler  http.Handler

	ready    atomic.Bool
	draining atomic.Bool

	// beforeLint, when set (by tests), runs on the lint goroutine before the work.
	beforeLint func(ctx context.Context)
	// readHeaderTimeout and readTimeout are HTTPServer's limits on a slow client (tests shorten them).
	readHeaderTimeout, readTimeout time.Duration
}

// New builds a server: it validates the options and builds the rule engine, so a bad configuration is an
// error here rather than on the first request.
func New(o Options) (*Server, error) {
	switch {
	case o.MaxBody < 0:
		return nil, errors.New("max body must not be negative")
	case o.Timeout < 0:
		return nil, errors.New("timeout must not be negative")
	case o.MaxConcurrent < 0:
		return nil, errors.New("max concurrent must not be negative")
	case o.ShutdownGrace < 0 || o.ShutdownDelay < 0:
		return nil, errors.New("shutdown grace and delay must not be negative")
	}
	if o.MaxBody == 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxConcurrent == 0 {
		o.MaxConcurrent = 2 * runtime.GOMAXPROCS(0)
	}
	if o.ShutdownGrace == 0 {
		o.ShutdownGrace = DefaultShutdownGrace
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Config == nil {
		o.Config = &config.Config{Rules: map[string]rules.Setting{}}
	}
	s := &Server{
		opts: o, settings: o.Config.Rules, failOn: o.Config.FailOn,
		sem: make(chan struct{}, o.MaxConcurrent), log: o.Logger,
		readHeaderTimeout: readHeaderTimeout, readTimeout: readTimeout,
	}
	for _, t := range o.Tokens {
		if t = strings.TrimSpace(t); t != "" {
			s.tokens = append(s.tokens, sha256.Sum256([]byte(t)))
		}
	}
	var err error
	if s.engine, err = rules.NewEngine(s.settings, nil); err != nil {
		return nil, err
	}
	if s.ruleList, err = s.buildRuleList(); err != nil {
		return nil, err
	}
	s.handler = s.accessLog(s.routes())
	s.ready.Store(true)
	return s, nil
}

// ServeHTTP serves the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Ready reports whether /readyz answers 200: the engine is built and shutdown has not begun.
func (s *Server) Ready() bool { return s.ready.Load() && !s.draining.Load() }

// route is the handlers of one path, by method.
type route map[string]http.Handler

func (rt route) allow() string {
	methods := make([]string, 0, len(rt))
	for m := range rt {
		methods = append(methods, m)
	}
	sort.Strings(methods)
	return strings.Join(methods, ", ")
}

// routes builds the routing table. Health checks are always open; everything else needs a token when
// tokens are configured, checked before the path so that an unauthenticated client learns nothing.
func (s *Server) routes() http.Handler {
	lintRoute := func(h http.HandlerFunc) http.Handler {
		return s.limitBody(s.readBody(s.limitConcurrency(h)))
	}
	get := func(h http.HandlerFunc) route { return route{http.MethodGet: h, http.MethodHead: h} }
	open := map[string]route{
		"/healthz": get(s.handleHealth),
		"/readyz":  get(s.handleReady),
	}
	api := map[string]route{
		"/v1/check": {http.MethodPost: lintRoute(s.handleCheck)},
		"/v1/fix":   {http.MethodPost: lintRoute(s.handleFix)},
		"/v1/rules": get(s.handleRules),
	}
	dispatch := func(table map[string]route) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rt, ok := table[r.URL.Path]
			if !ok {
				writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint %s", r.URL.Path))
				return
			}
			h, ok := rt[r.Method]
			if !ok {
				w.Header().Set("Allow", rt.allow())
				writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, rt.allow()))
				return
			}
			h.ServeHTTP(w, r)
		})
	}
	protected := s.requireToken(dispatch(api))
	openH := dispatch(open)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := open[r.URL.Path]; ok {
			openH.ServeHTTP(w, r)
			return
		}
		protected.ServeHTTP(w, r)
	})
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	if !s.Ready() {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "shutting down"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

// ruleInfo is a rule as /v1/rules lists it: its metadata with the severity this server's configuration
// gives it, and whether it runs when a request names no rules.
type ruleInfo struct {
	rules.Meta
	Severity rules.Severity `json:"severity"`
	Enabled  bool           `json:"enabled"`
}

func (s *Server) buildRuleList() ([]byte, error) {
	list := []ruleInfo{}
	for _, r := range rules.Builtin() {
		m := r.Meta()
		set := s.settings[m.ID]
		sev := m.Severity
		if set.Severity != 0 {
			sev = set.Severity
		}
		list = append(list, ruleInfo{Meta: m, Severity: sev, Enabled: !set.Disabled})
	}
	return json.Marshal(map[string]any{"rules": list})
}

func (s *Server) handleRules(w http.ResponseWriter, r *http.Request) {
	setJSONHeaders(w)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(s.ruleList)
	_, _ = io.WriteString(w, "\n")
}

// HTTPServer returns an http.Server for the handler with timeouts that keep slow or idle clients from
// holding connections: headers must arrive within 5s and the whole request within 30s, and the response
// may take the lint timeout plus 10s.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.readHeaderTimeout,
		ReadTimeout:       s.readTimeout,
		WriteTimeout:      s.opts.Timeout + 10*time.Second,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Serve answers requests on ln until ctx is done, then shuts down gracefully: /readyz turns 503 at once,
// requests are still accepted for ShutdownDelay, then the listener closes and in-flight requests have
// ShutdownGrace to finish before their connections are cut. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.draining.Store(true)
	s.log.Info("shutting down", "delay", s.opts.ShutdownDelay.String(), "grace", s.opts.ShutdownGrace.String())
	if s.opts.ShutdownDelay > 0 {
		time.Sleep(s.opts.ShutdownDelay)
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if err != nil {
		_ = hs.Close()
		err = fmt.Errorf("requests still in flight after the %s grace period were cut off", s.opts.ShutdownGrace)
		s.log.Warn("shutdown", "error", err.Error())
	}
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.log.Info("stopped")
	return err
}

// requestError is a problem with the request itself, answered with its status and message.
type requestError struct {
	status int
	msg    string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// decodeJSON reads the request body into v: one JSON object, no unknown fields, nothing after it. The
// Content-Type is not checked: the body is JSON whatever the client calls it (curl -d says form data).
func decodeJSON(r *http.Request, v any, limit int64) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if dec.Decode(&struct{}{}) != io.EOF {
			return badRequest("malformed JSON: unexpected data after the request object")
		}
		return nil
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return &requestError{http.StatusRequestEntityTooLarge, tooLarge(limit)}
	case errors.Is(err, io.EOF):
		return badRequest("empty request body: send a JSON object")
	}
	return badRequest("malformed JSON: %v", err)
}

func setJSONHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		status, body = http.StatusInternalServerError, []byte(`{"error":"encoding the response failed"}`)
	}
	setJSONHeaders(w)
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
}

// errorBody is every error response: {"error": "..."}.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{msg})
}

// writeFailure answers a request whose handling failed.
func (s *Server) writeFailure(w http.ResponseWriter, r *http.Request, err error) {
	var re *requestError
	switch {
	case errors.As(err, &re):
		writeError(w, re.status, re.msg)
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("linting took longer than the %s limit", s.opts.Timeout))
	case errors.Is(err, context.Canceled):
		w.WriteHeader(statusClientClosed) // the client is gone; this is for the log
	default:
		s.log.Error("request failed", "path", r.URL.Path, "error", err.Error())
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

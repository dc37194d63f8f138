package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/copydesk/copydesk/internal/config"
	"github.com/copydesk/copydesk/rules"
)

// testServer is a Server running on a real loopback listener.
type testServer struct {
	*Server
	url    string
	addr   string
	cancel context.CancelFunc // begins graceful shutdown
	done   chan error         // receives Serve's result
}

var client = &http.Client{Timeout: 10 * time.Second}

// start runs a server on 127.0.0.1:0. setup, if given, adjusts the server (a test hook) before it serves.
// The server is shut down when the test ends.
func start(t *testing.T, o Options, setup ...func(*Server)) *testServer {
	t.Helper()
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range setup {
		f(s)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{Server: s, url: "http://" + ln.Addr().String(), addr: ln.Addr().String(), cancel: cancel, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ts.done:
		case <-time.After(15 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return ts
}

// call sends a request and returns the response with its body read.
func (ts *testServer) call(t *testing.T, method, path, body string, header ...string) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, data
}

// post sends v as JSON (a string is sent as is) and decodes a 200 answer into out.
func (ts *testServer) post(t *testing.T, path string, v any, out any) {
	t.Helper()
	body, ok := v.(string)
	if !ok {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		body = string(b)
	}
	resp, data := ts.call(t, http.MethodPost, path, body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST %s: status %d: %s", path, resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, out); err != nil {
		t.Fatalf("POST %s: %v in %s", path, err, data)
	}
}

// wantError checks a JSON error response.
func wantError(t *testing.T, resp *http.Response, data []byte, status int, substr string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Fatalf("status %d, want %d: %s", resp.StatusCode, status, data)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	var e errorBody
	if err := json.Unmarshal(data, &e); err != nil || e.Error == "" {
		t.Fatalf("not a JSON error: %s", data)
	}
	if !strings.Contains(e.Error, substr) {
		t.Errorf("error %q does not mention %q", e.Error, substr)
	}
}

// gate blocks lint goroutines until released, so tests can hold requests in flight.
type gate struct {
	entered chan struct{}
	release chan struct{}
}

func newGate() *gate { return &gate{entered: make(chan struct{}, 64), release: make(chan struct{})} }

func (g *gate) hook(s *Server) {
	s.beforeLint = func(context.Context) {
		g.entered <- struct{}{}
		<-g.release
	}
}

func (g *gate) waitEntered(t *testing.T) {
	t.Helper()
	select {
	case <-g.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("request never reached the linter")
	}
}

// async sends a request on its own goroutine; the result arrives on the channel.
type result struct {
	status int
	body   []byte
	err    error
}

func (ts *testServer) async(path, body string) <-chan result {
	out := make(chan result, 1)
	go func() {
		resp, err := client.Post(ts.url+path, "application/json", strings.NewReader(body))
		if err != nil {
			out <- result{err: err}
			return
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		out <- result{status: resp.StatusCode, body: data, err: err}
	}()
	return out
}

func waitResult(t *testing.T, ch <-chan result) result {
	t.Helper()
	select {
	case r := <-ch:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("request did not complete")
	}
	return result{}
}

// eventually polls cond for up to 5 seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting until %s", what)
}

const simpleCheck = `{"body": "The the talks resumed.", "rules": ["repeated-word"]}`

func TestHealthAndReady(t *testing.T) {
	ts := start(t, Options{})
	for _, path := range []string{"/healthz", "/readyz"} {
		resp, data := ts.call(t, http.MethodGet, path, "")
		if resp.StatusCode != http.StatusOK || !json.Valid(data) {
			t.Errorf("GET %s: %d %s", path, resp.StatusCode, data)
		}
		if resp, _ := ts.call(t, http.MethodHead, path, ""); resp.StatusCode != http.StatusOK {
			t.Errorf("HEAD %s: %d", path, resp.StatusCode)
		}
	}
}

func TestRulesList(t *testing.T) {
	cfg := &config.Config{Rules: map[string]rules.Setting{"repeated-word": {Severity: rules.Warning}}}
	ts := start(t, Options{Config: cfg})
	var got struct {
		Rules []struct {
			ID, Category, Summary string
			Severity              string
			Enabled               bool
		}
	}
	resp, data := ts.call(t, http.MethodGet, "/v1/rules", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%d %s", resp.StatusCode, data)
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range got.Rules {
		if r.ID == "repeated-word" {
			found = true
			if r.Category != "duplication" || r.Severity != "warning" || !r.Enabled || r.Summary == "" {
				t.Errorf("repeated-word listed as %+v; want the configured severity warning", r)
			}
		}
	}
	if !found || len(got.Rules) != len(rules.Builtin()) {
		t.Errorf("rules list %s", data)
	}

	off := start(t, Options{Config: &config.Config{Rules: map[string]rules.Setting{"repeated-word": {Disabled: true}}}})
	_, data = off.call(t, http.MethodGet, "/v1/rules", "")
	if !bytes.Contains(data, []byte(`"enabled":false`)) {
		t.Errorf("disabled rule not marked: %s", data)
	}
}

func TestNotFoundAndMethodNotAllowed(t *testing.T) {
	ts := start(t, Options{})
	resp, data := ts.call(t, http.MethodGet, "/v1/nope", "")
	wantError(t, resp, data, http.StatusNotFound, "/v1/nope")
	resp, data = ts.call(t, http.MethodGet, "/v1/check/", "")
	wantError(t, resp, data, http.StatusNotFound, "no such endpoint")

	for _, c := range []struct{ method, path, allow string }{
		{http.MethodGet, "/v1/check", "POST"},
		{http.MethodPut, "/v1/fix", "POST"},
		{http.MethodPost, "/v1/rules", "GET, HEAD"},
		{http.MethodDelete, "/healthz", "GET, HEAD"},
		{http.MethodPost, "/readyz", "GET, HEAD"},
	} {
		resp, data := ts.call(t, c.method, c.path, "")
		wantError(t, resp, data, http.StatusMethodNotAllowed, "not allowed")
		if got := resp.Header.Get("Allow"); got != c.allow {
			t.Errorf("%s %s: Allow %q, want %q", c.method, c.path, got, c.allow)
		}
	}
}

func TestBadRequests(t *testing.T) {
	ts := start(t, Options{})
	for _, c := range []struct{ name, body, want string }{
		{"truncated JSON", `{"body": "x"`, "malformed JSON: unexpected EOF"},
		{"syntax error", `{"body": x}`, "malformed JSON: invalid character 'x'"},
		{"wrong type", `{"body": 5}`, "cannot unmarshal number"},
		{"unknown field", `{"bdy": "x"}`, `unknown field "bdy"`},
		{"trailing data", `{"body": "x"} {}`, "unexpected data after"},
		{"not an object", `["x"]`, "malformed JSON"},
		{"unknown format", `{"body": "x", "format": "docx"}`, `format: unknown input format "docx"`},
		{"unknown rule", `{"body": "x", "rules": ["repeated-word", "no-such-rule"]}`, `unknown rule "no-such-rule"`},
		{"unknown offsets", `{"body": "x", "offsets": "utf-32"}`, `unknown offsets unit "utf-32"`},
		{"unknown fail_on", `{"body": "x", "fail_on": "fatal"}`, `fail_on: unknown severity "fatal"`},
		{"unknown against format", `{"body": "x", "against": [{"body": "y", "format": "pdf"}]}`, `against[0].format`},
		{"binary body", `{"body": "a\u0000b"}`, "title or body is not text: binary file (contains NUL bytes)"},
		{"binary against", `{"body": "x", "against": [{"body": "\u0000"}]}`, "against[0] is not text: binary"},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, path := range []string{"/v1/check", "/v1/fix"} {
				resp, data := ts.call(t, http.MethodPost, path, c.body)
				wantError(t, resp, data, http.StatusBadRequest, c.want)
			}
		})
	}
	resp, data := ts.call(t, http.MethodPost, "/v1/check", "")
	wantError(t, resp, data, http.StatusBadRequest, "empty request body")
	// "unsafe" belongs to /v1/fix only.
	resp, data = ts.call(t, http.MethodPost, "/v1/check", `{"body": "x", "unsafe": true}`)
	wantError(t, resp, data, http.StatusBadRequest, `unknown field "unsafe"`)
}

func TestAuth(t *testing.T) {
	ts := start(t, Options{Tokens: []string{"alpha-token", "beta-token"}})
	resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck)
	wantError(t, resp, data, http.StatusUnauthorized, "missing bearer token")
	if got := resp.Header.Get("WWW-Authenticate"); got != `Bearer realm="copydesk"` {
		t.Errorf("WWW-Authenticate %q", got)
	}
	for _, h := range []string{"Bearer wrong", "Bearer alpha-toke", "Bearer alpha-token2", "Basic YWxwaGE6eA==", "Bearer "} {
		resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck, "Authorization", h)
		wantError(t, resp, data, http.StatusUnauthorized, "bearer token")
		if got := resp.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, `Bearer realm="copydesk"`) {
			t.Errorf("%q: WWW-Authenticate %q", h, got)
		}
	}
	if resp, _ := ts.call(t, http.MethodPost, "/v1/check", simpleCheck, "Authorization", "Bearer wrong"); !strings.Contains(resp.Header.Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Errorf("wrong token: WWW-Authenticate %q lacks invalid_token", resp.Header.Get("WWW-Authenticate"))
	}
	for _, h := range []string{"Bearer alpha-token", "bearer beta-token"} {
		resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck, "Authorization", h)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%q: %d %s", h, resp.StatusCode, data)
		}
	}
	if resp, _ := ts.call(t, http.MethodGet, "/v1/rules", "", "Authorization", "Bearer beta-token"); resp.StatusCode != http.StatusOK {
		t.Errorf("rules with token: %d", resp.StatusCode)
	}
	// Every API path needs the token, even one that does not exist; health checks never do.
	for _, path := range []string{"/v1/rules", "/v1/fix", "/nope"} {
		if resp, _ := ts.call(t, http.MethodGet, path, ""); resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("GET %s without token: %d", path, resp.StatusCode)
		}
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if resp, _ := ts.call(t, http.MethodGet, path, ""); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s without token: %d", path, resp.StatusCode)
		}
	}
}

func TestNewRejectsBadOptions(t *testing.T) {
	for _, o := range []Options{{MaxBody: -1}, {Timeout: -1}, {MaxConcurrent: -1}, {ShutdownGrace: -1}, {ShutdownDelay: -1}} {
		if _, err := New(o); err == nil {
			t.Errorf("New(%+v) did not fail", o)
		}
	}
	bad := &config.Config{Rules: map[string]rules.Setting{"repeated-word": {Options: rules.Options{"x": 1}}}}
	if _, err := New(Options{Config: bad}); err == nil {
		t.Error("a rule given options it does not take was accepted")
	}
}

// TestGracefulShutdown: once shutdown begins /readyz answers 503 (during the shutdown delay, so a load
// balancer can see it), then the listener closes, and a request already in flight still completes.
func TestGracefulShutdown(t *testing.T) {
	g := newGate()
	ts := start(t, Options{ShutdownDelay: 300 * time.Millisecond}, g.hook)
	if resp, _ := ts.call(t, http.MethodGet, "/readyz", ""); resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz before shutdown: %d", resp.StatusCode)
	}
	inflight := ts.async("/v1/check", simpleCheck)
	g.waitEntered(t)

	ts.cancel()
	eventually(t, "the server reports not ready", func() bool { return !ts.Ready() })
	resp, data := ts.call(t, http.MethodGet, "/readyz", "")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz during shutdown: %d %s", resp.StatusCode, data)
	}
	if resp, _ := ts.call(t, http.MethodGet, "/healthz", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("healthz during shutdown: %d", resp.StatusCode)
	}

	eventually(t, "the listener closes", func() bool {
		c, err := net.DialTimeout("tcp", ts.addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err != nil
	})
	select {
	case err := <-ts.done:
		t.Fatalf("Serve returned %v with a request in flight", err)
	default:
	}
	close(g.release)
	r := waitResult(t, inflight)
	if r.err != nil || r.status != http.StatusOK || !bytes.Contains(r.body, []byte(`"repeated-word"`)) {
		t.Fatalf("in-flight request: %v %d %s", r.err, r.status, r.body)
	}
	select {
	case err := <-ts.done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
		ts.done <- err // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after the last request finished")
	}
}

// TestShutdownGraceExpires: a request that outlives the grace period is cut off and Serve says so.
func TestShutdownGraceExpires(t *testing.T) {
	g := newGate()
	defer close(g.release)
	ts := start(t, Options{ShutdownGrace: 100 * time.Millisecond}, g.hook)
	inflight := ts.async("/v1/check", simpleCheck)
	g.waitEntered(t)
	ts.cancel()
	select {
	case err := <-ts.done:
		if err == nil || !strings.Contains(err.Error(), "grace period") {
			t.Errorf("Serve: %v", err)
		}
		ts.done <- err
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not give up after the grace period")
	}
	if r := waitResult(t, inflight); r.err == nil {
		t.Errorf("cut-off request got a response: %d %s", r.status, r.body)
	}
}

func TestServeReportsListenerFailure(t *testing.T) {
	s, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln.Close()
	if err := s.Serve(context.Background(), ln); err == nil || errors.Is(err, http.ErrServerClosed) {
		t.Errorf("Serve on a closed listener: %v", err)
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	s, err := New(Options{Timeout: 3 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	hs := s.HTTPServer()
	if hs.ReadHeaderTimeout <= 0 || hs.ReadTimeout <= 0 || hs.IdleTimeout <= 0 || hs.MaxHeaderBytes <= 0 {
		t.Errorf("connection limits not set: %+v", hs)
	}
	if hs.WriteTimeout <= 3*time.Second {
		t.Errorf("WriteTimeout %v does not leave room for the 3s lint timeout", hs.WriteTimeout)
	}
}

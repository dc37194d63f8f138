package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseTokens(t *testing.T) {
	got, err := ParseTokens([]byte("# CMS hooks\nalpha\n\n  beta  \r\n# rotated 2026-01\ngamma"))
	if err != nil || strings.Join(got, ",") != "alpha,beta,gamma" {
		t.Errorf("ParseTokens = %q, %v", got, err)
	}
	for _, bad := range []string{"", "\n# only a comment\n", "two words\n"} {
		if _, err := ParseTokens([]byte(bad)); err == nil {
			t.Errorf("ParseTokens(%q) did not fail", bad)
		}
	}
}

func TestBodyTooLarge(t *testing.T) {
	ts := start(t, Options{MaxBody: 64})
	big := `{"body": "` + strings.Repeat("word ", 40) + `"}`
	for _, path := range []string{"/v1/check", "/v1/fix"} {
		resp, data := ts.call(t, http.MethodPost, path, big)
		wantError(t, resp, data, http.StatusRequestEntityTooLarge, "64-byte limit")
	}
	// Without a Content-Length (chunked), the limit is met while reading.
	req, _ := http.NewRequest(http.MethodPost, ts.url+"/v1/check", io.MultiReader(strings.NewReader(big)))
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if req.ContentLength != 0 {
		t.Fatal("request was not chunked")
	}
	wantError(t, resp, data, http.StatusRequestEntityTooLarge, "64-byte limit")
	// Under the limit is fine.
	if resp, data := ts.call(t, http.MethodPost, "/v1/check", `{"body": "The the talks."}`); resp.StatusCode != http.StatusOK {
		t.Errorf("small body: %d %s", resp.StatusCode, data)
	}
}

// TestSaturated: with one slot held by a request in flight, the next is turned away at once with 503 and
// Retry-After, while the endpoints that do not lint still answer.
func TestSaturated(t *testing.T) {
	g := newGate()
	ts := start(t, Options{MaxConcurrent: 1}, g.hook)
	first := ts.async("/v1/check", simpleCheck)
	g.waitEntered(t)

	began := time.Now()
	resp, data := ts.call(t, http.MethodPost, "/v1/fix", simpleCheck)
	wantError(t, resp, data, http.StatusServiceUnavailable, "busy")
	if got := resp.Header.Get("Retry-After"); got != "1" {
		t.Errorf("Retry-After %q", got)
	}
	if waited := time.Since(began); waited > 2*time.Second {
		t.Errorf("a saturated server made the client wait %v", waited)
	}
	for _, path := range []string{"/healthz", "/readyz", "/v1/rules"} {
		if resp, _ := ts.call(t, http.MethodGet, path, ""); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s while saturated: %d", path, resp.StatusCode)
		}
	}

	close(g.release)
	if r := waitResult(t, first); r.err != nil || r.status != http.StatusOK {
		t.Fatalf("held request: %v %d %s", r.err, r.status, r.body)
	}
	if resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck); resp.StatusCode != http.StatusOK {
		t.Errorf("after the slot was freed: %d %s", resp.StatusCode, data)
	}
}

// TestTimeout: a lint that runs past the timeout gets a 503, and keeps its concurrency slot until it
// really stops, so runaway lints cannot pile up beyond the limit.
func TestTimeout(t *testing.T) {
	g := newGate()
	ts := start(t, Options{Timeout: 50 * time.Millisecond, MaxConcurrent: 1}, g.hook)
	resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck)
	wantError(t, resp, data, http.StatusServiceUnavailable, "longer than the 50ms limit")
	g.waitEntered(t)

	resp, data = ts.call(t, http.MethodPost, "/v1/check", simpleCheck)
	wantError(t, resp, data, http.StatusServiceUnavailable, "busy")

	close(g.release)
	eventually(t, "the slot is free again", func() bool {
		resp, _ := ts.call(t, http.MethodPost, "/v1/check", simpleCheck)
		return resp.StatusCode == http.StatusOK
	})
}

func TestPanicIsA500(t *testing.T) {
	var logs syncBuffer
	ts := start(t, Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}, func(s *Server) {
		s.beforeLint = func(ctx context.Context) {
			if strings.Contains(ctx.Value(testBodyKey{}).(string), "boom") {
				panic("rule bug")
			}
		}
	}, withBodyInContext)
	resp, data := ts.call(t, http.MethodPost, "/v1/check", `{"body": "boom"}`)
	wantError(t, resp, data, http.StatusInternalServerError, "internal error")
	if resp, data := ts.call(t, http.MethodPost, "/v1/check", simpleCheck); resp.StatusCode != http.StatusOK {
		t.Errorf("server did not survive the panic: %d %s", resp.StatusCode, data)
	}
	if !strings.Contains(logs.String(), "rule bug") {
		t.Errorf("panic not logged: %s", logs.String())
	}
}

// testBodyKey carries the raw body to the panic test's hook.
type testBodyKey struct{}

func withBodyInContext(s *Server) {
	inner := s.handler
	s.handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(data))
		inner.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), testBodyKey{}, string(data))))
	})
}

// syncBuffer is a bytes.Buffer safe to write from the server while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestAccessLog(t *testing.T) {
	var logs syncBuffer
	ts := start(t, Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Tokens: []string{"s3cret-token"}})
	ts.call(t, http.MethodPost, "/v1/check?draft=EMBARGOED-QUERY", `{"body": "EMBARGOED copy, the the minister."}`, "Authorization", "Bearer s3cret-token")
	ts.call(t, http.MethodGet, "/v1/check", "", "Authorization", "Bearer s3cret-token")
	ts.call(t, http.MethodGet, "/v1/rules", "")
	ts.call(t, http.MethodGet, "/healthz", "") // a healthy probe is logged at debug level, so not here

	var entries []map[string]any
	eventually(t, "three access log lines", func() bool {
		entries = entries[:0]
		for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
			var e map[string]any
			if json.Unmarshal([]byte(line), &e) == nil && e["msg"] == "request" {
				entries = append(entries, e)
			}
		}
		return len(entries) == 3
	})
	want := []struct {
		method, path string
		status       float64
	}{{"POST", "/v1/check", 200}, {"GET", "/v1/check", 405}, {"GET", "/v1/rules", 401}}
	for i, e := range entries {
		if e["method"] != want[i].method || e["path"] != want[i].path || e["status"] != want[i].status {
			t.Errorf("entry %d: %v", i, e)
		}
		for _, k := range []string{"bytes", "duration_ms", "remote"} {
			if _, ok := e[k]; !ok {
				t.Errorf("entry %d lacks %s: %v", i, k, e)
			}
		}
		if b, _ := e["bytes"].(float64); b <= 0 {
			t.Errorf("entry %d: bytes %v", i, e["bytes"])
		}
	}
	for _, secret := range []string{"EMBARGOED", "s3cret-token", "the the"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("the log contains %q:\n%s", secret, logs.String())
		}
	}
}

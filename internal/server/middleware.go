package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// ParseTokens reads a token file: one bearer token a line; blank lines and lines starting with # are
// ignored. A file with no token is an error, so a mistyped path cannot silently turn authentication off.
func ParseTokens(data []byte) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.ContainsAny(line, " \t") {
			return nil, fmt.Errorf("token file line %d: a token cannot contain white space", n)
		}
		out = append(out, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("token file: %w", err)
	}
	if len(out) == 0 {
		return nil, errors.New("token file holds no token")
	}
	return out, nil
}

// authorized checks the request's bearer token against every configured one. Tokens are compared as
// SHA-256 digests with subtle.ConstantTimeCompare, and every token is tried, so neither the time taken nor
// its length tells an attacker how close a guess was.
func (s *Server) authorized(r *http.Request) (ok, presented bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, found := strings.Cut(h, " ")
	if !found || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
		return false, h != ""
	}
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	match := 0
	for _, want := range s.tokens {
		match |= subtle.ConstantTimeCompare(got[:], want[:])
	}
	return match == 1, true
}

// requireToken answers 401 unless the request carries one of the configured tokens. With no tokens
// configured it lets everything through.
func (s *Server) requireToken(next http.Handler) http.Handler {
	if len(s.tokens) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, presented := s.authorized(r)
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		// RFC 6750: no error code when the client sent no credentials, invalid_token when they were wrong.
		challenge := `Bearer realm="copydesk"`
		msg := "missing bearer token (send Authorization: Bearer TOKEN)"
		if presented {
			challenge += `, error="invalid_token"`
			msg = "invalid bearer token"
		}
		w.Header().Set("WWW-Authenticate", challenge)
		writeError(w, http.StatusUnauthorized, msg)
	})
}

// limitBody refuses a request body larger than max with 413: at once when Content-Length says so, and
// otherwise when reading passes the limit (the decoder then sees an *http.MaxBytesError).
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > s.opts.MaxBody {
			writeError(w, http.StatusRequestEntityTooLarge, tooLarge(s.opts.MaxBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		next.ServeHTTP(w, r)
	})
}

// readBody reads the whole request body before the request may take a lint slot, so that a client
// sending its body slowly ties up only its own connection (until ReadTimeout cuts it off), never one of
// the MaxConcurrent slots that other requests need. It answers 413 past the body limit and 400 for a
// body that is not UTF-8: encoding/json would quietly turn bad bytes into U+FFFD, and /v1/fix would then
// hand back a story with characters replaced.
func (s *Server) readBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		buf := bytes.NewBuffer(make([]byte, 0, min(max(r.ContentLength, 0), s.opts.MaxBody)+1))
		_, err := buf.ReadFrom(r.Body)
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			writeError(w, http.StatusRequestEntityTooLarge, tooLarge(s.opts.MaxBody))
			return
		case err != nil:
			// Most often the read deadline: the connection is closed and this answer is for the log.
			writeError(w, http.StatusBadRequest, "reading the request body failed")
			return
		case !utf8.Valid(buf.Bytes()):
			writeError(w, http.StatusBadRequest, "malformed JSON: the request body is not valid UTF-8")
			return
		}
		r.Body = io.NopCloser(buf)
		next.ServeHTTP(w, r)
	})
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("request body is over the %d-byte limit", limit)
}

// queueWait is how long a request waits for a free slot before it is turned away. Long enough to smooth
// over a burst, short enough that a saturated server sheds load instead of queueing it.
const queueWait = 5 * time.Millisecond

// slot is one unit of the concurrency limit. It is held by the handler and, once started, by the lint
// goroutine; it goes back to the pool when both are done, so a lint that outlives its request's timeout
// still counts against the limit until it really stops.
type slot struct {
	sem  chan struct{}
	refs atomic.Int32
}

func (sl *slot) hold() { sl.refs.Add(1) }

func (sl *slot) release() {
	if sl.refs.Add(-1) == 0 {
		<-sl.sem
	}
}

type slotKey struct{}

// limitConcurrency admits at most cap(s.sem) requests at once. When every slot is taken it waits
// queueWait for one, then answers 503 with Retry-After rather than queueing without bound.
func (s *Server) limitConcurrency(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.sem <- struct{}{}:
		default:
			t := time.NewTimer(queueWait)
			select {
			case s.sem <- struct{}{}:
				t.Stop()
			case <-t.C:
				w.Header().Set("Retry-After", "1")
				writeError(w, http.StatusServiceUnavailable, "server busy: too many requests in progress; retry shortly")
				return
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		sl := &slot{sem: s.sem}
		sl.hold()
		defer sl.release()
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), slotKey{}, sl)))
	})
}

// errPanic marks a lint that panicked; the request gets a 500 and the server keeps running.
var errPanic = errors.New("internal error while linting")

// runBounded runs work on its own goroutine under a deadline of timeout and returns its result, or
// ctx's error as soon as the deadline passes or the client goes away. The goroutine keeps the request's
// concurrency slot until it finishes. A panic in work is recovered and logged: net/http only recovers
// panics on the handler's own goroutine, and one bad document must not take the server down.
func runBounded[T any](s *Server, ctx context.Context, timeout time.Duration, work func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	sl, _ := ctx.Value(slotKey{}).(*slot)
	if sl != nil {
		sl.hold()
	}
	go func() {
		var res result
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic while linting", "panic", fmt.Sprint(p))
				res = result{err: errPanic}
			}
			done <- res
			if sl != nil {
				sl.release()
			}
		}()
		if s.beforeLint != nil {
			s.beforeLint(ctx)
		}
		res.v, res.err = work(ctx)
	}()
	select {
	case res := <-done:
		return res.v, res.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// recorder notes the status and size of a response for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rec *recorder) WriteHeader(code int) {
	if rec.status == 0 {
		rec.status = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(b []byte) (int, error) {
	if rec.status == 0 {
		rec.status = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(b)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// accessLog writes one structured line per request. It never logs the body, the query string or any
// header: copy under embargo and tokens stay out of the logs.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		switch {
		case rec.status != 0:
		case r.Context().Err() != nil:
			rec.status = statusClientClosed // nothing was written: the client went away first
		default:
			rec.status = http.StatusOK
		}
		// Successful health probes arrive every few seconds from an orchestrator; keep them at debug level.
		level := slog.LevelInfo
		if (r.URL.Path == "/healthz" || r.URL.Path == "/readyz") && rec.status == http.StatusOK {
			level = slog.LevelDebug
		}
		s.log.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

package server

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/copydesk/copydesk/rules"
)

// The tests here hold the server to its promises under load and abuse: only the designed 503s when it is
// saturated, no goroutine or memory growth, and abusive clients (oversized or malformed bodies, wrong
// tokens, slowloris headers, bodies sent slowly) refused with the right status without disturbing the
// good requests running beside them. TestSoak runs for COPYDESK_SOAK (e.g. COPYDESK_SOAK=60s), or 2s.

// sampleStory is a real story (4 KB) repeated n times, as a /v1/check request.
func sampleStory(t *testing.T, n int) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/spun-reuters-blinken-wang.txt")
	if err != nil {
		t.Fatal(err)
	}
	body, err := json.Marshal(map[string]string{"title": "Blinken meets Wang", "body": strings.Repeat(string(data)+"\n\n", n)})
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// memStats returns the goroutine count and the live heap after a full collection.
func memStats() (goroutines int, heap uint64) {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return runtime.NumGoroutine(), m.HeapAlloc
}

// settle waits for the goroutine count to fall back to at most base+slack (connections and their
// goroutines close a little after the last response) and returns the final figures.
func settle(t *testing.T, base, slack int) (int, uint64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		g, h := memStats()
		if g <= base+slack || time.Now().After(deadline) {
			return g, h
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// loadClient is an HTTP client for load: enough idle connections that requests reuse them.
func loadClient() *http.Client {
	return &http.Client{
		Timeout:   15 * time.Second,
		Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: 30 * time.Second},
	}
}

// send posts body with an optional bearer token and returns the status, or an error.
func send(c *http.Client, url, token, body string) (int, error) {
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return 0, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return resp.StatusCode, err
	}
	return resp.StatusCode, nil
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(p*float64(len(sorted))))]
}

// TestSoak offers the server requests at a fixed rate far above what its concurrency limit lets it lint,
// for COPYDESK_SOAK (default 2s), and checks that every answer is a 200 or the designed 503, and that
// goroutines and the heap come back to where they were.
func TestSoak(t *testing.T) {
	dur := 2 * time.Second
	if v := os.Getenv("COPYDESK_SOAK"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("COPYDESK_SOAK=%q: %v", v, err)
		}
		dur = d
	}
	const (
		rate        = 1000 // requests a second, open loop
		maxInFlight = 512  // client-side bound on requests outstanding
		limit       = 4    // the server's MaxConcurrent
	)
	ts := start(t, Options{MaxConcurrent: limit, Tokens: []string{"soak-token"}})
	body := sampleStory(t, 8) // about 10 ms of linting: the server can answer far fewer than are offered
	c := loadClient()
	url := ts.url + "/v1/check"
	if code, err := send(c, url, "soak-token", body); err != nil || code != http.StatusOK {
		t.Fatalf("warm-up: %d %v", code, err)
	}
	c.CloseIdleConnections()
	g0, h0 := settle(t, 0, 1<<20) // measure the baseline once the warm-up is over

	var (
		mu        sync.Mutex
		latencies []time.Duration // of every answered request
		okLat     []time.Duration // of the 200s
		statuses  = map[int]int{}
		errs      = map[string]int{}
		sent      int
		dropped   atomic.Int64 // not sent: the client's in-flight bound was reached
		wg        sync.WaitGroup
	)
	inFlight := make(chan struct{}, maxInFlight)
	soakOne := func() {
		defer wg.Done()
		defer func() { <-inFlight }()
		t0 := time.Now()
		code, err := send(c, url, "soak-token", body)
		d := time.Since(t0)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs[err.Error()]++
			return
		}
		statuses[code]++
		latencies = append(latencies, d)
		if code == http.StatusOK {
			okLat = append(okLat, d)
		}
	}
	// Every 10 ms, send what is due by then: a busy machine cannot keep a 1 ms ticker, and would offer
	// less than the rate asked.
	tick := time.NewTicker(10 * time.Millisecond)
	began := time.Now()
	for time.Since(began) < dur {
		<-tick.C
		for due := int(time.Since(began).Seconds() * rate); sent+int(dropped.Load()) < due; {
			select {
			case inFlight <- struct{}{}:
			default:
				dropped.Add(1)
				continue
			}
			sent++
			wg.Add(1)
			go soakOne()
		}
	}
	tick.Stop()
	wg.Wait()
	elapsed := time.Since(began)
	c.CloseIdleConnections()
	g1, h1 := settle(t, g0, 2)

	slices.Sort(latencies)
	slices.Sort(okLat)
	total := len(latencies)
	t.Logf("soak: %s, MaxConcurrent %d: %d requests sent (%.0f/s; target %d/s), %d answered, %d ok, %d 503, other %v, errors %v, %d not sent (client bound)",
		elapsed.Round(time.Millisecond), limit, sent, float64(sent)/elapsed.Seconds(), rate, total,
		statuses[http.StatusOK], statuses[http.StatusServiceUnavailable], otherStatuses(statuses), errs, dropped.Load())
	t.Logf("soak: latency p50 %v, p90 %v, p99 %v, max %v", percentile(latencies, .50).Round(time.Microsecond),
		percentile(latencies, .90).Round(time.Microsecond), percentile(latencies, .99).Round(time.Microsecond),
		percentile(latencies, 1).Round(time.Microsecond))
	t.Logf("soak: latency of the 200s p50 %v, p99 %v", percentile(okLat, .50).Round(time.Microsecond), percentile(okLat, .99).Round(time.Microsecond))
	t.Logf("soak: goroutines %d before, %d after; heap %.1f MiB before, %.1f MiB after",
		g0, g1, float64(h0)/(1<<20), float64(h1)/(1<<20))

	if len(errs) > 0 || len(otherStatuses(statuses)) > 0 {
		t.Errorf("answers other than 200 and 503: statuses %v, errors %v", statuses, errs)
	}
	if statuses[http.StatusOK] == 0 {
		t.Error("no request succeeded")
	}
	if g1 > g0+2 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
	if h1 > h0+32<<20 {
		t.Errorf("live heap grew from %d to %d bytes", h0, h1)
	}
}

func otherStatuses(m map[int]int) map[int]int {
	out := map[int]int{}
	for code, n := range m {
		if code != http.StatusOK && code != http.StatusServiceUnavailable {
			out[code] = n
		}
	}
	return out
}

// rawRequest is the head of a POST /v1/check with a body of n bytes.
func rawRequest(host, token string, n int) string {
	return fmt.Sprintf("POST /v1/check HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", host, token, n)
}

// dribble opens a connection and dribbles data on it (dribbleConn).
func dribble(addr string, data string, gap time.Duration) (time.Duration, string, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return 0, "", err
	}
	defer conn.Close()
	took, reply := dribbleConn(conn, data, gap)
	return took, reply, nil
}

// TestAbuseLeavesGoodRequestsAlone runs a steady stream of good requests while other clients send
// oversized, malformed and unauthenticated requests, dribble their headers (slowloris) and send their
// bodies too slowly, more of them at once than the concurrency limit. Every abusive request gets its
// refusal; every good request succeeds; nothing is left running afterwards.
func TestAbuseLeavesGoodRequestsAlone(t *testing.T) {
	const token = "good-token"
	ts := start(t, Options{Tokens: []string{token}, MaxBody: 16 << 10, MaxConcurrent: 4}, func(s *Server) {
		s.readHeaderTimeout = 300 * time.Millisecond
		s.readTimeout = time.Second
	})
	good := sampleStory(t, 1)
	c := loadClient()
	url := ts.url + "/v1/check"
	if code, err := send(c, url, token, good); err != nil || code != http.StatusOK {
		t.Fatalf("warm-up: %d %v", code, err)
	}
	c.CloseIdleConnections()
	g0, _ := settle(t, 0, 1<<20)

	// The good clients: two, one request after another, so they alone never fill the four slots.
	stop := make(chan struct{})
	var goodOK, goodBad atomic.Int64
	var goodErrs sync.Map
	var goodWG sync.WaitGroup
	for range 2 {
		goodWG.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				code, err := send(c, url, token, good)
				if err == nil && code == http.StatusOK {
					goodOK.Add(1)
					continue
				}
				goodBad.Add(1)
				goodErrs.Store(fmt.Sprintf("%d %v", code, err), true)
			}
		})
	}

	var abuse sync.WaitGroup
	expect := func(what string, want int, token, body string) {
		abuse.Go(func() {
			for range 20 {
				if code, err := send(c, url, token, body); err != nil || code != want {
					t.Errorf("%s: got %d %v, want %d", what, code, err, want)
					return
				}
			}
		})
	}
	expect("oversized body", http.StatusRequestEntityTooLarge, token, `{"body": "`+strings.Repeat("x", 20<<10)+`"}`)
	expect("malformed JSON", http.StatusBadRequest, token, `{"body": "unterminated`)
	expect("unknown field", http.StatusBadRequest, token, `{"body": "x", "path": "/etc/passwd"}`)
	expect("not UTF-8", http.StatusBadRequest, token, "{\"body\": \"caf\xe9\"}")
	expect("wrong token", http.StatusUnauthorized, "guess", good)
	expect("no token", http.StatusUnauthorized, "", good)
	// Slowloris: headers a byte at a time. The server hangs up once ReadHeaderTimeout has passed.
	for range 8 {
		abuse.Go(func() {
			took, reply, err := dribble(ts.addr, rawRequest(ts.addr, token, 2), 50*time.Millisecond)
			if err != nil || took > 3*time.Second || strings.Contains(reply, " 200 ") {
				t.Errorf("slowloris headers: held %v, reply %q, %v", took, reply, err)
			}
		})
	}
	// Bodies sent slowly, by more clients than there are slots: each is cut off at ReadTimeout, and
	// none of them holds a slot that the good clients need meanwhile.
	for range 8 {
		abuse.Go(func() {
			body := `{"body": "` + strings.Repeat("slow ", 40) + `"}`
			head := rawRequest(ts.addr, token, len(body))
			conn, err := net.Dial("tcp", ts.addr)
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			if _, err := io.WriteString(conn, head+body[:5]); err != nil {
				t.Error(err)
				return
			}
			took, reply := dribbleConn(conn, body[5:], 50*time.Millisecond)
			if took > 4*time.Second || strings.Contains(reply, " 200 ") {
				t.Errorf("slow body: held %v, reply %q", took, reply)
			}
		})
	}
	abuse.Wait()
	close(stop)
	goodWG.Wait()
	c.CloseIdleConnections()
	g1, _ := settle(t, g0, 2)

	t.Logf("good requests during the abuse: %d ok, %d failed; goroutines %d before, %d after", goodOK.Load(), goodBad.Load(), g0, g1)
	if goodBad.Load() > 0 {
		var failures []string
		goodErrs.Range(func(k, _ any) bool { failures = append(failures, k.(string)); return true })
		t.Errorf("%d good requests failed while the abuse ran: %v", goodBad.Load(), failures)
	}
	if goodOK.Load() == 0 {
		t.Error("no good request completed")
	}
	if g1 > g0+2 {
		t.Errorf("goroutines grew from %d to %d", g0, g1)
	}
}

// dribbleConn writes data a byte at a time every gap until it is all sent or the server closes the
// connection; it returns how long the server let it go on, and what the server answered.
func dribbleConn(conn net.Conn, data string, gap time.Duration) (time.Duration, string) {
	began := time.Now()
	answered := make(chan string, 1)
	go func() {
		_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		reply, _ := io.ReadAll(conn)
		answered <- string(reply)
	}()
	for i := 0; i < len(data); i++ {
		if _, err := conn.Write([]byte{data[i]}); err != nil {
			break
		}
		select {
		case reply := <-answered:
			return time.Since(began), reply
		case <-time.After(gap):
		}
	}
	return time.Since(began), <-answered
}

// panicRule is a deliberately broken rule: it panics on any document that mentions "boom".
type panicRule struct{}

func (panicRule) Meta() rules.Meta {
	return rules.Meta{ID: "test-boom", Category: "test", Severity: rules.Error, Summary: "panics on boom"}
}

func (panicRule) Check(p *rules.Pass) {
	if strings.Contains(p.Doc.Text, "boom") {
		var spans []int
		_ = spans[len(p.Doc.Text)]
	}
}

// TestPanickingRuleIsA500NamingTheRule: a rule that panics costs its request a 500, the log names the
// rule, and the next request is served.
func TestPanickingRuleIsA500NamingTheRule(t *testing.T) {
	var logs syncBuffer
	ts := start(t, Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil))}, func(s *Server) {
		s.engine = s.engine.With(panicRule{})
	})
	resp, data := ts.call(t, http.MethodPost, "/v1/check", `{"body": "The boom."}`)
	wantError(t, resp, data, http.StatusInternalServerError, "internal error")
	if !strings.Contains(logs.String(), "rule test-boom crashed") {
		t.Errorf("the log does not name the rule: %s", logs.String())
	}
	if resp, data := ts.call(t, http.MethodPost, "/v1/check", `{"body": "The the talks."}`); resp.StatusCode != http.StatusOK {
		t.Errorf("after the panic: %d %s", resp.StatusCode, data)
	}
}

// Command loadgen sends POST requests to a copydesk server at a fixed rate and reports the latency
// distribution. It is an open-loop generator: request i is due at start + i/rate and its latency is
// measured from that due time, so a slow server cannot slow the generator down and hide its own queueing
// (coordinated omission). The run is bounded by -n requests and -duration, whichever comes first.
//
//	go run ./bench/loadgen -url http://127.0.0.1:8080/v1/check -rate 200 -duration 10s -story story.txt
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	url := flag.String("url", "http://127.0.0.1:8080/v1/check", "`URL` to POST to")
	bodyPath := flag.String("body", "", "`FILE` holding the request body (JSON)")
	storyPath := flag.String("story", "", "plain-text story `FILE` (headline, blank line, body) to send as a /v1/check request, instead of -body")
	rate := flag.Float64("rate", 200, "requests per second")
	n := flag.Int("n", 100000, "stop after `N` requests")
	duration := flag.Duration("duration", 10*time.Second, "stop sending after this long")
	warmup := flag.Int("warmup", 50, "requests sent first, one at a time, and left out of the figures")
	timeout := flag.Duration("timeout", 5*time.Second, "give up on a request after this long")
	token := flag.String("token", "", "bearer `TOKEN`, if the server wants one")
	flag.Parse()
	if (*bodyPath == "") == (*storyPath == "") || *rate <= 0 {
		fmt.Fprintln(os.Stderr, "loadgen: one of -body and -story, and a positive -rate, are required")
		os.Exit(2)
	}
	body, err := requestBody(*bodyPath, *storyPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	client := &http.Client{
		Timeout:   *timeout,
		Transport: &http.Transport{MaxIdleConns: 1024, MaxIdleConnsPerHost: 1024, DisableCompression: true},
	}
	send := func() (int, error) {
		req, err := http.NewRequest(http.MethodPost, *url, bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/json")
		if *token != "" {
			req.Header.Set("Authorization", "Bearer "+*token)
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close() //nolint:errcheck // read to the end; nothing to lose
		_, err = io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, err
	}
	for range *warmup {
		if _, err := send(); err != nil {
			fmt.Fprintln(os.Stderr, "loadgen: warm-up:", err)
			os.Exit(1)
		}
	}

	interval := time.Duration(float64(time.Second) / *rate)
	var (
		mu        sync.Mutex
		latencies []time.Duration
		failed    = map[string]int{}
		wg        sync.WaitGroup
	)
	start := time.Now()
	sent := 0
	for ; sent < *n; sent++ {
		due := start.Add(time.Duration(sent) * interval)
		if due.Sub(start) >= *duration {
			break
		}
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func(due time.Time) {
			defer wg.Done()
			code, err := send()
			lat := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				failed[err.Error()]++
			case code != http.StatusOK:
				failed[fmt.Sprintf("HTTP %d", code)]++
			default:
				latencies = append(latencies, lat)
			}
		}(due)
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(latencies)
	pct := func(p float64) time.Duration {
		if len(latencies) == 0 {
			return 0
		}
		return latencies[min(len(latencies)-1, int(p/100*float64(len(latencies))))]
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
	fmt.Printf("requests %d in %.1fs (target %.0f/s, achieved %.1f/s), ok %d, failed %d\n",
		sent, elapsed.Seconds(), *rate, float64(sent)/elapsed.Seconds(), len(latencies), sent-len(latencies))
	fmt.Printf("latency p50 %s  p90 %s  p99 %s  max %s\n", ms(pct(50)), ms(pct(90)), ms(pct(99)), ms(pct(100)))
	for msg, c := range failed {
		fmt.Printf("failed %d: %s\n", c, msg)
	}
	if sent > len(latencies) {
		os.Exit(1)
	}
}

// requestBody reads the body file, or makes a /v1/check request of a plain-text story.
func requestBody(bodyPath, storyPath string) ([]byte, error) {
	if bodyPath != "" {
		return os.ReadFile(bodyPath)
	}
	text, err := os.ReadFile(storyPath)
	if err != nil {
		return nil, err
	}
	title, body, _ := strings.Cut(string(text), "\n\n")
	return json.Marshal(map[string]string{"title": strings.TrimSpace(title), "body": body, "format": "text"})
}

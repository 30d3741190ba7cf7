package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// buckets are the upper bounds of the latency histogram, in seconds.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests, latencies, documents and errors, and writes them
// in the Prometheus text exposition format (version 0.0.4).
type metrics struct {
	docs       atomic.Int64 // documents analysed
	lineErrors atomic.Int64 // batch lines answered with an error
	inFlight   atomic.Int64

	mu       sync.Mutex
	paths    []string                 // known path labels, sorted, "other" last
	requests map[string]map[int]int64 // path → code → count
	hist     map[string]*histogram    // path → latencies
	reqErrs  int64                    // responses with status ≥ 400

	started time.Time // for kenner_uptime_seconds
}

type histogram struct {
	counts []int64 // per bucket, not cumulative; last is +Inf
	sum    float64
	n      int64
}

func newMetrics(paths []string) *metrics {
	m := &metrics{
		requests: map[string]map[int]int64{},
		hist:     map[string]*histogram{},
		started:  time.Now(),
	}
	m.paths = append(m.paths, paths...)
	slices.Sort(m.paths)
	m.paths = append(m.paths, "other")
	for _, p := range m.paths {
		m.requests[p] = map[int]int64{}
		m.hist[p] = &histogram{counts: make([]int64, len(buckets)+1)}
	}
	return m
}

// observe records one answered request; path is a known path or "other".
func (m *metrics) observe(path string, code int, d time.Duration) {
	sec := d.Seconds()
	i, _ := slices.BinarySearch(buckets, sec)
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.requests[path] == nil {
		path = "other"
	}
	m.requests[path][code]++
	h := m.hist[path]
	h.counts[i]++
	h.sum += sec
	h.n++
	if code >= 400 {
		m.reqErrs++
	}
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	fmt.Fprintln(w, "# HELP kenner_http_requests_total HTTP requests answered, by path and status code.")
	fmt.Fprintln(w, "# TYPE kenner_http_requests_total counter")
	for _, p := range m.paths {
		codes := make([]int, 0, len(m.requests[p]))
		for c := range m.requests[p] {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		for _, c := range codes {
			fmt.Fprintf(w, "kenner_http_requests_total{path=%q,code=\"%d\"} %d\n", p, c, m.requests[p][c])
		}
	}
	fmt.Fprintln(w, "# HELP kenner_http_request_duration_seconds Time to answer an HTTP request, by path.")
	fmt.Fprintln(w, "# TYPE kenner_http_request_duration_seconds histogram")
	for _, p := range m.paths {
		h := m.hist[p]
		if h.n == 0 {
			continue
		}
		var cum int64
		for i, le := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "kenner_http_request_duration_seconds_bucket{path=%q,le=%q} %d\n", p, strconv.FormatFloat(le, 'g', -1, 64), cum)
		}
		cum += h.counts[len(buckets)]
		fmt.Fprintf(w, "kenner_http_request_duration_seconds_bucket{path=%q,le=\"+Inf\"} %d\n", p, cum)
		fmt.Fprintf(w, "kenner_http_request_duration_seconds_sum{path=%q} %s\n", p, strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(w, "kenner_http_request_duration_seconds_count{path=%q} %d\n", p, h.n)
	}
	fmt.Fprintln(w, "# HELP kenner_http_requests_in_flight HTTP requests being answered.")
	fmt.Fprintln(w, "# TYPE kenner_http_requests_in_flight gauge")
	fmt.Fprintf(w, "kenner_http_requests_in_flight %d\n", m.inFlight.Load())
	fmt.Fprintln(w, "# HELP kenner_documents_total Documents analysed (single articles and batch lines).")
	fmt.Fprintln(w, "# TYPE kenner_documents_total counter")
	fmt.Fprintf(w, "kenner_documents_total %d\n", m.docs.Load())
	fmt.Fprintln(w, "# HELP kenner_errors_total Errors: HTTP responses with status >= 400 (kind=\"request\") and batch lines answered with an error (kind=\"line\").")
	fmt.Fprintln(w, "# TYPE kenner_errors_total counter")
	fmt.Fprintf(w, "kenner_errors_total{kind=\"line\"} %d\n", m.lineErrors.Load())
	fmt.Fprintf(w, "kenner_errors_total{kind=\"request\"} %d\n", m.reqErrs)
	fmt.Fprintln(w, "# HELP kenner_uptime_seconds Seconds since the server started.")
	fmt.Fprintln(w, "# TYPE kenner_uptime_seconds gauge")
	fmt.Fprintf(w, "kenner_uptime_seconds %s\n", strconv.FormatFloat(time.Since(m.started).Seconds(), 'f', 3, 64))
}

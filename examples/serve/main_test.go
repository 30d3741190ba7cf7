package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/sample"
)

var testAnalyzer = sync.OnceValues(func() (*kenner.Analyzer, error) { return kenner.New() })

// startServer runs the real handler setup on a free loopback port and
// returns its base URL. The server is shut down gracefully at the end of the
// test, and the test fails if the shutdown does not succeed.
func startServer(t *testing.T, cfg config) string {
	t.Helper()
	a, err := testAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logBuf bytes.Buffer
	go func() { done <- serve(ctx, ln, newServer(a, cfg), cfg, log.New(&logBuf, "", 0)) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(20 * time.Second):
			t.Error("server did not shut down")
		}
	})
	return "http://" + ln.Addr().String()
}

func testConfig() config {
	return config{
		maxBody:         64 << 10,
		workers:         4,
		readTimeout:     10 * time.Second,
		writeTimeout:    30 * time.Second,
		shutdownTimeout: 5 * time.Second,
	}
}

var client = &http.Client{Timeout: 30 * time.Second}

type response struct {
	code   int
	header http.Header
	body   string
}

func do(t *testing.T, method, url, contentType string, body io.Reader) response {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, url, err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

type resultJSON struct {
	Entities []struct {
		Name, Type, ID string
		Count          int
		Salience       float64
		Mentions       []struct {
			Text         string
			Start, End   int
			Form, Source string
		}
	}
	Topics []map[string]any
	Focus  []map[string]any
}

func decodeResult(t *testing.T, text, body string) resultJSON {
	t.Helper()
	var r resultJSON
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		t.Fatalf("result is not JSON: %v\n%s", err, body)
	}
	if r.Topics == nil || r.Focus == nil {
		t.Errorf("topics or focus missing: %s", body)
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not match the text", m)
			}
		}
	}
	return r
}

func hasEntity(r resultJSON, name, typ string) bool {
	for _, e := range r.Entities {
		if e.Name == name && e.Type == typ {
			return true
		}
	}
	return false
}

// wantError checks a JSON error response.
func wantError(t *testing.T, what string, r response, code int, msg string) {
	t.Helper()
	if r.code != code {
		t.Errorf("%s: status %d, want %d (%s)", what, r.code, code, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q", what, ct)
	}
	var e struct{ Error string }
	if err := json.Unmarshal([]byte(r.body), &e); err != nil || e.Error == "" {
		t.Errorf("%s: body %q is not {\"error\":…}", what, r.body)
	}
	if !strings.Contains(e.Error, msg) {
		t.Errorf("%s: error %q does not contain %q", what, e.Error, msg)
	}
}

func TestEndpoints(t *testing.T) {
	base := startServer(t, testConfig())
	text := "Bundeskanzler Friedrich Merz traf Emmanuel Macron in Paris. Putins Sprecher schwieg."

	r := do(t, "GET", base+"/healthz", "", nil)
	if r.code != 200 || strings.TrimSpace(r.body) != `{"status":"ok"}` {
		t.Errorf("healthz: %d %s", r.code, r.body)
	}

	r = do(t, "GET", base+"/", "", nil)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") ||
		!strings.Contains(r.body, "<textarea") || strings.Contains(r.body, "http://") || strings.Contains(r.body, "https://") {
		t.Errorf("index: %d %q, %d bytes (external reference?)", r.code, r.header.Get("Content-Type"), len(r.body))
	}
	if r := do(t, "HEAD", base+"/", "", nil); r.code != 200 || r.body != "" {
		t.Errorf("HEAD /: %d %q", r.code, r.body)
	}
	if r := do(t, "GET", base+"/v1/sample", "", nil); r.code != 200 || r.body != sample.Article {
		t.Errorf("sample: %d", r.code)
	}

	// One article, three ways.
	js, _ := json.Marshal(map[string]string{"text": text})
	var bodies []string
	for _, tc := range []struct{ ct, body string }{
		{"application/json", string(js)},
		{"application/json; charset=utf-8", string(js)},
		{"text/plain; charset=utf-8", text},
		{"", text},
	} {
		r := do(t, "POST", base+"/v1/extract", tc.ct, strings.NewReader(tc.body))
		if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
			t.Fatalf("extract (%q): %d %s", tc.ct, r.code, r.body)
		}
		res := decodeResult(t, text, r.body)
		if !hasEntity(res, "Emmanuel Macron", "PER") {
			t.Errorf("extract (%q): no Emmanuel Macron: %s", tc.ct, r.body)
		}
		bodies = append(bodies, r.body)
	}
	for _, b := range bodies[1:] {
		if b != bodies[0] {
			t.Errorf("JSON and text/plain results differ:\n%s\n%s", bodies[0], b)
		}
	}
	r = do(t, "POST", base+"/v1/extract", "text/plain", strings.NewReader(""))
	if r.code != 200 || !strings.HasPrefix(r.body, `{"entities":[],"topics":[`) {
		t.Errorf("empty text: %d %s", r.code, r.body)
	}

	// Errors.
	wantError(t, "invalid JSON", do(t, "POST", base+"/v1/extract", "application/json", strings.NewReader(`{"text":`)), 400, "invalid JSON")
	wantError(t, "text missing", do(t, "POST", base+"/v1/extract", "application/json", strings.NewReader(`{"txt":"x"}`)), 400, `missing "text"`)
	wantError(t, "text not a string", do(t, "POST", base+"/v1/extract", "application/json", strings.NewReader(`{"text":5}`)), 400, `"text" is not a string`)
	wantError(t, "invalid UTF-8", do(t, "POST", base+"/v1/extract", "text/plain", strings.NewReader("Merz\xff")), 400, "not valid UTF-8")
	wantError(t, "charset", do(t, "POST", base+"/v1/extract", "text/plain; charset=latin1", strings.NewReader("x")), 415, "charset")
	wantError(t, "media type", do(t, "POST", base+"/v1/extract", "application/xml", strings.NewReader("<a/>")), 415, "Content-Type")
	big := strings.Repeat("Merz traf Macron. ", 4<<10) // 72 KiB > 64 KiB
	wantError(t, "too large", do(t, "POST", base+"/v1/extract", "text/plain", strings.NewReader(big)), 413, "larger than 65536 bytes")
	// Without Content-Length (chunked): the limit holds while reading.
	wantError(t, "too large, chunked", do(t, "POST", base+"/v1/extract", "text/plain", io.MultiReader(strings.NewReader(big))), 413, "larger than")
	r = do(t, "GET", base+"/v1/extract", "", nil)
	wantError(t, "GET extract", r, 405, "not allowed")
	if r.header.Get("Allow") != "POST" {
		t.Errorf("Allow: %q", r.header.Get("Allow"))
	}
	r = do(t, "DELETE", base+"/healthz", "", nil)
	wantError(t, "DELETE healthz", r, 405, "not allowed")
	if r.header.Get("Allow") != "GET, HEAD" {
		t.Errorf("Allow: %q", r.header.Get("Allow"))
	}
	wantError(t, "404", do(t, "GET", base+"/v2/nothing", "", nil), 404, "no such endpoint")
	wantError(t, "batch too large", do(t, "POST", base+"/v1/extract:batch", "application/x-ndjson", strings.NewReader(big)), 413, "larger than")

	// Batch: order kept, bad lines answered in place.
	paras := strings.Split(sample.Article, "\n\n")
	var in bytes.Buffer
	var want []string // "" for an error line
	for i, p := range paras {
		b, _ := json.Marshal(map[string]any{"id": i, "text": p})
		in.Write(b)
		in.WriteByte('\n')
		want = append(want, p)
		if i == 1 {
			in.WriteString("\n{broken\n" + `{"id":"x","text":7}` + "\n") // lines 3, 4, 5
			want = append(want, "", "", "")
		}
	}
	r = do(t, "POST", base+"/v1/extract:batch", "application/x-ndjson", &in)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/x-ndjson") {
		t.Fatalf("batch: %d %s", r.code, r.body)
	}
	lines := strings.Split(strings.TrimSuffix(r.body, "\n"), "\n")
	if len(lines) != len(want) {
		t.Fatalf("batch: %d lines, want %d:\n%s", len(lines), len(want), r.body)
	}
	k := 0
	for i, l := range lines {
		if want[i] == "" {
			if !strings.Contains(l, `"error":"line `) {
				t.Errorf("batch line %d: want an error, got %s", i+1, l)
			}
			continue
		}
		var got struct{ ID int }
		json.Unmarshal([]byte(l), &got)
		if got.ID != k || !strings.HasPrefix(l, fmt.Sprintf(`{"id":%d,"entities":`, k)) {
			t.Errorf("batch line %d: %.60s", i+1, l)
		}
		decodeResult(t, want[i], l)
		k++
	}
	wantLines := []string{`{"id":null,"error":"line 3: empty line"}`, `{"id":"x","error":"line 5: \"text\" is not a string"}`}
	if lines[2] != wantLines[0] || !strings.HasPrefix(lines[3], `{"id":null,"error":"line 4: invalid JSON`) || lines[4] != wantLines[1] {
		t.Errorf("batch error lines:\n%s", strings.Join(lines[2:5], "\n"))
	}

	// Metrics.
	r = do(t, "GET", base+"/metrics", "", nil)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain; version=0.0.4") {
		t.Fatalf("metrics: %d %q", r.code, r.header.Get("Content-Type"))
	}
	checkExposition(t, r.body)
	for _, want := range []string{
		`kenner_http_requests_total{path="/v1/extract",code="200"} 5`,
		`kenner_http_requests_total{path="/v1/extract",code="400"} 4`,
		`kenner_http_requests_total{path="/v1/extract",code="413"} 2`,
		`kenner_http_requests_total{path="/v1/extract",code="405"} 1`,
		`kenner_http_requests_total{path="/v1/extract:batch",code="200"} 1`,
		`kenner_http_requests_total{path="other",code="404"} 1`,
		`kenner_http_request_duration_seconds_count{path="/v1/extract"} 14`,
		`kenner_http_request_duration_seconds_bucket{path="/v1/extract",le="+Inf"} 14`,
		`kenner_documents_total ` + fmt.Sprint(5+len(paras)),
		`kenner_errors_total{kind="line"} 3`,
		`kenner_errors_total{kind="request"} 12`,
		`# TYPE kenner_http_request_duration_seconds histogram`,
	} {
		if !strings.Contains(r.body, want+"\n") {
			t.Errorf("metrics lack %q:\n%s", want, r.body)
		}
	}
}

// checkExposition checks the syntax of the Prometheus text format and that
// histogram buckets are cumulative.
func checkExposition(t *testing.T, body string) {
	t.Helper()
	sample := regexp.MustCompile(`^([a-z_]+)(\{[a-z_]+="[^"\\]*"(,[a-z_]+="[^"\\]*")*\})? (-?[0-9.e+-]+|\+Inf)$`)
	comment := regexp.MustCompile(`^# (HELP [a-z_]+ .+|TYPE [a-z_]+ (counter|gauge|histogram))$`)
	last := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(body))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") {
			if !comment.MatchString(l) {
				t.Errorf("bad comment line %q", l)
			}
			continue
		}
		m := sample.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("bad sample line %q", l)
			continue
		}
		if strings.HasSuffix(m[1], "_bucket") {
			key := regexp.MustCompile(`,?le="[^"]*"`).ReplaceAllString(m[2], "")
			var v float64
			fmt.Sscan(m[4], &v)
			if v < last[key] {
				t.Errorf("bucket not cumulative: %q", l)
			}
			last[key] = v
		}
	}
}

func TestShutdownLetsRequestsFinish(t *testing.T) {
	a, err := testAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	cfg := testConfig()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, newServer(a, cfg), cfg, log.New(io.Discard, "", 0)) }()

	// A request whose body arrives slowly is in flight during shutdown.
	pr, pw := io.Pipe()
	got := make(chan response, 1)
	go func() { got <- do(t, "POST", base+"/v1/extract", "text/plain", pr) }()
	io.WriteString(pw, "Emmanuel Macron ")
	time.Sleep(200 * time.Millisecond)
	cancel()
	time.Sleep(200 * time.Millisecond)
	io.WriteString(pw, "traf Friedrich Merz.")
	pw.Close()
	select {
	case r := <-got:
		if r.code != 200 || !strings.Contains(r.body, "Emmanuel Macron") {
			t.Errorf("in-flight request: %d %s", r.code, r.body)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("in-flight request did not finish")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not return")
	}
	if _, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

func TestFlags(t *testing.T) {
	var stderr bytes.Buffer
	cfg, err := parseFlags(nil, &stderr)
	if err != nil || cfg.addr != "127.0.0.1:8080" || cfg.maxBody != 10<<20 {
		t.Errorf("defaults: %+v %v", cfg, err)
	}
	for _, args := range [][]string{{"-max-body", "0"}, {"-nosuch"}, {"extra"}} {
		if _, err := parseFlags(args, &stderr); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
	// run stops when its context is done.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := run(ctx, []string{"-addr", "127.0.0.1:0"}, &stderr); err != nil {
		t.Errorf("run: %v", err)
	}
}

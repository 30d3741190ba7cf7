package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/internal/stream"
)

//go:embed index.html
var indexHTML []byte

// server is the HTTP handler of the service.
type server struct {
	a       *kenner.Analyzer
	cfg     config
	metrics *metrics
	routes  map[string]route
}

type route struct {
	methods []string // allowed methods; HEAD is allowed with GET
	handle  func(w http.ResponseWriter, r *http.Request) int
}

func newServer(a *kenner.Analyzer, cfg config) *server {
	s := &server{a: a, cfg: cfg}
	s.routes = map[string]route{
		"/":                 {[]string{http.MethodGet}, s.index},
		"/healthz":          {[]string{http.MethodGet}, s.healthz},
		"/metrics":          {[]string{http.MethodGet}, s.metricsPage},
		"/v1/sample":        {[]string{http.MethodGet}, s.sample},
		"/v1/extract":       {[]string{http.MethodPost}, s.extract},
		"/v1/extract:batch": {[]string{http.MethodPost}, s.batch},
	}
	paths := make([]string, 0, len(s.routes))
	for p := range s.routes {
		paths = append(paths, p)
	}
	s.metrics = newMetrics(paths)
	return s
}

// ServeHTTP routes a request, answers errors with JSON bodies and records
// metrics.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rt, ok := s.routes[r.URL.Path]
	path := r.URL.Path
	if !ok {
		path = "other"
	}
	s.metrics.inFlight.Add(1)
	defer s.metrics.inFlight.Add(-1)
	code := http.StatusInternalServerError
	defer func() {
		p := recover()
		if p == http.ErrAbortHandler {
			s.metrics.observe(path, code, time.Since(start))
			panic(p)
		}
		if p != nil {
			code = writeError(w, http.StatusInternalServerError, "internal error")
		}
		s.metrics.observe(path, code, time.Since(start))
	}()
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch {
	case !ok:
		code = writeError(w, http.StatusNotFound, fmt.Sprintf("no such endpoint: %s", r.URL.Path))
	case !allowed(rt.methods, r.Method):
		allow := strings.Join(rt.methods, ", ")
		if strings.Contains(allow, http.MethodGet) {
			allow += ", " + http.MethodHead
		}
		w.Header().Set("Allow", allow)
		code = writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s; use %s", r.Method, r.URL.Path, allow))
	default:
		code = rt.handle(w, r)
	}
}

func allowed(methods []string, m string) bool {
	for _, a := range methods {
		if a == m || (a == http.MethodGet && m == http.MethodHead) {
			return true
		}
	}
	return false
}

// writeError writes {"error":msg} with the given status and returns the
// status.
func writeError(w http.ResponseWriter, code int, msg string) int {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Write(append(b, '\n'))
	return code
}

func writeJSON(w http.ResponseWriter, code int, v any) int {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return writeError(w, http.StatusInternalServerError, "encoding result: "+err.Error())
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(code)
	w.Write(buf.Bytes())
	return code
}

func (s *server) index(w http.ResponseWriter, r *http.Request) int {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(indexHTML)
	}
	return http.StatusOK
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) int {
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) sample(w http.ResponseWriter, r *http.Request) int {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.WriteString(w, sample.Article)
	}
	return http.StatusOK
}

func (s *server) metricsPage(w http.ResponseWriter, r *http.Request) int {
	var buf bytes.Buffer
	s.metrics.write(&buf)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
	return http.StatusOK
}

// readBody reads the whole body, at most s.cfg.maxBody bytes. On failure it
// has written the error response and returns its status.
func (s *server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, int) {
	if r.ContentLength > s.cfg.maxBody {
		return nil, s.tooLarge(w)
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.maxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, s.tooLarge(w)
		}
		return nil, writeError(w, http.StatusBadRequest, "reading body: "+err.Error())
	}
	return body, 0
}

func (s *server) tooLarge(w http.ResponseWriter) int {
	w.Header().Set("Connection", "close")
	return writeError(w, http.StatusRequestEntityTooLarge,
		fmt.Sprintf("request body larger than %d bytes", s.cfg.maxBody))
}

// extract analyses one article.
func (s *server) extract(w http.ResponseWriter, r *http.Request) int {
	isJSON := false
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			return writeError(w, http.StatusUnsupportedMediaType, "invalid Content-Type: "+ct)
		}
		switch {
		case mt == "application/json" || strings.HasSuffix(mt, "+json"):
			isJSON = true
		case mt == "text/plain":
			if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "utf8" && cs != "us-ascii" {
				return writeError(w, http.StatusUnsupportedMediaType, "unsupported charset "+cs+"; send UTF-8")
			}
		default:
			return writeError(w, http.StatusUnsupportedMediaType,
				"unsupported Content-Type "+mt+"; send application/json {\"text\":…} or text/plain")
		}
	}
	body, code := s.readBody(w, r)
	if code != 0 {
		return code
	}
	var text string
	if isJSON {
		_, t, err := stream.ParseLine(body)
		if err != nil {
			return writeError(w, http.StatusBadRequest, "body: "+err.Error()+`; want {"text":"…"}`)
		}
		text = t
	} else {
		if !utf8.Valid(body) {
			return writeError(w, http.StatusBadRequest, fmt.Sprintf("body is not valid UTF-8 (first invalid byte at offset %d)", firstInvalid(body)))
		}
		text = string(body)
	}
	res := s.a.Analyze(text)
	s.metrics.docs.Add(1)
	return writeJSON(w, http.StatusOK, res)
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// batch analyses JSON Lines. The body is read whole (it is bounded by
// -max-body) so that a too large body is answered with 413 before any
// output; the lines are then analysed in parallel and the output streamed.
func (s *server) batch(w http.ResponseWriter, r *http.Request) int {
	body, code := s.readBody(w, r)
	if code != 0 {
		return code
	}
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	ctx := r.Context()
	p, err := stream.Run(ctx, bytes.NewReader(body), w, func(text string) (any, error) {
		return s.a.Analyze(text), nil
	}, stream.Options{Workers: s.cfg.workers, MaxLineSize: int(s.cfg.maxBody)})
	s.metrics.docs.Add(p.Docs - p.Errors)
	s.metrics.lineErrors.Add(p.Errors)
	if err != nil && !errors.Is(err, context.Canceled) {
		// Headers are sent: abort, so that the client sees a truncated
		// response (recorded as 500).
		panic(http.ErrAbortHandler)
	}
	return http.StatusOK
}

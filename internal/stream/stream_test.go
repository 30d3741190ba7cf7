package stream

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

type lenResult struct {
	Len  int    `json:"len"`
	Text string `json:"text"`
}

func echo(text string) (any, error) {
	return lenResult{Len: len(text), Text: text}, nil
}

func run(t *testing.T, in string, fn Func, opts Options) []string {
	t.Helper()
	var out bytes.Buffer
	if _, err := Run(context.Background(), strings.NewReader(in), &out, fn, opts); err != nil {
		t.Fatalf("Run: %v", err)
	}
	s := out.String()
	if s == "" {
		return nil
	}
	if !strings.HasSuffix(s, "\n") {
		t.Fatalf("output does not end in a newline: %q", s)
	}
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	for i, l := range lines {
		if !json.Valid([]byte(l)) {
			t.Errorf("output line %d is not valid JSON: %s", i+1, l)
		}
		if !strings.HasPrefix(l, `{"id":`) {
			t.Errorf("output line %d does not start with id: %s", i+1, l)
		}
	}
	return lines
}

func TestOrderManyWorkersRandomDelays(t *testing.T) {
	const n = 1500
	var in strings.Builder
	for i := range n {
		if i%97 == 13 {
			in.WriteString("not json\n")
			continue
		}
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":\"doc %d\"}\n", i, i)
	}
	var calls atomic.Int64
	slow := func(text string) (any, error) {
		calls.Add(1)
		time.Sleep(time.Duration(rand.IntN(100)) * time.Microsecond)
		return echo(text)
	}
	for _, workers := range []int{1, 3, 32} {
		calls.Store(0)
		lines := run(t, in.String(), slow, Options{Workers: workers, Window: 7})
		if len(lines) != n {
			t.Fatalf("workers=%d: %d output lines, want %d", workers, len(lines), n)
		}
		for i, l := range lines {
			var got struct {
				ID    *int   `json:"id"`
				Text  string `json:"text"`
				Error string `json:"error"`
			}
			if err := json.Unmarshal([]byte(l), &got); err != nil {
				t.Fatal(err)
			}
			if i%97 == 13 {
				want := fmt.Sprintf("line %d: invalid JSON", i+1)
				if got.ID != nil || !strings.HasPrefix(got.Error, want) {
					t.Fatalf("workers=%d line %d: got %s, want error %q", workers, i+1, l, want)
				}
				continue
			}
			if got.ID == nil || *got.ID != i || got.Text != fmt.Sprintf("doc %d", i) {
				t.Fatalf("workers=%d line %d out of order: %s", workers, i+1, l)
			}
		}
		if want := int64(n - (n-13+96)/97); calls.Load() != want {
			t.Errorf("workers=%d: fn called %d times, want %d", workers, calls.Load(), want)
		}
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"ok", `{"id":"a","text":"Hallo"}` + "\n",
			[]string{`{"id":"a","len":5,"text":"Hallo"}`}},
		{"no trailing newline", `{"id":1,"text":"x"}`,
			[]string{`{"id":1,"len":1,"text":"x"}`}},
		{"crlf", "{\"id\":1,\"text\":\"x\"}\r\n{\"id\":2,\"text\":\"y\"}\r\n",
			[]string{`{"id":1,"len":1,"text":"x"}`, `{"id":2,"len":1,"text":"y"}`}},
		{"id kept as any JSON value, compacted", `{"text":"x", "id": {"a": [1, 2.50, "<b>"]}}`,
			[]string{`{"id":{"a":[1,2.50,"<b>"]},"len":1,"text":"x"}`}},
		{"id missing", `{"text":"x"}`,
			[]string{`{"id":null,"len":1,"text":"x"}`}},
		{"empty lines", "\n  \n{\"id\":1,\"text\":\"\"}\n",
			[]string{`{"id":null,"error":"line 1: empty line"}`, `{"id":null,"error":"line 2: empty line"}`, `{"id":1,"len":0,"text":""}`}},
		{"invalid JSON", `{"id":1,"text":"x"`,
			[]string{`{"id":null,"error":"line 1: invalid JSON: unexpected end of JSON input"}`}},
		{"trailing data", `{"id":1,"text":"x"} {}`,
			[]string{`{"id":null,"error":"line 1: invalid JSON: invalid character '{' after top-level value"}`}},
		{"not an object", `["x"]`,
			[]string{`{"id":null,"error":"line 1: not a JSON object"}`}},
		{"text missing", `{"id":"a","txt":"x"}`,
			[]string{`{"id":"a","error":"line 1: missing \"text\""}`}},
		{"text not a string", `{"id":"a","text":null}`,
			[]string{`{"id":"a","error":"line 1: \"text\" is not a string"}`}},
		{"keys are exact", `{"ID":"a","Text":"x"}`,
			[]string{`{"id":null,"error":"line 1: missing \"text\""}`}},
		{"invalid UTF-8 replaced", "{\"id\":\"\xff\",\"text\":\"a\xffb\"}",
			[]string{`{"id":"` + "\uFFFD" + `","len":5,"text":"a` + "\uFFFD" + `b"}`}},
		{"escapes", `{"id":2,"text":"\u00fc\n\"<&>"}`,
			[]string{`{"id":2,"len":7,"text":"ü\n\"<&>"}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, tt.in, echo, Options{Workers: 2})
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFuncErrorsAndPanics(t *testing.T) {
	fn := func(text string) (any, error) {
		switch text {
		case "err":
			return nil, errors.New("boom")
		case "panic":
			panic("oops")
		case "array":
			return []int{1}, nil
		case "empty":
			return struct{}{}, nil
		case "chan":
			return make(chan int), nil
		}
		return echo(text)
	}
	in := `{"id":1,"text":"err"}
{"id":2,"text":"panic"}
{"id":3,"text":"array"}
{"id":4,"text":"empty"}
{"id":5,"text":"chan"}
{"id":6,"text":"ok"}
`
	want := []string{
		`{"id":1,"error":"line 1: boom"}`,
		`{"id":2,"error":"line 2: internal error: oops"}`,
		`{"id":3,"error":"line 3: result is not a JSON object"}`,
		`{"id":4}`,
		`{"id":5,"error":"line 5: encoding result: json: unsupported type: chan int"}`,
		`{"id":6,"len":2,"text":"ok"}`,
	}
	got := run(t, in, fn, Options{Workers: 3})
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLongLine(t *testing.T) {
	const max = 100
	exact := `{"id":2,"text":"` + strings.Repeat("a", max-len(`{"id":2,"text":""}`)) + `"}`
	if len(exact) != max {
		t.Fatal(len(exact))
	}
	long := `{"id":3,"text":"` + strings.Repeat("b", 300<<10) + `"}` // far over the reader's buffer
	in := `{"id":1,"text":"x"}` + "\n" + exact + "\r\n" + long + "\n" + exact + "b\n" + `{"id":5,"text":"y"}`
	got := run(t, in, echo, Options{MaxLineSize: max, Workers: 2})
	want := []string{
		`{"id":1,"len":1,"text":"x"}`,
		`{"id":2,"len":82,"text":"` + strings.Repeat("a", 82) + `"}`,
		`{"id":null,"error":"line 3: line longer than 100 bytes"}`,
		`{"id":null,"error":"line 4: line longer than 100 bytes"}`,
		`{"id":5,"len":1,"text":"y"}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLongLineNotBuffered checks that a line over the limit is skipped with
// memory bounded by the limit, not by the line.
func TestLongLineNotBuffered(t *testing.T) {
	br := bufio.NewReaderSize(io.MultiReader(
		strings.NewReader(`{"text":"`),
		io.LimitReader(repeatReader('x'), 8<<20),
		strings.NewReader("\"}\nnext\n")), 4096)
	line, size, tooLong, err := readLine(br, 1000)
	if !tooLong || line != nil || err != nil || size != int64(8<<20+len(`{"text":"`)+3) {
		t.Fatalf("readLine = %d bytes, size %d, tooLong %v, err %v", len(line), size, tooLong, err)
	}
	if cap(line) > 2000 {
		t.Errorf("kept a buffer of %d bytes", cap(line))
	}
	line, _, tooLong, err = readLine(br, 1000)
	if string(line) != "next\n" || tooLong || err != nil {
		t.Fatalf("next line = %q, %v, %v", line, tooLong, err)
	}
	_, size, _, err = readLine(br, 1000)
	if size != 0 || err != io.EOF {
		t.Fatalf("at end: size %d err %v", size, err)
	}
}

type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

func TestEmptyInput(t *testing.T) {
	if got := run(t, "", echo, Options{}); len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

func TestProgress(t *testing.T) {
	in := strings.Repeat(`{"id":1,"text":"abc"}`+"\n", 50) + "bad\n"
	var reports []Progress
	var out bytes.Buffer
	p, err := Run(context.Background(), strings.NewReader(in), &out, echo, Options{
		Workers:          4,
		Progress:         func(p Progress) { reports = append(reports, p) },
		ProgressInterval: time.Nanosecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if p.Docs != 51 || p.Errors != 1 || p.Bytes != int64(len(in)) || !p.Done {
		t.Errorf("final progress %+v", p)
	}
	if len(reports) < 2 {
		t.Fatalf("%d reports", len(reports))
	}
	lastR := reports[len(reports)-1]
	if !lastR.Done || lastR.Docs != 51 || lastR.DocsPerSec() <= 0 || lastR.BytesPerSec() <= 0 {
		t.Errorf("last report %+v", lastR)
	}
	for i := 1; i < len(reports); i++ {
		if reports[i].Docs < reports[i-1].Docs {
			t.Errorf("progress went back: %+v after %+v", reports[i], reports[i-1])
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	in := strings.Repeat(`{"id":1,"text":"`+strings.Repeat("x", 1000)+`"}`+"\n", 1000)
	_, err := Run(context.Background(), strings.NewReader(in), &failWriter{n: 100 << 10}, echo, Options{Workers: 4})
	if err == nil || !strings.Contains(err.Error(), "stream: disk full") {
		t.Fatalf("err = %v", err)
	}
}

type failReader struct{ r io.Reader }

func (f *failReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("connection reset")
	}
	return n, err
}

func TestReadError(t *testing.T) {
	in := `{"id":1,"text":"a"}` + "\n" + `{"id":2,"text":"b"}` + "\n"
	var out bytes.Buffer
	p, err := Run(context.Background(), &failReader{strings.NewReader(in)}, &out, echo, Options{})
	if err == nil || !strings.Contains(err.Error(), "stream: connection reset") {
		t.Fatalf("err = %v", err)
	}
	if p.Docs != 2 || strings.Count(out.String(), "\n") != 2 {
		t.Errorf("lines before the error lost: %+v %q", p, out.String())
	}
}

func TestCancel(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var out bytes.Buffer
	go func() {
		_, err := Run(ctx, pr, &out, echo, Options{Workers: 2})
		done <- err
	}()
	fmt.Fprintln(pw, `{"id":1,"text":"a"}`)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"Merz und Macron"}`,
		`{"text":"x","id":null}`,
		`{"id":{"a":[1,2]},"text":"\u00fc\ud800"}`,
		"{\"id\":\"\xff\",\"text\":\"\xfe\"}",
		`["x"]`, `{"text":1}`, ``, ` `, `{`, `{"id":1e400,"text":""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		id, text, err := ParseLine(line)
		if id != nil && !json.Valid(id) {
			t.Fatalf("id %q is not valid JSON", id)
		}
		if id != nil && !utf8.Valid(id) {
			t.Fatalf("id %q is not valid UTF-8", id)
		}
		if bytes.ContainsAny(id, "\n\r") {
			t.Fatalf("id %q spans lines", id)
		}
		if err != nil {
			if text != "" {
				t.Fatalf("text %q with error %v", text, err)
			}
			out := ErrorLine(id, err)
			if !json.Valid(out) || !utf8.Valid(out) || bytes.Count(out, []byte("\n")) != 1 {
				t.Fatalf("bad error line %q", out)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("text %q is not valid UTF-8", text)
		}
	})
}

func BenchmarkRun(b *testing.B) {
	text := strings.Repeat("Bundeskanzler Friedrich Merz traf in Paris Emmanuel Macron. ", 40)
	line, _ := json.Marshal(map[string]any{"id": 1, "text": text})
	var in bytes.Buffer
	const docs = 1000
	for range docs {
		in.Write(line)
		in.WriteByte('\n')
	}
	fn := func(text string) (any, error) { return struct{ N int }{len(text)}, nil }
	b.ReportAllocs()
	b.SetBytes(int64(in.Len()))
	for b.Loop() {
		if _, err := Run(context.Background(), bytes.NewReader(in.Bytes()), io.Discard, fn, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		var mu sync.Mutex
		seen := make([]int, n)
		Each(n, func(i int) {
			mu.Lock()
			seen[i]++
			mu.Unlock()
		})
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("n=%d: f(%d) called %d times", n, i, c)
			}
		}
	}
}

package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/sample"
)

// TestMain runs the tests on Beam's default local runner (prism in v2.77;
// override with -runner=direct).
func TestMain(m *testing.M) { ptest.Main(m) }

func TestPipeline(t *testing.T) {
	dir := t.TempDir()
	text2 := "Bundeskanzler Friedrich Merz traf am Montag in Paris den französischen Präsidenten Emmanuel Macron."
	in := []string{
		mustJSON(t, map[string]any{"id": "a1", "text": sample.Article}),
		mustJSON(t, map[string]any{"id": 2, "text": text2}),
		``,                             // blank: skipped
		`{"id":"bad1","text":`,         // truncated JSON
		`{"id":"bad2"}`,                // no text
		`{"id":"bad3","text":42}`,      // text not a string
		`[1,2,3]`,                      // not an object
		`{"id":{"k":[1]},"text":"  "}`, // blank text: a result, no entities
	}
	// Two input files, read through a glob.
	write(t, filepath.Join(dir, "in-1.jsonl"), strings.Join(in[:4], "\n")+"\n")
	write(t, filepath.Join(dir, "in-2.jsonl"), strings.Join(in[4:], "\r\n")) // no final newline, CRLF
	out := filepath.Join(dir, "out.jsonl")

	p, s := beam.NewPipelineWithRoot()
	Pipeline(s, filepath.Join(dir, "in-*.jsonl"), out, true)
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}

	got := map[string]string{} // id JSON → output line
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		var v struct {
			ID json.RawMessage `json:"id"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("output line %d is not JSON: %v\n%s", n, err, line)
		}
		id := string(v.ID)
		if id == "null" {
			id += "#" + line // several error lines have id null
		}
		got[id] = line
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Errorf("got %d output lines, want 7 (8 input lines, 1 blank)", n)
	}

	// Good lines: exactly what the Analyzer says, after the id.
	a, err := kenner.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ id, text string }{{`"a1"`, sample.Article}, {`2`, text2}, {`{"k":[1]}`, "  "}} {
		want := `{"id":` + c.id + "," + strings.TrimPrefix(mustJSON(t, a.Analyze(c.text)), "{")
		if got[c.id] != want {
			t.Errorf("id %s:\n got %s\nwant %s", c.id, got[c.id], want)
		}
	}
	var r kenner.Result
	if err := json.Unmarshal([]byte(got[`"a1"`]), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Entities) == 0 {
		t.Errorf("no entities found in the sample article: %s", got[`"a1"`])
	}
	for _, e := range r.Entities {
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(sample.Article) || m.Start > m.End || sample.Article[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v: offsets do not match the text", m)
			}
		}
	}

	// Bad lines: an error line each, id kept where it could be read.
	for _, id := range []string{`"bad2"`, `"bad3"`} {
		if !strings.Contains(got[id], `"error":`) {
			t.Errorf("id %s: want an error line, got %q", id, got[id])
		}
	}
	nullErrors := 0
	for id, line := range got {
		if strings.HasPrefix(id, "null#") {
			if !strings.HasPrefix(line, `{"id":null,"error":"`) {
				t.Errorf("want an error line, got %q", line)
			}
			nullErrors++
		}
	}
	if nullErrors != 2 {
		t.Errorf("got %d error lines with id null, want 2 (truncated JSON, array)", nullErrors)
	}

	// Counters.
	counters := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		counters[c.Key.Name] += c.Result()
	}
	t.Logf("counters: %v", counters)
	if len(counters) > 0 {
		want := map[string]int64{"docs": 7, "errors": 4, "blank_lines": 1}
		for k, v := range want {
			if counters[k] != v {
				t.Errorf("counter %s = %d, want %d (all: %v)", k, counters[k], v, counters)
			}
		}
	} else {
		t.Logf("runner reported no counters")
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(sb.String(), "\n")
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

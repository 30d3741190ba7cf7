package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/sample"
)

func runCmd(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb, false)
	return out.String(), errb.String(), code
}

func TestSampleSummary(t *testing.T) {
	out, errOut, code := runCmd(t, "")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"bundled sample article",
		"» Merz und Macron beraten in Paris über Ukraine-Gipfel\n",
		"\nPER People (",
		"\nLOC Places (",
		"Putins",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Entity lines: name, ×count, (surface forms) id.
	for _, re := range []string{
		`(?m)^  Wladimir Putin +×2  \((Putins, Wladimir Putin|Wladimir Putin, Putins)\) kn:per/wladimir-putin$`,
		`(?m)^  Emmanuel Macron +×[1-9]  \([^)]*Macron[^)]*\) kn:per/emmanuel-macron$`,
		`(?m)^  Friedrich Merz +×[1-9]  \([^)]*Merz[^)]*\) kn:per/friedrich-merz$`,
		`(?m)^  Russland +×[1-9]  \([^)]*Russland[^)]*\) iso:RU$`,
	} {
		if !regexp.MustCompile(re).MatchString(out) {
			t.Errorf("summary lacks a line matching %s:\n%s", re, out)
		}
	}
	// NATO, once the gazetteer has it (the sample says Nato three times).
	if gazetteer.Default().ByID("kn:org/nato") != nil &&
		!regexp.MustCompile(`(?m)^  (NATO|Nato) +×[1-9]  \([^)]*Nato[^)]*\) kn:org/nato$`).MatchString(out) {
		t.Errorf("summary lacks NATO:\n%s", out)
	}
	// Groups in the order PER, LOC, ORG, OTH.
	last := -1
	for _, h := range []string{"\nPER ", "\nLOC ", "\nORG ", "\nOTH "} {
		if i := strings.Index(out, h); i >= 0 {
			if i < last {
				t.Errorf("group %q out of order", h)
			}
			last = i
		}
	}
}

func TestTextAndJSON(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte(sample.Article), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, code := runCmd(t, "", "-text", file)
	if code != 0 || !strings.Contains(out, "Emmanuel Macron") || !strings.Contains(out, file) {
		t.Errorf("-text: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{{"-json", file}, {"-json", "-"}, {"-json", "-", "-pretty"}} {
		out, errOut, code := runCmd(t, sample.Article, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		var res struct {
			Entities []struct {
				Name     string
				Mentions []struct {
					Text       string
					Start, End int
				}
			}
			Topics, Focus []any
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if len(res.Entities) == 0 || res.Topics == nil || res.Focus == nil {
			t.Errorf("%v: %s", args, out)
		}
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if sample.Article[m.Start:m.End] != m.Text {
					t.Errorf("%v: bad offsets %+v", args, m)
				}
			}
		}
	}
}

func TestJSONLRoundTrip(t *testing.T) {
	paras := strings.Split(sample.Article, "\n\n")
	var in strings.Builder
	n := 0
	for r := range 10 {
		for i, p := range paras {
			b, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("%d-%d", r, i), "text": p})
			in.Write(b)
			in.WriteByte('\n')
			n++
		}
		in.WriteString("{oops\n")
		n++
	}
	out, errOut, code := runCmd(t, in.String(), "-jsonl", "-", "-workers", "4", "-progress")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, fmt.Sprintf("%d docs  10 errors", n)) {
		t.Errorf("progress line: %q", errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d lines, want %d", len(lines), n)
	}
	k := 0
	for r := range 10 {
		for i, p := range paras {
			var got struct {
				ID       string
				Entities []struct {
					Name     string
					Mentions []struct {
						Text       string
						Start, End int
					}
				}
			}
			if err := json.Unmarshal([]byte(lines[k]), &got); err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("%d-%d", r, i); got.ID != want {
				t.Fatalf("line %d: id %q, want %q", k+1, got.ID, want)
			}
			for _, e := range got.Entities {
				for _, m := range e.Mentions {
					if p[m.Start:m.End] != m.Text {
						t.Errorf("line %d: bad offsets %+v", k+1, m)
					}
				}
			}
			k++
		}
		if !strings.HasPrefix(lines[k], `{"id":null,"error":"line `) {
			t.Errorf("line %d: %s", k+1, lines[k])
		}
		k++
	}
}

func TestNoProgressByDefault(t *testing.T) {
	_, errOut, code := runCmd(t, `{"id":1,"text":"Macron"}`+"\n", "-jsonl", "-")
	if code != 0 || errOut != "" {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.txt")
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"-text", missing}, 1},
		{[]string{"-json", missing}, 1},
		{[]string{"-jsonl", missing}, 1},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"-json", "-", "-jsonl", "-"}, 2},
		{[]string{"article.txt"}, 2},
	} {
		_, errOut, code := runCmd(t, "", tt.args...)
		if code != tt.code || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit %d", tt.args, code, errOut, tt.code)
		}
	}
}

type brokenPipe struct{}

func (brokenPipe) Write(p []byte) (int, error) { return 0, errors.New("broken pipe") }

func TestWriteFailure(t *testing.T) {
	for _, args := range [][]string{nil, {"-json", "-"}, {"-jsonl", "-"}} {
		var errb bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(`{"id":1,"text":"Macron"}`), brokenPipe{}, &errb, false)
		if code != 1 || !strings.Contains(errb.String(), "broken pipe") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errb.String())
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestAgreesWithNerscore runs the evaluator on a small GermEval file, writes
// its predictions with -jsonl-out and checks that ../shared/tools/nerscore.py
// computes the same base4 and full12 figures from them.
func TestAgreesWithNerscore(t *testing.T) {
	script := filepath.Join("..", "..", "..", "shared", "tools", "nerscore.py")
	if _, err := os.Stat(script); err != nil {
		t.Skip("../shared/tools/nerscore.py not found: skipping the agreement check")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	gold := filepath.Join("..", "..", "internal", "corpus", "testdata", "tricky.tsv")
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	var out bytes.Buffer
	if err := run(&out, gold, "", pred, "", "", false, 0); err != nil {
		t.Fatal(err)
	}
	js := filepath.Join(t.TempDir(), "score.json")
	cmd := exec.Command(py, script, gold, pred, "--json", js)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nerscore.py: %v\n%s", err, b)
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Base4  struct{ F1, Precision, Recall float64 }
		Full12 struct{ F1 float64 }
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	// The first table printed is the one for all sentences.
	m := regexp.MustCompile(`(?m)^base4\s+\d+\s+\d+\s+\d+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no base4 line in:\n%s", out.String())
	}
	f1, _ := strconv.ParseFloat(m[3], 64)
	if d := f1 - ref.Base4.F1; d > 5e-5 || d < -5e-5 {
		t.Errorf("base4 F1: evaluate %.4f, nerscore.py %.4f", f1, ref.Base4.F1)
	}
	m = regexp.MustCompile(`(?m)^full12\s+\d+\s+\d+\s+\d+\s+[\d.]+\s+[\d.]+\s+([\d.]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no full12 line")
	}
	f12, _ := strconv.ParseFloat(m[1], 64)
	if d := f12 - ref.Full12.F1; d > 5e-5 || d < -5e-5 {
		t.Errorf("full12 F1: evaluate %.4f, nerscore.py %.4f", f12, ref.Full12.F1)
	}
	t.Logf("base4 F1 %.4f, full12 F1 %.4f (both agree with nerscore.py)", f1, f12)
}

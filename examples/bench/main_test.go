package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary act as the bench's child process: the
// fresh-process measurement re-executes os.Executable().
func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(child(mode, os.Stdout))
	}
	os.Exit(m.Run())
}

// TestQuick runs the bench with -quick and checks that every table is
// printed. prose is skipped when loading its model takes too long.
func TestQuick(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the bench smoke run")
	}
	var sb strings.Builder
	c := config{quick: true, dur: 50 * time.Millisecond, runs: 2, prose: true, proseBudget: 10 * time.Second}
	if err := run(c, &sb); err != nil {
		t.Fatalf("run: %v\n%s", err, sb.String())
	}
	out := sb.String()
	t.Log("\n" + out)
	for _, want := range []string{
		"Throughput:", "kenner entities ", "kenner entities+topics",
		"Fresh process:", "entities+topics (New)",
		"Scaling:", "Cost vs length:", "Targets", "peak RSS < 150 MB",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestRepeatTo(t *testing.T) {
	corpus := "Ein Satz über München. Noch einer."
	for _, size := range []int{10, 100, 1000} {
		s := repeatTo(corpus, size)
		if len(s) > size || len(s) < size-len(corpus) {
			t.Errorf("repeatTo(%d): len %d", size, len(s))
		}
		if strings.HasSuffix(s, " ") || !strings.HasPrefix(s, "Ein Satz") {
			t.Errorf("repeatTo(%d) = %q", size, s)
		}
	}
}

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 12406: "12,406", 1234567: "1,234,567"} {
		if got := group(n); got != want {
			t.Errorf("group(%d) = %q, want %q", n, got, want)
		}
	}
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/topic"
)

// syntheticGold is a small 10kGNAD-style file: quoted fields, doubled
// quotes, semicolons and a newline inside the text, an empty line.
const syntheticGold = "Sport;'Rapid gewinnt; das ''Derby'' 2:0'\n" +
	"Web;'Neues Smartphone\nmit zwei Zeilen'\n" +
	"\n" +
	"Inland;Nationalrat beschließt Budget\n" +
	"Sport;'Slalom';extra;fields\n" +
	"Wirtschaft;'Aktie fällt'\n" +
	"Kultur;'Premiere im Burgtheater'\n" +
	"Web;'App-Update'\n" +
	"Etat;'ORF-Quote'\n"

// syntheticPred has a wrong prediction, a label outside the gold set, a
// missing article and an unknown id.
var syntheticPred = map[string]string{"0": "Sport", "1": "Etat", "2": "Inland", "3": "Sport", "4": "Wirtschaft", "5": "Lifestyle", "6": "Web", "99": "Sport"}

func TestReadGNAD(t *testing.T) {
	arts, err := readGNAD(strings.NewReader(syntheticGold))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 8 {
		t.Fatalf("%d articles", len(arts))
	}
	for i, want := range []article{
		{"0", "Sport", "Rapid gewinnt; das 'Derby' 2:0"},
		{"1", "Web", "Neues Smartphone\nmit zwei Zeilen"},
		{"2", "Inland", "Nationalrat beschließt Budget"},
		{"3", "Sport", "Slalom;extra;fields"},
	} {
		if arts[i] != want {
			t.Errorf("article %d = %+v, want %+v", i, arts[i], want)
		}
	}
	if _, err := readGNAD(strings.NewReader("Sport\n")); err == nil {
		t.Error("record without text: no error")
	}
}

// TestScoreMatchesTopicscore checks that the Go scorer prints exactly what
// ../shared/tools/topicscore.py prints for the same gold and predictions
// (skipped without python3 or the script).
func TestScoreMatchesTopicscore(t *testing.T) {
	script := "../../../shared/tools/topicscore.py"
	if _, err := os.Stat(script); err != nil {
		t.Skip("topicscore.py not found (needs ../shared):", err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found")
	}
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.csv")
	pred := filepath.Join(dir, "pred.jsonl")
	if err := os.WriteFile(gold, []byte(syntheticGold), 0o644); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, id := range []string{"0", "1", "2", "3", "4", "5", "6", "99"} {
		json.NewEncoder(&b).Encode(map[string]any{"id": id, "label": syntheticPred[id]})
	}
	if err := os.WriteFile(pred, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, script, gold, pred).Output()
	if err != nil {
		t.Fatal(err)
	}
	arts, err := readGNAD(strings.NewReader(syntheticGold))
	if err != nil {
		t.Fatal(err)
	}
	m := score(arts, syntheticPred)
	if got, want := report(m), strings.TrimRight(string(out), "\n"); got != want {
		t.Errorf("Go report:\n%s\n\ntopicscore.py:\n%s", got, want)
	}
	if m.Missing != 1 || m.Unknown != 1 || len(m.OutOfSet) != 1 {
		t.Errorf("missing %d unknown %d out-of-set %v", m.Missing, m.Unknown, m.OutOfSet)
	}
}

func TestSection(t *testing.T) {
	m := map[string]string{"medtop:11000000": "International", "medtop:20000045": "Etat", "medtop:01000000": "Kultur", "medtop:05000000": "Inland"}
	tp := func(w float64, path ...string) topic.Topic {
		return topic.Topic{ID: path[len(path)-1], Level: len(path), Path: path, Weight: w, Score: 0.5}
	}
	politics := []topic.Topic{tp(10, "medtop:11000000"), tp(8, "medtop:11000000", "medtop:20000593")}
	media := []topic.Topic{tp(10, "medtop:01000000"), tp(6, "medtop:01000000", "medtop:20000045"), tp(4, "medtop:01000000", "medtop:20000045", "medtop:20000051")}
	at := []topic.Focus{{ID: "iso:AT", Country: "AT", Score: 0.8}}
	de := []topic.Focus{{ID: "geo:2761369", Country: "AT", Place: true, Score: 0.9}, {ID: "iso:DE", Country: "DE", Score: 0.6}}
	for _, tc := range []struct {
		r    topic.Result
		want string
	}{
		{topic.Result{Topics: politics, Focus: at}, "Inland"},
		{topic.Result{Topics: politics, Focus: de}, "International"},
		{topic.Result{Topics: politics}, "International"},
		{topic.Result{Topics: media, Focus: at}, "Etat"},
		{topic.Result{}, "Panorama"},
	} {
		if got, _ := section(tc.r, m); got != tc.want {
			t.Errorf("section(%v) = %s, want %s", tc.r.Topics, got, tc.want)
		}
	}
}

func TestFolds(t *testing.T) {
	var arts []article
	for i := 0; i < 30; i++ {
		arts = append(arts, article{Label: []string{"A", "B", "C"}[i%3]})
	}
	f := folds(arts, 10, 1)
	per := map[int]int{}
	for _, x := range f {
		per[x]++
	}
	for k := 0; k < 10; k++ {
		if per[k] != 3 {
			t.Errorf("fold %d has %d articles", k, per[k])
		}
	}
	if g := folds(arts, 10, 1); !slices.Equal(f, g) {
		t.Error("folds not deterministic")
	}
}

package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadExamplesFormats(t *testing.T) {
	dir := t.TempDir()
	gnad := filepath.Join(dir, "g.csv")
	os.WriteFile(gnad, []byte("Sport;'Tor; Sieg'\nWeb;'App'\n"), 0o644)
	ex, err := readExamples(gnad, ";", "'")
	if err != nil || len(ex) != 2 || ex[0].Text != "Tor; Sieg" || ex[1].Label != "Web" {
		t.Errorf("gnad: %+v %v", ex, err)
	}
	jl := filepath.Join(dir, "d.jsonl")
	os.WriteFile(jl, []byte("{\"label\":\"A\",\"text\":\"x\"}\n{\"label\":\"B\",\"text\":\"y\"}\n"), 0o644)
	ex, err = readExamples(jl, ",", "\"")
	if err != nil || len(ex) != 2 || ex[1].Label != "B" {
		t.Errorf("jsonl: %+v %v", ex, err)
	}
	bad := filepath.Join(dir, "b.jsonl")
	os.WriteFile(bad, []byte("{\"text\":\"x\"}\n"), 0o644)
	if _, err := readExamples(bad, ",", "\""); err == nil {
		t.Error("jsonl without label: no error")
	}
}

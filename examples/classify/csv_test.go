package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCSVReader(t *testing.T) {
	in := "label,text\nSport,\"Rapid gewinnt, 2:0\"\n\nWeb,\"Zwei\nZeilen mit \"\"Zitat\"\"\"\r\nInland,ohne Quotes\n"
	rd := &csvReader{br: bufio.NewReader(strings.NewReader(in)), delim: ',', quote: '"'}
	var got [][]string
	for {
		row, err := rd.record()
		if len(row) > 0 {
			got = append(got, row)
		}
		if err != nil {
			break
		}
	}
	want := [][]string{{"label", "text"}, {"Sport", "Rapid gewinnt, 2:0"}, {"Web", "Zwei\nZeilen mit \"Zitat\""}, {"Inland", "ohne Quotes"}}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d = %q, want %q", i, got[i], want[i])
		}
	}
}

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

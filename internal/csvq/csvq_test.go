package csvq

import (
	"strings"
	"testing"
)

func TestReader(t *testing.T) {
	in := "label,text\nSport,\"Rapid gewinnt, 2:0\"\n\nWeb,\"Zwei\nZeilen mit \"\"Zitat\"\"\"\r\nInland,ohne Quotes\n"
	rd := NewReader(strings.NewReader(in), ',', '"')
	var got [][]string
	for {
		row, err := rd.Read()
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

func TestReaderSemicolonQuote(t *testing.T) {
	rd := NewReader(strings.NewReader("Sport;'Tor; ''Sieg'''\nWeb;'App'"), ';', '\'')
	var got []string
	for {
		row, err := rd.Read()
		if len(row) > 0 {
			got = append(got, strings.Join(row, "|"))
		}
		if err != nil {
			break
		}
	}
	if strings.Join(got, "/") != "Sport|Tor; 'Sieg'/Web|App" {
		t.Fatalf("got %q", got)
	}
}

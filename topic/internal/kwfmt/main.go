// Command kwfmt sorts a keyword or cue table of package topic in place:
// the header comment block stays, the data lines are sorted by qcode and
// then by term (stop terms, qcode "-", come first), exact duplicate lines
// are dropped, and a comment line with the topic's German label opens each
// qcode group.
//
//	go run ./internal/kwfmt data/keywords.tsv data/cues.tsv
//
// Run it from the topic directory after editing a table; the package tests
// check that the embedded tables are sorted this way.
package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/kenner-nlp/kenner/topic"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: kwfmt FILE.tsv ...")
		os.Exit(2)
	}
	for _, f := range os.Args[1:] {
		if err := format(f); err != nil {
			fmt.Fprintln(os.Stderr, "kwfmt:", err)
			os.Exit(1)
		}
	}
}

func format(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var head, data []string
	inHead := true
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for sc.Scan() {
		l := strings.TrimRight(sc.Text(), "\r ")
		switch {
		case inHead && (strings.HasPrefix(l, "#") || strings.HasPrefix(l, "qcode\t")):
			head = append(head, l)
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
			inHead = false // group comments and blank lines are regenerated
		default:
			inHead = false
			if strings.Count(l, "\t") != 2 {
				return fmt.Errorf("%s: %q: want 3 tab-separated columns", path, l)
			}
			data = append(data, l)
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	slices.SortFunc(data, topic.CompareTableLines)
	data = slices.Compact(data)
	tax := topic.DefaultTaxonomy()
	var out strings.Builder
	for _, l := range head {
		out.WriteString(l + "\n")
	}
	group := ""
	for _, l := range data {
		code, _, _ := strings.Cut(l, "\t")
		if code != group {
			group = code
			label := "stop entries: words that match nothing (and are not read as compounds), entities that give no cue"
			if c, ok := tax.Concept(code); ok {
				label = c.Label
				if label == "" {
					label = c.LabelEn
				}
				label += " (" + c.LabelEn + ")"
			}
			fmt.Fprintf(&out, "# %s %s\n", code, label)
		}
		out.WriteString(l + "\n")
	}
	return os.WriteFile(path, []byte(out.String()), 0o644)
}

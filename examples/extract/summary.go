package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner"
)

// typeNames are the entity types in the order the summary shows them.
var typeNames = []struct{ typ, title string }{
	{"PER", "People"},
	{"LOC", "Places"},
	{"ORG", "Organisations"},
	{"OTH", "Other"},
}

// writeSummary writes a readable summary of res, the result for text, to w.
func writeSummary(w io.Writer, name, text string, res *kenner.Result) {
	mentions := 0
	for _, e := range res.Entities {
		mentions += e.Count
	}
	fmt.Fprintf(w, "%s: %d bytes, %d entities, %d mentions\n", name, len(text), len(res.Entities), mentions)
	if head := headline(text); head != "" {
		fmt.Fprintf(w, "» %s\n", head)
	}

	for _, tn := range typeNames {
		var group []kenner.EntityJSON
		for _, e := range res.Entities {
			if e.Type == tn.typ {
				group = append(group, e)
			}
		}
		if len(group) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s %s (%d)\n", tn.typ, tn.title, len(group))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, e := range group {
			fmt.Fprintf(tw, "  %s\t×%d\t%s\n", e.Name, e.Count, strings.TrimSpace("("+strings.Join(forms(e), ", ")+") "+e.ID))
		}
		tw.Flush()
	}
	if len(res.Entities) == 0 {
		fmt.Fprintln(w, "\nNo entities found.")
	}

	if len(res.Topics) > 0 {
		fmt.Fprintf(w, "\nTopics\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, t := range res.Topics {
			label := t.Label
			if t.LabelEn != "" && t.LabelEn != t.Label {
				label += " / " + t.LabelEn
			}
			ev := ""
			if len(t.Evidence) > 0 {
				var words []string
				for _, e := range t.Evidence {
					words = append(words, e.Text)
				}
				ev = "(" + strings.Join(words, ", ") + ")"
			}
			fmt.Fprintf(tw, "  %.2f\t%s\t%s\t%s\n", t.Score, label, t.ID, ev)
		}
		tw.Flush()
	}
	if len(res.Focus) > 0 {
		fmt.Fprintf(w, "\nFocus\n")
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, f := range res.Focus {
			fmt.Fprintf(tw, "  %.2f\t%s\t%s\n", f.Score, f.Name, f.ID)
		}
		tw.Flush()
	}
}

// forms returns the distinct surface forms of e in order of first
// appearance.
func forms(e kenner.EntityJSON) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range e.Mentions {
		if !seen[m.Text] {
			seen[m.Text] = true
			out = append(out, m.Text)
		}
	}
	return out
}

// headline returns the first non-empty line of text, shortened to 100
// characters.
func headline(text string) string {
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if utf8.RuneCountInString(line) > 100 {
			r := []rune(line)
			line = string(r[:99]) + "…"
		}
		return strings.ToValidUTF8(line, "\uFFFD")
	}
	return ""
}

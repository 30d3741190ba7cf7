// Command lookup shows what kenner's default gazetteer makes of words and
// phrases: for each argument the Snowball stem, the first-name count and
// every gazetteer match with its candidate entries.
//
// Usage:
//
//	go run ./examples/lookup Putins Nato-Staaten russische MOSKAU Essen
//	go run ./examples/lookup -g my.tsv "Weißes Haus"
//
// With -g, the entries of a TSV or JSONL file are added to (and replace
// entries of) the default gazetteer.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/stem/german"
)

func main() {
	extra := flag.String("g", "", "additional gazetteer file (TSV or JSONL)")
	limit := flag.Int("n", 5, "candidates to show per match (0: all)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: lookup [-g file] [-n candidates] word-or-phrase ...\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	g, err := gazetteer.DefaultErr()
	if err != nil {
		fmt.Fprintln(os.Stderr, "lookup:", err)
		os.Exit(1)
	}
	if *extra != "" {
		if g, err = withFile(g, *extra); err != nil {
			fmt.Fprintln(os.Stderr, "lookup:", err)
			os.Exit(1)
		}
	}
	fmt.Printf("gazetteer: %d entries (data %s)\n", g.Len(), gazetteer.DataVersion)
	for _, arg := range flag.Args() {
		fmt.Println()
		describe(os.Stdout, g, arg, *limit)
	}
}

// withFile adds the entries of a gazetteer file to g.
func withFile(g *gazetteer.Gazetteer, name string) (*gazetteer.Gazetteer, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	user, err := gazetteer.Load(f, name)
	if err != nil {
		return nil, err
	}
	return g.With(user)
}

// describe prints the stem, the first-name count and the matches of arg.
func describe(w io.Writer, g *gazetteer.Gazetteer, arg string, limit int) {
	fmt.Fprintf(w, "%s\n", arg)
	var stems []string
	for _, word := range strings.Fields(arg) {
		stems = append(stems, german.Stem(word))
	}
	fmt.Fprintf(w, "  stem:       %s\n", strings.Join(stems, " "))
	names := gazetteer.FirstNames()
	if n := names.Count(arg); n > 0 {
		fmt.Fprintf(w, "  first name: %d (%.0f%% female)\n", n, 100*names.FemaleShare(arg))
	} else {
		fmt.Fprintf(w, "  first name: -\n")
	}
	ms := g.Lookup(arg)
	if len(ms) == 0 {
		fmt.Fprintf(w, "  no gazetteer match\n")
		return
	}
	for _, m := range ms {
		var flags []string
		if m.Inflected {
			flags = append(flags, "inflected")
		}
		if m.Folded {
			flags = append(flags, "folded")
		}
		where := fmt.Sprintf("%q", arg[m.Start:m.End])
		if m.PartStart != m.Start || m.PartEnd != m.End {
			where += fmt.Sprintf(", name %q", arg[m.PartStart:m.PartEnd])
		}
		fmt.Fprintf(w, "  match %s: form %s", where, m.Form)
		if len(flags) > 0 {
			fmt.Fprintf(w, " (%s)", strings.Join(flags, ", "))
		}
		fmt.Fprintf(w, ", %d candidate(s)\n", len(m.Entries))
		for i, e := range m.Entries {
			if limit > 0 && i == limit {
				fmt.Fprintf(w, "    … %d more\n", len(m.Entries)-limit)
				break
			}
			fmt.Fprintf(w, "    %-26s %s  %-28s prior %.2f%s\n", e.ID, e.Type, e.Name, e.Prior, details(e, names))
		}
	}
}

// details renders the kind, country, population, role and, for people, the
// first-name count of the first name.
func details(e *gazetteer.Entry, names *gazetteer.Names) string {
	var b strings.Builder
	if e.Kind != "" {
		b.WriteString("  " + e.Kind)
	}
	if e.Country != "" {
		b.WriteString(" " + e.Country)
	}
	if e.Population > 0 {
		fmt.Fprintf(&b, " pop %d", e.Population)
	}
	if r := e.Attrs["role"]; r != "" {
		b.WriteString(" (" + r + ")")
	}
	if e.Type == gazetteer.PER {
		if first, _, ok := strings.Cut(e.Name, " "); ok {
			fmt.Fprintf(&b, " first name %s: %d", first, names.Count(first))
		}
	}
	return b.String()
}

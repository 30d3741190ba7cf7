// Command extract shows what kenner finds in German news text.
//
// Without flags it prints a readable summary of a bundled sample article:
// the entities grouped by type, each with its number of mentions, canonical
// name, surface forms and ID, then the topics and the focus.
//
//	go run ./examples/extract
//	go run ./examples/extract -text article.txt     # summary of a text file
//	go run ./examples/extract -json article.txt     # one JSON object
//	go run ./examples/extract -json - < article.txt
//	go run ./examples/extract -jsonl docs.jsonl > out.jsonl
//
// -text and -json read plain UTF-8 text ("-" is standard input). -jsonl reads
// JSON Lines {"id":…,"text":"…"} and writes one line per input line, in input
// order: {"id":…,"entities":[…],"topics":[…],"focus":[…]}, or
// {"id":…,"error":"…"} for a line that cannot be read (see
// internal/stream). Lines are analysed by -workers goroutines (default
// GOMAXPROCS). A progress line goes to standard error when it is a terminal,
// or when -progress is given (-progress=false turns it off).
//
// The exit status is 0 unless reading the input or writing the output fails
// (1) or the command line is wrong (2); bad JSONL lines are reported in the
// output, not by the exit status.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/internal/stream"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, isTerminal(os.Stderr))
	stop()
	os.Exit(code)
}

// isTerminal reports whether f is a character device (a terminal), without
// golang.org/x/term.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// run is the whole command; stderrTTY says whether stderr is a terminal.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, stderrTTY bool) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		jsonFile  = fs.String("json", "", "analyse one plain-text article from `FILE` (- for stdin) and print one JSON object")
		jsonlFile = fs.String("jsonl", "", "analyse JSON Lines {\"id\":…,\"text\":…} from `FILE` (- for stdin), write JSONL to stdout")
		textFile  = fs.String("text", "", "print a readable summary of the plain-text article in `FILE` (- for stdin)")
		workers   = fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines analysing JSONL lines")
		progress  = fs.Bool("progress", false, "show a progress line on stderr with -jsonl (default: only when stderr is a terminal)")
		pretty    = fs.Bool("pretty", false, "indent the -json output")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: extract [-text FILE | -json FILE | -jsonl FILE [-workers N] [-progress]]\n\n"+
			"Without flags, prints a summary of a bundled sample article.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "extract: unexpected argument %q (use -text, -json or -jsonl)\n", fs.Arg(0))
		return 2
	}
	modes := 0
	for _, s := range []string{*jsonFile, *jsonlFile, *textFile} {
		if s != "" {
			modes++
		}
	}
	if modes > 1 {
		fmt.Fprintln(stderr, "extract: give only one of -text, -json and -jsonl")
		return 2
	}
	showProgress := stderrTTY
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "progress" {
			showProgress = *progress
		}
	})

	a, err := kenner.New()
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}

	if *jsonlFile != "" {
		// The stream buffers and flushes itself whenever it waits.
		if err := runJSONL(ctx, a, *jsonlFile, stdin, stdout, stderr, *workers, showProgress, stderrTTY); err != nil {
			fmt.Fprintln(stderr, "extract:", err)
			return 1
		}
		return 0
	}

	out := bufio.NewWriter(stdout)
	switch {
	case *jsonFile != "":
		var text string
		if text, err = readText(*jsonFile, stdin); err == nil {
			err = writeJSON(out, a.Analyze(text), *pretty)
		}
	case *textFile != "":
		var text string
		if text, err = readText(*textFile, stdin); err == nil {
			name := *textFile
			if name == "-" {
				name = "standard input"
			}
			writeSummary(out, name, text, a.Analyze(text))
		}
	default:
		writeSummary(out, "bundled sample article", sample.Article, a.Analyze(sample.Article))
	}
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintln(stderr, "extract:", err)
		return 1
	}
	return 0
}

func open(name string, stdin io.Reader) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(name)
}

func readText(name string, stdin io.Reader) (string, error) {
	r, err := open(name, stdin)
	if err != nil {
		return "", err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	return string(b), err
}

func writeJSON(w io.Writer, res *kenner.Result, pretty bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(res)
}

// runJSONL streams name (or stdin) through the analyzer to w. The progress
// line is redrawn in place on a terminal and printed line by line elsewhere.
func runJSONL(ctx context.Context, a *kenner.Analyzer, name string, stdin io.Reader, w io.Writer, stderr io.Writer, workers int, showProgress, tty bool) error {
	r, err := open(name, stdin)
	if err != nil {
		return err
	}
	defer r.Close()
	opts := stream.Options{Workers: workers}
	if showProgress {
		opts.Progress = func(p stream.Progress) {
			switch {
			case !tty:
				fmt.Fprintln(stderr, progressLine(p))
			case p.Done:
				fmt.Fprintf(stderr, "\r%s\n", progressLine(p))
			default:
				fmt.Fprintf(stderr, "\r%s", progressLine(p))
			}
		}
	}
	_, err = stream.Run(ctx, r, w, func(text string) (any, error) {
		return a.Analyze(text), nil
	}, opts)
	return err
}

func progressLine(p stream.Progress) string {
	return fmt.Sprintf("%d docs  %d errors  %.1f MiB  %.0f docs/s  %.1f MiB/s  %.1fs",
		p.Docs, p.Errors, float64(p.Bytes)/(1<<20), p.DocsPerSec(), p.BytesPerSec()/(1<<20), p.Elapsed.Seconds())
}

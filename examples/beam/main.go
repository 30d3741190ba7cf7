// Command beam runs kenner over JSON Lines files as an Apache Beam pipeline.
//
// Each input line is a JSON object {"id":…,"text":"…"}; each output line is
// the id followed by kenner's result for the text, or by an error when the
// line cannot be read:
//
//	{"id":…,"entities":[…],"topics":[…],"focus":[…]}
//	{"id":…,"error":"…"}
//
// The line format is the one of kenner's JSONL command (id copied as is, null
// when the line is not a readable object), except that blank lines are
// skipped and the output is not in input order: Beam processes lines in
// parallel and in any order; join on id.
//
// Usage:
//
//	go run . -input 'news/*.jsonl' -output results.jsonl [beam flags]
//
// Without -runner the pipeline runs on prism, Beam's local runner, in this
// process. See README.md for Flink, Spark and Dataflow.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	// S3 (and S3-compatible stores such as MinIO) for -input and -output
	// on Flink and Spark clusters; beamx registers local and gs:// files.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/stream"
)

var (
	input  = flag.String("input", "", "JSONL file(s) to read: a path or glob, local, gs:// or s3:// (required)")
	output = flag.String("output", "", "JSONL file to write the results to: local, gs:// or s3:// (required)")
	topics = flag.Bool("topics", true, "tag IPTC media topics and focus as well as entities")
)

func init() {
	// Registration lets every runner (and prism's loopback workers) find
	// the DoFn and call it without reflection.
	register.DoFn3x0[context.Context, string, func(string)](&analyzeFn{})
	register.Emitter1[string]()
}

// Counters, visible in the runner's UI and in the pipeline result.
var (
	docsCounter    = beam.NewCounter("kenner", "docs")
	errorsCounter  = beam.NewCounter("kenner", "errors")
	blankCounter   = beam.NewCounter("kenner", "blank_lines")
	bytesCounter   = beam.NewCounter("kenner", "input_bytes")
	entitiesCounts = beam.NewDistribution("kenner", "entities_per_doc")
)

func main() {
	flag.Parse()
	beam.Init() // must come right after flag.Parse: a worker process stops here
	if *input == "" || *output == "" {
		fmt.Fprintln(os.Stderr, "usage: beam -input FILES -output FILE [-topics=false] [beam flags, e.g. -runner]")
		flag.PrintDefaults()
		os.Exit(2)
	}
	ctx := context.Background()
	p, s := beam.NewPipelineWithRoot()
	Pipeline(s, *input, *output, *topics)
	if err := beamx.Run(ctx, p); err != nil {
		log.Exitf(ctx, "kenner beam pipeline failed: %v", err)
	}
}

// Pipeline adds to s the steps that read the JSONL files matching input,
// analyse every line and write the result lines to output.
func Pipeline(s beam.Scope, input, output string, topics bool) {
	lines := textio.Read(s, input)
	results := Analyze(s, lines, topics)
	textio.Write(s, output, results)
}

// Analyze turns a PCollection of JSONL input lines into a PCollection of
// JSONL result lines (without newlines). Blank lines give no output.
func Analyze(s beam.Scope, lines beam.PCollection, topics bool) beam.PCollection {
	s = s.Scope("kenner.Analyze")
	return beam.ParDo(s, &analyzeFn{Topics: topics}, lines)
}

// analyzeFn analyses one JSONL line. Its exported fields are its
// configuration, serialised with the pipeline; the Analyzer is built on the
// worker in Setup.
type analyzeFn struct {
	Topics bool `json:"topics"`

	a *kenner.Analyzer
}

// Setup runs once per DoFn instance on a worker, before any bundle. A worker
// runs several instances (one per bundle thread); they share one Analyzer,
// built the first time (loading the embedded data takes a moment, and the
// Analyzer is safe for concurrent use).
func (f *analyzeFn) Setup() error {
	a, err := sharedAnalyzer(f.Topics)
	if err != nil {
		return err
	}
	f.a = a
	return nil
}

// ProcessElement analyses one input line and emits one output line.
func (f *analyzeFn) ProcessElement(ctx context.Context, line string, emit func(string)) {
	if len(bytes.TrimSpace([]byte(line))) == 0 {
		blankCounter.Inc(ctx, 1)
		return
	}
	bytesCounter.Inc(ctx, int64(len(line)))
	out, nEntities, err := f.analyzeLine(line)
	if err != nil {
		errorsCounter.Inc(ctx, 1)
	} else {
		entitiesCounts.Update(ctx, int64(nEntities))
	}
	docsCounter.Inc(ctx, 1)
	emit(out)
}

// analyzeLine returns the output line for one input line (no newline), the
// number of entities found, and the error when the output is an error line.
func (f *analyzeFn) analyzeLine(line string) (out string, nEntities int, err error) {
	id, text, err := stream.ParseLine([]byte(line))
	if err != nil {
		return errorLine(id, err), 0, err
	}
	defer func() {
		// kenner does not panic on any input; should it ever, one bad
		// document must not fail (and endlessly retry) the whole bundle.
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
			out, nEntities = errorLine(id, err), 0
		}
	}()
	res := f.a.Analyze(text)
	b, err := resultLine(id, res)
	if err != nil {
		return errorLine(id, err), 0, err
	}
	return b, len(res.Entities), nil
}

// resultLine returns {"id":<id>,<fields of res>}.
func resultLine(id json.RawMessage, res *kenner.Result) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(res); err != nil {
		return "", fmt.Errorf("encoding result: %v", err)
	}
	obj := bytes.TrimSpace(buf.Bytes())
	if len(obj) < 2 || obj[0] != '{' {
		return "", errors.New("result is not a JSON object")
	}
	out := make([]byte, 0, len(obj)+len(id)+8)
	out = append(out, `{"id":`...)
	if len(id) == 0 {
		out = append(out, "null"...)
	} else {
		out = append(out, id...)
	}
	if rest := bytes.TrimLeft(obj[1:], " \t\r\n"); rest[0] != '}' {
		out = append(out, ',')
		out = append(out, rest...)
	} else {
		out = append(out, '}')
	}
	return string(out), nil
}

// errorLine returns {"id":<id>,"error":"…"} without its newline.
func errorLine(id json.RawMessage, err error) string {
	return string(bytes.TrimSuffix(stream.ErrorLine(id, err), []byte("\n")))
}

var (
	analyzersMu sync.Mutex
	analyzers   = map[bool]*kenner.Analyzer{} // by topics on/off
)

// sharedAnalyzer returns the worker process's Analyzer for the given
// configuration, building it on first use.
func sharedAnalyzer(topics bool) (*kenner.Analyzer, error) {
	analyzersMu.Lock()
	defer analyzersMu.Unlock()
	if a := analyzers[topics]; a != nil {
		return a, nil
	}
	var opts []kenner.Option
	if !topics {
		opts = append(opts, kenner.WithoutTopics())
	}
	a, err := kenner.New(opts...)
	if err != nil {
		return nil, err
	}
	analyzers[topics] = a
	return a, nil
}

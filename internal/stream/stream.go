package stream

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"
)

// DefaultMaxLineSize is the default limit on the length of one input line:
// 64 MiB.
const DefaultMaxLineSize = 64 << 20

// Func analyses the text of one line. Its result must encode (with
// encoding/json) as a JSON object; the object's fields follow "id" in the
// output line. An error gives an error line. Func is called from several
// goroutines at once.
type Func func(text string) (any, error)

// Options configure Run. The zero value is ready to use.
type Options struct {
	// Workers is the number of goroutines calling Func; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// MaxLineSize is the longest line accepted, in bytes without the
	// newline; 0 means DefaultMaxLineSize.
	MaxLineSize int
	// Window is the most lines read but not yet written; 0 means 4×Workers.
	Window int
	// Progress, when not nil, is called from the goroutine running Run at
	// most every ProgressInterval while lines are written, and once more at
	// the end with Done set.
	Progress func(Progress)
	// ProgressInterval defaults to one second.
	ProgressInterval time.Duration
}

// Progress says how far a Run has come.
type Progress struct {
	Docs    int64         // output lines written, error lines included
	Errors  int64         // error lines written
	Bytes   int64         // input bytes of the lines written, newlines included
	Elapsed time.Duration // since Run started
	Done    bool          // the last report of the Run
}

// DocsPerSec is the mean rate of lines written per second.
func (p Progress) DocsPerSec() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Docs) / p.Elapsed.Seconds()
}

// BytesPerSec is the mean rate of input bytes per second.
func (p Progress) BytesPerSec() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Bytes) / p.Elapsed.Seconds()
}

type job struct {
	n    int64  // line number, from 1
	line []byte // nil for preset results
	size int64  // input bytes
	res  chan result
}

type result struct {
	out []byte // one output line with its newline
	err bool
}

// Run reads JSON Lines from r, calls fn for the text of each line on
// Options.Workers goroutines and writes one output line per input line to w,
// in input order (see the package documentation for the line format).
//
// Run returns the final Progress and an error only when reading r or
// writing w fails or ctx is done; bad lines are not errors of Run. After an
// error, the lines read but not written are lost, and a goroutine may still
// be blocked reading r until r returns.
func Run(ctx context.Context, r io.Reader, w io.Writer, fn Func, opts Options) (Progress, error) {
	if fn == nil {
		return Progress{}, errors.New("stream: nil Func")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxLine := opts.MaxLineSize
	if maxLine <= 0 {
		maxLine = DefaultMaxLineSize
	}
	window := opts.Window
	if window <= 0 {
		window = 4 * workers
	}
	interval := opts.ProgressInterval
	if interval <= 0 {
		interval = time.Second
	}

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	start := time.Now()
	order := make(chan *job, window)
	jobs := make(chan *job, workers)
	var readErr error // written by the reader before it closes order

	// Reader.
	go func() {
		defer close(jobs)
		defer close(order)
		br := bufio.NewReaderSize(r, 64<<10)
		for n := int64(1); ; n++ {
			line, size, tooLong, err := readLine(br, maxLine)
			if size == 0 && err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
			j := &job{n: n, size: size, res: make(chan result, 1)}
			var preset error
			if tooLong {
				preset = fmt.Errorf("line longer than %d bytes", maxLine)
			} else if len(bytes.TrimSpace(line)) == 0 {
				preset = errEmpty
			} else {
				j.line = line
			}
			select {
			case order <- j:
			case <-ctx.Done():
				return
			}
			if preset != nil {
				j.res <- errorResult(nil, n, preset)
			} else {
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					readErr = err
				}
				return
			}
		}
	}()

	// Workers.
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.res <- process(j, fn)
			}
		}()
	}

	// Writer.
	bw := bufio.NewWriterSize(w, 64<<10)
	var p Progress
	last := start
	report := func(done bool) {
		if opts.Progress == nil {
			return
		}
		p.Elapsed = time.Since(start)
		p.Done = done
		opts.Progress(p)
	}
	// Before the writer blocks (waiting for the next line or result), it
	// flushes, so that what is written so far reaches the reader of w.
	for {
		var j *job
		var ok bool
		select {
		case j, ok = <-order:
		default:
			if err := bw.Flush(); err != nil {
				return finish(&p, start), fmt.Errorf("stream: %w", err)
			}
			select {
			case j, ok = <-order:
			case <-ctx.Done():
				return finish(&p, start), ctx.Err()
			}
		}
		if !ok {
			break
		}
		var res result
		select {
		case res = <-j.res:
		default:
			if err := bw.Flush(); err != nil {
				return finish(&p, start), fmt.Errorf("stream: %w", err)
			}
			select {
			case res = <-j.res:
			case <-ctx.Done():
				return finish(&p, start), ctx.Err()
			}
		}
		if _, err := bw.Write(res.out); err != nil {
			return finish(&p, start), fmt.Errorf("stream: %w", err)
		}
		p.Docs++
		p.Bytes += j.size
		if res.err {
			p.Errors++
		}
		if opts.Progress != nil {
			if now := time.Now(); now.Sub(last) >= interval {
				last = now
				report(false)
			}
		}
	}
	wg.Wait()
	if err := bw.Flush(); err != nil {
		return finish(&p, start), fmt.Errorf("stream: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return finish(&p, start), err
	}
	report(true)
	p = finish(&p, start)
	if readErr != nil {
		return p, fmt.Errorf("stream: %w", readErr)
	}
	return p, nil
}

func finish(p *Progress, start time.Time) Progress {
	q := *p
	q.Elapsed = time.Since(start)
	q.Done = true
	return q
}

// readLine reads one line of at most max bytes (newline not counted) and
// returns it with its newline. A longer line is consumed to its end without
// being kept: tooLong is set and line is nil. size counts all bytes read.
// err is io.EOF at the end of the input (with or without a last line).
func readLine(br *bufio.Reader, max int) (line []byte, size int64, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		size += int64(len(chunk))
		if !tooLong {
			if len(line)+len(chunk) > max+2 { // room for "\r\n"
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !tooLong && len(trimEOL(line)) > max {
			tooLong, line = true, nil
		}
		return line, size, tooLong, err
	}
}

func trimEOL(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

func process(j *job, fn Func) (res result) {
	id, text, err := ParseLine(j.line)
	if err != nil {
		return errorResult(id, j.n, err)
	}
	defer func() {
		if r := recover(); r != nil {
			res = errorResult(id, j.n, fmt.Errorf("internal error: %v", r))
		}
	}()
	v, err := fn(text)
	if err != nil {
		return errorResult(id, j.n, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return errorResult(id, j.n, fmt.Errorf("encoding result: %v", err))
	}
	obj := buf.Bytes()
	if len(obj) < 2 || obj[0] != '{' {
		return errorResult(id, j.n, errors.New("result is not a JSON object"))
	}
	out := make([]byte, 0, len(obj)+len(id)+8)
	out = append(out, `{"id":`...)
	out = appendID(out, id)
	rest := bytes.TrimLeft(obj[1:], " \t\r\n")
	if rest[0] != '}' {
		out = append(out, ',')
	}
	out = append(out, rest...)
	return result{out: out}
}

func appendID(dst []byte, id json.RawMessage) []byte {
	if len(id) == 0 {
		return append(dst, "null"...)
	}
	return append(dst, id...)
}

// ErrorLine returns the output line (with its newline) reporting err for
// an input line with the given id (nil for null).
func ErrorLine(id json.RawMessage, err error) []byte {
	msg, _ := marshalNoEscape(err.Error())
	out := make([]byte, 0, len(id)+len(msg)+24)
	out = append(out, `{"id":`...)
	out = appendID(out, id)
	out = append(out, `,"error":`...)
	out = append(out, msg...)
	return append(out, "}\n"...)
}

func errorResult(id json.RawMessage, n int64, err error) result {
	return result{out: ErrorLine(id, fmt.Errorf("line %d: %w", n, err)), err: true}
}

func marshalNoEscape(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Each calls f(0), …, f(n-1) on runtime.GOMAXPROCS(0) goroutines and
// returns when all calls have returned. f must be safe to call
// concurrently for different i.
func Each(n int, f func(i int)) {
	var wg sync.WaitGroup
	ch := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Go(func() {
			for i := range ch {
				f(i)
			}
		})
	}
	for i := 0; i < n; i++ {
		ch <- i
	}
	close(ch)
	wg.Wait()
}

// Command bench measures kenner on German news text and compares it with
// the named-entity recognizer of prose v2 (github.com/jdkato/prose/v2) on
// the same text, in the same process.
//
// It reports, in one table each:
//
//   - throughput (tokens/s, MB/s) of kenner's entity extraction, of entities
//     plus topics (kenner.Analyze), and of prose v2's NER with its model
//     loaded once and reused (prose.UsingModel), and kenner's speed-up;
//   - the time to the first result in a fresh process (loading all embedded
//     data), the median of several runs of this program re-executed as a
//     child process, and the child's peak resident memory (VmHWM), after the
//     first result and after a 10 MB document;
//   - throughput with 1 worker (also with GOMAXPROCS=1) and 2 workers;
//   - throughput for 1 KB, 100 KB and 10 MB inputs;
//
// and checks the results against kenner's performance targets.
//
// Tokens are counted with kenner's tokenizer (words, numbers and
// punctuation; internal/tokenize) over the same text for every system, so
// tokens/s compare like with like; the whitespace-separated count is printed
// for reference. The corpus is testdata/*.txt (embedded), ten original news
// reports.
//
// Usage:
//
//	go run . [-quick] [-time 2s] [-runs 9] [-prose=false]
//
// -quick makes a short smoke run (short measurements, 1 MB instead of
// 10 MB, prose only on the corpus).
package main

import (
	"bufio"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

//go:embed testdata/*.txt
var corpusFS embed.FS

// Targets.
const (
	targetRatio       = 100   // kenner entities vs prose NER, tokens/s
	targetEntities    = 2e6   // tokens/s per core, entities
	targetTopics      = 1e6   // tokens/s per core, entities+topics
	targetFirstResult = 100e6 // ns, fresh process to first result
	targetRSS         = 150   // MB, peak RSS
)

// childEnv selects the child mode of the time-to-first-result measurement:
// "entities" (entity.Extractor only) or "full" (kenner.New with topics).
const childEnv = "KENNER_BENCH_CHILD"

type config struct {
	quick       bool
	dur         time.Duration // per throughput measurement
	runs        int           // fresh-process runs
	prose       bool
	proseBudget time.Duration // skip prose when its model takes longer to load
	newText     string        // SmartData TSV for the new-text measurement ("" or missing: skipped)
}

func main() {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(child(mode, os.Stdout))
	}
	var c config
	flag.BoolVar(&c.quick, "quick", false, "short smoke run")
	flag.DurationVar(&c.dur, "time", 0, "duration of each throughput measurement (default 2s, 150ms with -quick)")
	flag.IntVar(&c.runs, "runs", 0, "fresh-process runs for the time to first result (default 9, 3 with -quick)")
	flag.BoolVar(&c.prose, "prose", true, "measure prose v2 as well")
	flag.DurationVar(&c.proseBudget, "prose-budget", 30*time.Second, "skip prose if loading its model takes longer")
	flag.StringVar(&c.newText, "newtext", "../../../shared/data/smartdata-de/smartdata-de-ner.tsv", "SmartData TSV: text no cache has seen (skipped if missing)")
	flag.Parse()
	if err := run(c, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// system is one thing to measure: run analyses one document and returns a
// number derived from the result (so that the work cannot be optimised away).
type system struct {
	name string
	run  func(text string) int
}

// measurement is the outcome of running a system over documents.
type measurement struct {
	docs, bytes, tokens int64
	dur                 time.Duration // wall-clock time
	cpu                 time.Duration // process CPU time, all threads (GC included)
	skipped             string        // reason, when not measured
}

// tokensPerCPU is tokens per second of process CPU time: the rate per core,
// robust against other processes competing for the CPUs.
func (m measurement) tokensPerCPU() float64 {
	if m.cpu <= 0 {
		return 0
	}
	return float64(m.tokens) / m.cpu.Seconds()
}

func (m measurement) mbPerCPU() float64 {
	if m.cpu <= 0 {
		return 0
	}
	return float64(m.bytes) / 1e6 / m.cpu.Seconds()
}

func (m measurement) tokensPerSec() float64 {
	if m.dur <= 0 {
		return 0
	}
	return float64(m.tokens) / m.dur.Seconds()
}

func (m measurement) docsPerSec() float64 {
	if m.dur <= 0 {
		return 0
	}
	return float64(m.docs) / m.dur.Seconds()
}

var sink atomic.Int64

// doc is a document with its token count.
type doc struct {
	text   string
	tokens int
}

func run(c config, w io.Writer) error {
	if c.dur <= 0 {
		c.dur = 2 * time.Second
		if c.quick {
			c.dur = 150 * time.Millisecond
		}
	}
	if c.runs <= 0 {
		c.runs = 9
		if c.quick {
			c.runs = 3
		}
	}
	articles, err := loadCorpus()
	if err != nil {
		return err
	}
	var docs []doc
	var corpusBytes, corpusTokens, corpusWS int
	for _, a := range articles {
		n := countTokens(a)
		docs = append(docs, doc{a, n})
		corpusBytes += len(a)
		corpusTokens += n
		corpusWS += len(strings.Fields(a))
	}
	fmt.Fprintf(w, "kenner bench: %s %s/%s, %d CPUs, GOMAXPROCS %d\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "corpus: %d articles, %s bytes, %s tokens (kenner tokenizer; %s whitespace-separated)\n",
		len(docs), group(int64(corpusBytes)), group(int64(corpusTokens)), group(int64(corpusWS)))
	fmt.Fprintf(w, "tokens/s: wall clock; per CPU-s: per second of process CPU time (all threads, GC included) = rate per core\n\n")

	a, err := kenner.New()
	if err != nil {
		return err
	}
	ext := a.Extractor()
	entities := system{"kenner entities", func(t string) int { return len(ext.Extract(t).Mentions) }}
	full := system{"kenner entities+topics", func(t string) int {
		r := a.Analyze(t)
		return len(r.Entities) + len(r.Topics)
	}}

	// prose v2: decode the default (English) model once, reuse it.
	var proseSys *system
	proseSkip := "disabled (-prose=false)"
	var proseLoad time.Duration
	if c.prose {
		start := time.Now()
		m, err := loadProse(c.proseBudget)
		proseLoad = time.Since(start)
		if err != nil {
			proseSkip = err.Error()
		} else {
			proseSys = &system{"prose v2 NER", func(t string) int {
				d, err := prose.NewDocument(t, prose.UsingModel(m), prose.WithSegmentation(false))
				if err != nil {
					return 0
				}
				return len(d.Entities())
			}}
		}
	}

	// 1. Throughput on the corpus, one goroutine.
	rounds := 5
	if c.quick {
		rounds = 1
	}
	fmt.Fprintf(w, "Throughput: 1 goroutine, the corpus articles as documents, %v per system in %d interleaved rounds\n", c.dur, rounds)
	tw := newTable(w, "system", "tokens/s", "per CPU-s", "MB/CPU-s", "docs/s", "× prose")
	// The systems take turns in rounds, so that a slow or fast phase of a
	// shared machine falls on all of them alike.
	syss := []system{entities, full}
	if proseSys != nil {
		syss = append(syss, *proseSys)
	}
	mr := measureRounds(syss, docs, c.dur, rounds)
	mEnt, mFull := mr[0], mr[1]
	var mProse measurement
	if proseSys != nil {
		mProse = mr[2]
	} else {
		mProse.skipped = proseSkip
	}
	// The ratio uses CPU time where available (same tokens, same process).
	speed := func(m measurement) float64 {
		if m.cpu > 0 {
			return m.tokensPerCPU()
		}
		return m.tokensPerSec()
	}
	ratio := func(m measurement) string {
		if mProse.skipped != "" || speed(mProse) == 0 {
			return "–"
		}
		return fmt.Sprintf("%.0f×", speed(m)/speed(mProse))
	}
	for _, r := range []struct {
		name string
		m    measurement
	}{{entities.name, mEnt}, {full.name, mFull}, {"prose v2 NER (English model)", mProse}} {
		if r.m.skipped != "" {
			tw.row(r.name, "skipped: "+r.m.skipped)
			continue
		}
		x := ratio(r.m)
		if r.m == mProse {
			x = "1×"
		}
		tw.row(r.name, rate(r.m.tokensPerSec()), rate(r.m.tokensPerCPU()), fmt.Sprintf("%.3g", r.m.mbPerCPU()), group(int64(math.Round(r.m.docsPerSec()))), x)
	}
	tw.flush()
	if mProse.skipped == "" {
		fmt.Fprintf(w, "  prose: model decoded once (%v) and reused via prose.UsingModel; sentence segmentation off; tokenizer, tagger, NER on\n", proseLoad.Round(time.Millisecond))
	}
	fmt.Fprintln(w)

	// 1b. Text no cache has seen: the corpus above is small and repeated, so
	// the per-word caches are warm; a stream of new text is slower.
	if texts, err := loadNewText(c.newText, c.quick); err != nil {
		fmt.Fprintf(w, "New text: skipped (%v)\n\n", err)
	} else {
		if err := newTextRun(w, texts, proseSys); err != nil {
			return err
		}
	}

	// 2. Fresh process: time to first result, peak RSS.
	fmt.Fprintf(w, "Fresh process: this program re-executed, start → first result (median of %d runs, the modes taking turns)\n", c.runs)
	tw = newTable(w, "mode", "median", "min", "max", "child CPU", "New", "1st call", "VmHWM 1st result", "VmHWM after big doc")
	firsts, err := freshRuns([]string{"entities", "full"}, c.runs, c.quick)
	if err != nil {
		return err
	}
	for _, mode := range []string{"entities", "full"} {
		st := firsts[mode]
		name := map[string]string{"entities": "entities (WithoutTopics)", "full": "entities+topics (New)"}[mode]
		tw.row(name, ms(st.median), ms(st.min), ms(st.max), ms(st.cpu), ms(st.build), ms(st.first), mb(st.hwmFirst), mb(st.hwmWork)+" ("+st.workSize+")")
	}
	tw.flush()
	fmt.Fprintln(w, "  child CPU: CPU time of the child up to its first result (runtime start, data load, one article);")
	fmt.Fprintln(w, "  New, 1st call: wall time inside the child of kenner.New and of the first call on one article (medians)")
	fmt.Fprintln(w)

	// 3. Scaling with workers.
	fmt.Fprintf(w, "Scaling: goroutines sharing one Analyzer, corpus articles, %v each\n", c.dur)
	tw = newTable(w, "workers", "entities tok/s", "speed-up", "per CPU-s", "+topics tok/s", "speed-up", "per CPU-s")
	prev := runtime.GOMAXPROCS(1)
	s1e := measureParallel(entities, docs, 1, c.dur)
	s1f := measureParallel(full, docs, 1, c.dur)
	runtime.GOMAXPROCS(prev)
	tw.row("1, GOMAXPROCS=1", rate(s1e.tokensPerSec()), "", rate(s1e.tokensPerCPU()), rate(s1f.tokensPerSec()), "", rate(s1f.tokensPerCPU()))
	var baseF, baseE float64
	for _, n := range []int{1, 2} {
		me := measureParallel(entities, docs, n, c.dur)
		mf := measureParallel(full, docs, n, c.dur)
		if n == 1 {
			baseE, baseF = me.tokensPerSec(), mf.tokensPerSec()
		}
		tw.row(strconv.Itoa(n), rate(me.tokensPerSec()), fmt.Sprintf("%.2f×", me.tokensPerSec()/baseE), rate(me.tokensPerCPU()),
			rate(mf.tokensPerSec()), fmt.Sprintf("%.2f×", mf.tokensPerSec()/baseF), rate(mf.tokensPerCPU()))
	}
	tw.flush()
	if runtime.NumCPU() < 2 {
		fmt.Fprintln(w, "  (one CPU: no scaling possible)")
	}
	fmt.Fprintln(w, "  speed-up is wall clock and needs idle CPUs; on a busy machine compare the per CPU-s columns")
	fmt.Fprintln(w)

	// 4. Cost vs length.
	big := 10 << 20
	if c.quick {
		big = 1 << 20
	}
	corpus := strings.Join(articles, "\n\n")
	fmt.Fprintf(w, "Cost vs length: one document made by repeating the corpus, 1 goroutine, rates per CPU-s\n")
	tw = newTable(w, "input", "tokens", "entities tok/s", "MB/s", "+topics tok/s", "MB/s", "prose tok/s")
	for _, size := range []int{1 << 10, 100 << 10, big} {
		text := repeatTo(corpus, size)
		d := []doc{{text, countTokens(text)}}
		me := measure(entities, d, c.dur)
		mf := measure(full, d, c.dur)
		ps := "–"
		if proseSys != nil && (size <= 1<<10 || (!c.quick && size <= 100<<10)) {
			ps = rate(measure(*proseSys, d, c.dur).tokensPerCPU())
		}
		tw.row(size2(len(text)), group(int64(d[0].tokens)), rate(me.tokensPerCPU()), fmt.Sprintf("%.3g", me.mbPerCPU()),
			rate(mf.tokensPerCPU()), fmt.Sprintf("%.3g", mf.mbPerCPU()), ps)
	}
	tw.flush()
	fmt.Fprintln(w, "  (prose is not run on the largest inputs: at its speed they take minutes)")
	fmt.Fprintln(w)

	// 5. Targets.
	fmt.Fprintln(w, "Targets")
	tw = newTable(w, "target", "measured", "")
	check := func(name string, ok bool, got string) {
		verdict := "ok"
		if !ok {
			verdict = "MISSED"
		}
		tw.row(name, got, verdict)
	}
	if mProse.skipped == "" {
		r := speed(mEnt) / speed(mProse)
		check("kenner entities ≥ 100× prose v2 NER", r >= targetRatio, fmt.Sprintf("%.0f×", r))
	} else {
		tw.row("kenner entities ≥ 100× prose v2 NER", "prose skipped", "–")
	}
	check("entities ≥ 2M tokens/s per core", speed(mEnt) >= targetEntities, rate(speed(mEnt))+" per CPU-s")
	check("entities+topics ≥ 1M tokens/s per core", speed(mFull) >= targetTopics, rate(speed(mFull))+" per CPU-s")
	check("time to first result < 100 ms", firsts["full"].median < targetFirstResult, ms(firsts["full"].median)+" (entities+topics, median)")
	hwm := max(firsts["full"].hwmFirst, firsts["entities"].hwmFirst)
	check("peak RSS < 150 MB, data loaded + one article", hwm > 0 && hwm < targetRSS<<20, mb(hwm)+" (VmHWM)")
	hwm = max(firsts["full"].hwmWork, firsts["entities"].hwmWork)
	check("peak RSS < 150 MB, after a "+firsts["full"].workSize, hwm > 0 && hwm < targetRSS<<20, mb(hwm)+" (VmHWM)")
	tw.flush()
	fmt.Fprintf(w, "\nresult checksum %d\n", sink.Load())
	return nil
}

// loadProse decodes prose's default model, giving up after budget.
func loadProse(budget time.Duration) (*prose.Model, error) {
	type res struct {
		m   *prose.Model
		err error
	}
	ch := make(chan res, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- res{nil, fmt.Errorf("prose panicked: %v", r)}
			}
		}()
		d, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false))
		if err != nil {
			ch <- res{nil, err}
			return
		}
		ch <- res{d.Model, nil}
	}()
	select {
	case r := <-ch:
		return r.m, r.err
	case <-time.After(budget):
		return nil, fmt.Errorf("model load took more than %v", budget)
	}
}

func loadCorpus() ([]string, error) {
	names, err := fs.Glob(corpusFS, "testdata/*.txt")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []string
	for _, n := range names {
		b, err := corpusFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, string(b))
	}
	if len(out) == 0 {
		return nil, errors.New("no corpus in testdata/")
	}
	return out, nil
}

var tokBuf struct {
	sync.Mutex
	toks []tokenize.Token
}

// countTokens returns the number of kenner tokens in s.
func countTokens(s string) int {
	tokBuf.Lock()
	defer tokBuf.Unlock()
	tokBuf.toks = tokenize.AppendTokens(tokBuf.toks[:0], s)
	n := len(tokBuf.toks)
	if cap(tokBuf.toks) > 1<<20 {
		tokBuf.toks = nil
	}
	return n
}

// repeatTo repeats corpus (separated by blank lines) to size bytes, cut at a
// whitespace so that no word or UTF-8 sequence is broken.
func repeatTo(corpus string, size int) string {
	var sb strings.Builder
	sb.Grow(size + len(corpus))
	for sb.Len() < size {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(corpus)
	}
	s := sb.String()
	if i := strings.LastIndexAny(s[:size], " \n"); i > 0 {
		s = s[:i]
	}
	return s
}

// measure runs sys over docs, round after round, for at least d after one
// warm-up round.
func measure(sys system, docs []doc, d time.Duration) measurement {
	var m measurement
	// Collect the garbage of whatever ran before (another system's round),
	// so that its collection is not charged to this one's CPU time.
	runtime.GC()
	for _, x := range docs { // warm-up
		sink.Add(int64(sys.run(x.text)))
	}
	start, cpu0 := time.Now(), cpuTime()
	for {
		for _, x := range docs {
			sink.Add(int64(sys.run(x.text)))
			m.docs++
			m.bytes += int64(len(x.text))
			m.tokens += int64(x.tokens)
		}
		if m.dur = time.Since(start); m.dur >= d {
			m.cpu = cpuTime() - cpu0
			return m
		}
	}
}

// measureRounds measures every system for d in all, in rounds: each round
// runs each system for d/rounds, in turn, and the rounds are summed.
func measureRounds(syss []system, docs []doc, d time.Duration, rounds int) []measurement {
	out := make([]measurement, len(syss))
	for r := 0; r < rounds; r++ {
		for i, sys := range syss {
			m := measure(sys, docs, d/time.Duration(rounds))
			out[i].docs += m.docs
			out[i].bytes += m.bytes
			out[i].tokens += m.tokens
			out[i].dur += m.dur
			out[i].cpu += m.cpu
		}
	}
	return out
}

// measureParallel runs sys in n goroutines over docs for d, each goroutine
// starting at a different document.
func measureParallel(sys system, docs []doc, n int, d time.Duration) measurement {
	for _, x := range docs { // warm-up
		sink.Add(int64(sys.run(x.text)))
	}
	var total measurement
	var mu sync.Mutex
	var wg sync.WaitGroup
	var stop atomic.Bool
	start, cpu0 := time.Now(), cpuTime()
	for g := range n {
		wg.Go(func() {
			var m measurement
			for i := g; !stop.Load(); i++ {
				x := docs[i%len(docs)]
				sink.Add(int64(sys.run(x.text)))
				m.docs++
				m.bytes += int64(len(x.text))
				m.tokens += int64(x.tokens)
			}
			mu.Lock()
			total.docs += m.docs
			total.bytes += m.bytes
			total.tokens += m.tokens
			mu.Unlock()
		})
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	total.dur = time.Since(start)
	total.cpu = cpuTime() - cpu0
	return total
}

// childStats summarises the fresh-process runs of one mode.
type childStats struct {
	median, min, max  time.Duration
	cpu               time.Duration // median CPU time of the child to its first result
	build, first      time.Duration // median in-child wall time of kenner.New and of the first call
	hwmFirst, hwmWork int64         // bytes; 0 when unknown
	workSize          string
}

// freshRuns starts this program runs times as a child in each of the given
// modes, the modes taking turns (so that a slow phase of the machine falls
// on all of them alike), and times each from start until the child reports
// its first result. The last run of each mode also processes a big document
// and reports its peak RSS after it.
func freshRuns(modes []string, runs int, quick bool) (map[string]childStats, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	size := "10"
	if quick {
		size = "1"
	}
	samples := map[string][]childSample{}
	for i := range runs {
		for _, mode := range modes {
			work := ""
			if i == runs-1 {
				work = size
			}
			cs, err := freshRun(exe, mode, work)
			if err != nil {
				return nil, fmt.Errorf("child %s: %w", mode, err)
			}
			samples[mode] = append(samples[mode], cs)
		}
	}
	out := map[string]childStats{}
	for mode, ss := range samples {
		st := childStats{workSize: size + " MB doc"}
		var times, cpus, builds, calls []time.Duration
		for _, cs := range ss {
			times, cpus = append(times, cs.elapsed), append(cpus, cs.cpu)
			builds, calls = append(builds, cs.build), append(calls, cs.call)
			st.hwmFirst = max(st.hwmFirst, cs.hwm)
			st.hwmWork = max(st.hwmWork, cs.hwmWork)
		}
		slices.Sort(times)
		st.cpu, st.build, st.first = median(cpus), median(builds), median(calls)
		st.median, st.min, st.max = times[len(times)/2], times[0], times[len(times)-1]
		out[mode] = st
	}
	return out, nil
}

// childSample is what one child run reports.
type childSample struct {
	elapsed, cpu, build, call time.Duration
	hwm, hwmWork              int64 // bytes; hwmWork 0 without a big document
}

// freshRun runs the child once in mode; with workMB set, it also processes
// a document of that many MB.
func freshRun(exe, mode, workMB string) (childSample, error) {
	var cs childSample
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), childEnv+"="+mode)
	if workMB != "" {
		cmd.Env = append(cmd.Env, "KENNER_BENCH_WORK_MB="+workMB)
	}
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return cs, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return cs, err
	}
	br := bufio.NewReader(out)
	line, err := br.ReadString('\n')
	cs.elapsed = time.Since(start)
	if err != nil {
		cmd.Wait()
		return cs, fmt.Errorf("no result from child: %v", err)
	}
	f := strings.Fields(line)
	if len(f) != 5 || f[0] != "ready" {
		cmd.Wait()
		return cs, fmt.Errorf("child said %q", line)
	}
	cs.hwm, _ = strconv.ParseInt(f[1], 10, 64)
	cpu, _ := strconv.ParseInt(f[2], 10, 64)
	b, _ := strconv.ParseInt(f[3], 10, 64)
	c, _ := strconv.ParseInt(f[4], 10, 64)
	cs.cpu, cs.build, cs.call = time.Duration(cpu), time.Duration(b), time.Duration(c)
	rest, _ := io.ReadAll(br)
	if err := cmd.Wait(); err != nil {
		return cs, err
	}
	if workMB != "" {
		if f := strings.Fields(string(rest)); len(f) == 2 && f[0] == "work" {
			cs.hwmWork, _ = strconv.ParseInt(f[1], 10, 64)
		}
	}
	return cs, nil
}

// child is the child process: build the analyser, analyse the first corpus
// article, report "ready <VmHWM bytes> <CPU ns> <New ns> <1st call ns>", then (KENNER_BENCH_WORK_MB=n)
// analyse an n MB document and report "work <VmHWM bytes>".
func child(mode string, w io.Writer) int {
	start := time.Now()
	articles, err := loadCorpus()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench child:", err)
		return 1
	}
	var fn func(string) int
	switch mode {
	case "entities":
		// Only the extractor: kenner.New with WithoutTopics builds no tagger.
		a, err := kenner.New(kenner.WithoutTopics())
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			return 1
		}
		ext := a.Extractor()
		fn = func(t string) int { return len(ext.Extract(t).Mentions) }
	case "full":
		a, err := kenner.New()
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench child:", err)
			return 1
		}
		fn = func(t string) int { r := a.Analyze(t); return len(r.Entities) + len(r.Topics) }
	default:
		fmt.Fprintf(os.Stderr, "bench child: unknown mode %q\n", mode)
		return 2
	}
	built := time.Now()
	sink.Add(int64(fn(articles[0])))
	fmt.Fprintf(w, "ready %d %d %d %d\n", peakRSS(), cpuTime(), int64(built.Sub(start)), int64(time.Since(built)))
	if n, _ := strconv.Atoi(os.Getenv("KENNER_BENCH_WORK_MB")); n > 0 {
		text := repeatTo(strings.Join(articles, "\n\n"), n<<20)
		sink.Add(int64(fn(text)))
		fmt.Fprintf(w, "work %d\n", peakRSS())
	}
	return 0
}

// median returns the median of ds (sorting ds).
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// peakRSS returns the process's peak resident set size in bytes (VmHWM in
// /proc/self/status), or 0 where that is not available.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) == 2 && f[1] == "kB" {
				n, _ := strconv.ParseInt(f[0], 10, 64)
				return n << 10
			}
		}
	}
	return 0
}

// table prints aligned columns; the first column is left-aligned, the others
// right-aligned.
type table struct {
	w    io.Writer
	rows [][]string
}

func newTable(w io.Writer, header ...string) *table {
	return &table{w: w, rows: [][]string{header}}
}

func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) flush() {
	var width []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for k, r := range t.rows {
		var sb strings.Builder
		sb.WriteString("  ")
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-len([]rune(c)))
			if i == 0 {
				sb.WriteString(c + pad)
			} else {
				sb.WriteString("  " + pad + c)
			}
		}
		fmt.Fprintln(t.w, strings.TrimRight(sb.String(), " "))
		if k == 0 {
			total := 2
			for _, wd := range width {
				total += wd + 2
			}
			fmt.Fprintln(t.w, "  "+strings.Repeat("─", total-4))
		}
	}
	t.rows = t.rows[:1]
}

// rate formats a rate per second: 2.41M, 15.3k.
func rate(x float64) string {
	switch {
	case x >= 1e6:
		return fmt.Sprintf("%.2fM", x/1e6)
	case x >= 1e3:
		return fmt.Sprintf("%.1fk", x/1e3)
	}
	return fmt.Sprintf("%.1f", x)
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }

func mb(b int64) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f MB", float64(b)/(1<<20))
}

func size2(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1000:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// group formats n with thousands separators: 12,406.
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// loadNewText reads the sentences of a SmartData TSV (token<TAB>…, blank
// line between sentences) and joins every 15 of them into a document of
// about a news article's length.
func loadNewText(path string, quick bool) ([]doc, error) {
	if path == "" {
		return nil, errors.New("no -newtext file")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var sents []string
	var words []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			if len(words) > 0 {
				sents = append(sents, strings.Join(words, " "))
				words = words[:0]
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		tok, _, _ := strings.Cut(line, "\t")
		words = append(words, tok)
	}
	if len(words) > 0 {
		sents = append(sents, strings.Join(words, " "))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var docs []doc
	for i := 0; i < len(sents); i += 15 {
		t := strings.Join(sents[i:min(i+15, len(sents))], "\n")
		docs = append(docs, doc{t, countTokens(t)})
		if quick && len(docs) == 40 {
			break
		}
	}
	if len(docs) == 0 {
		return nil, errors.New("no sentences in " + path)
	}
	return docs, nil
}

// newTextRun measures one pass of a new Analyzer (empty caches) over docs,
// then a second pass, and prose on the first documents.
func newTextRun(w io.Writer, docs []doc, proseSys *system) error {
	tokens := 0
	for _, d := range docs {
		tokens += d.tokens
	}
	fmt.Fprintf(w, "New text: %d SmartData documents of 15 sentences, %s tokens, one pass each, 1 goroutine\n", len(docs), group(int64(tokens)))
	tw := newTable(w, "system", "pass", "tokens/s", "per CPU-s", "× prose")
	pass := func(sys system, docs []doc) measurement {
		runtime.GC()
		var m measurement
		start, cpu0 := time.Now(), cpuTime()
		for _, x := range docs {
			sink.Add(int64(sys.run(x.text)))
			m.docs++
			m.bytes += int64(len(x.text))
			m.tokens += int64(x.tokens)
		}
		m.dur, m.cpu = time.Since(start), cpuTime()-cpu0
		return m
	}
	var proseRate float64
	var mp measurement
	if proseSys != nil {
		// prose on the first documents only: at its speed all would take minutes.
		n := min(len(docs), 60)
		mp = pass(*proseSys, docs[:n])
		proseRate = mp.tokensPerCPU()
	}
	for _, withTopics := range []bool{false, true} {
		var opts []kenner.Option
		name := "kenner entities"
		if !withTopics {
			opts = append(opts, kenner.WithoutTopics())
		} else {
			name = "kenner entities+topics"
		}
		a, err := kenner.New(opts...) // a new extractor: its caches are empty
		if err != nil {
			return err
		}
		sys := system{name, func(t string) int { return len(a.Analyze(t).Entities) }}
		if !withTopics {
			ext := a.Extractor() // as in the first table: the extractor alone
			sys.run = func(t string) int { return len(ext.Extract(t).Mentions) }
		}
		for p, label := range []string{"first (cold)", "second"} {
			m := pass(sys, docs)
			x := "–"
			if proseRate > 0 {
				x = fmt.Sprintf("%.0f×", m.tokensPerCPU()/proseRate)
			}
			if p > 0 {
				name = ""
			}
			tw.row(name, label, rate(m.tokensPerSec()), rate(m.tokensPerCPU()), x)
		}
	}
	if proseSys != nil {
		tw.row("prose v2 NER", fmt.Sprintf("first %d docs", mp.docs), rate(mp.tokensPerSec()), rate(mp.tokensPerCPU()), "1×")
	}
	tw.flush()
	fmt.Fprintln(w)
	return nil
}

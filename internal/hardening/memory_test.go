package hardening

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"
	"weak"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/topic"
)

// heap returns the live heap in bytes after a full collection. Two
// collections empty the sync.Pools (their victim caches) too.
func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

const mb = 1 << 20

// skipMemory skips the memory tests with -short and -race (slow there, and
// the race detector is not what they check).
func skipMemory(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short")
	}
	if raceEnabled && !long() {
		t.Skip("slow under -race; set KENNER_LONG=1 to run them anyway")
	}
}

// TestMemoryLargeInput analyses a 2 MB document four times and checks that
// the live heap after each call (results dropped) returns to the same
// level: nothing grows from call to call, and little stays behind.
func TestMemoryLargeInput(t *testing.T) {
	skipMemory(t)
	a := analyzer(t)
	ext, tg := a.Extractor(), a.Tagger()
	text := oneLine(2 << 20)
	ext.Extract("Berlin") // data loaded before the baseline
	base := heap()
	var after []uint64
	var ms0, ms1 runtime.MemStats
	for i := range 4 {
		runtime.ReadMemStats(&ms0)
		doc := ext.Extract(text)
		tg.Tag(text, doc)
		runtime.ReadMemStats(&ms1)
		if i == 0 {
			t.Logf("one call on %.1f MB: %d MB allocated (%.1f bytes per input byte), %d mentions",
				float64(len(text))/mb, (ms1.TotalAlloc-ms0.TotalAlloc)/mb, float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(len(text)), len(doc.Mentions))
		}
		doc = nil
		after = append(after, heap())
	}
	t.Logf("live heap: baseline %.1f MB, after each call %s", float64(base)/mb, mbs(after))
	for i, h := range after {
		if h > base+16*mb {
			t.Errorf("after call %d the live heap is %.1f MB, %.1f MB above the baseline: memory stays held", i+1, float64(h)/mb, float64(h-base)/mb)
		}
	}
	if after[len(after)-1] > after[0]+4*mb {
		t.Errorf("live heap grows from call to call: %s", mbs(after))
	}
}

// TestMemoryAfterLargeInputInUse looks at what a long-running service sees:
// a goroutine keeps analysing small documents, so the pooled buffers of the
// extractor and tagger are mostly in use when the collector runs, and
// survive it. After a 5 MB document among the small ones, the memory that
// document needed may stay held by a pooled buffer; whether it does depends
// on where the buffer is when the collector runs, so the test only logs it
// (a "NOTE" above 8 MB) and fails when more than 20 times the document's
// size stays held.
func TestMemoryAfterLargeInputInUse(t *testing.T) {
	skipMemory(t)
	a := analyzer(t)
	ext, tg := a.Extractor(), a.Tagger()
	var stop atomic.Bool
	var wg sync.WaitGroup
	big := make(chan string)
	bigDone := make(chan struct{})
	wg.Go(func() {
		for i := 0; !stop.Load(); i++ {
			s, isBig := small(i), false
			select {
			case s = <-big:
				isBig = true
			default:
			}
			tg.Tag(s, ext.Extract(s))
			if isBig {
				bigDone <- struct{}{}
			}
		}
	})
	defer func() {
		stop.Store(true)
		wg.Wait()
	}()
	// live returns the lowest live heap seen after a few collections while
	// the worker runs.
	live := func() uint64 {
		low := uint64(1 << 63)
		for range 6 {
			time.Sleep(10 * time.Millisecond)
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			low = min(low, ms.HeapAlloc)
		}
		return low
	}
	text := oneLine(5 << 20)
	base := live()
	var worst uint64
	for range 2 {
		big <- text
		<-bigDone
		worst = max(worst, live())
	}
	held := int64(worst) - int64(base)
	t.Logf("live heap while in use on small documents: %.1f MB before a 5 MB document, up to %.1f MB after it", float64(base)/mb, float64(worst)/mb)
	if held > 8*mb {
		t.Logf("NOTE: %.1f MB stay held after a 5 MB document: pooled buffers keep the capacity of the largest input (cap them before putting them back)", float64(held)/mb)
	}
	if held > int64(20*len(text)) {
		t.Errorf("%.1f MB stay held after a %.1f MB document", float64(held)/mb, float64(len(text))/mb)
	}
}

// TestMemoryManyDocuments analyses many varied documents (all distinct
// words, so caches fill) and checks that the live heap levels off.
func TestMemoryManyDocuments(t *testing.T) {
	skipMemory(t)
	a := analyzer(t)
	ext, tg := a.Extractor(), a.Tagger()
	n := 20_000
	if long() {
		n = 200_000
	}
	doc := func(i int) string {
		// An article with a few words made unique to this document.
		s := small(i)
		return fmt.Sprintf("Wortneu%d und Stadt%d sowie Herr Name%d: %s", i, i, i, s)
	}
	for i := range 1000 {
		s := doc(i)
		tg.Tag(s, ext.Extract(s))
	}
	first := heap()
	var levels []uint64
	for i := 1000; i < n; i++ {
		s := doc(i)
		tg.Tag(s, ext.Extract(s))
		if (i+1)%(n/4) == 0 {
			levels = append(levels, heap())
		}
	}
	t.Logf("live heap after 1000 documents %.1f MB, then %s", float64(first)/mb, mbs(levels))
	if last := levels[len(levels)-1]; last > first+8*mb {
		t.Errorf("live heap grows with the number of documents: %.1f MB → %.1f MB", float64(first)/mb, float64(last)/mb)
	}
}

// paragraphs are the paragraphs of the articles.
var paragraphs = sync.OnceValue(func() []string {
	var paras []string
	for _, a := range articles() {
		for _, p := range strings.Split(a, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	}
	return paras
})

// small returns the i-th short text: a paragraph of the articles.
func small(i int) string {
	p := paragraphs()
	return p[i%len(p)]
}

func mbs(hs []uint64) string {
	var sb strings.Builder
	for i, h := range hs {
		if i > 0 {
			sb.WriteString(", ")
		}
		fmt.Fprintf(&sb, "%.1f MB", float64(h)/mb)
	}
	return sb.String()
}

// TestInputNotRetained checks that no result-independent state (a cache, a
// pooled buffer) keeps the input text alive once its results are dropped:
// a cache key that is a substring of the input pins the whole input. The
// extractor and tagger are new (empty caches) and the text has words no
// earlier call has seen.
func TestInputNotRetained(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	ext, err := entity.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	tg, err := topic.NewTagger()
	if err != nil {
		t.Fatal(err)
	}
	a, err := kenner.New(kenner.WithExtractor(ext), kenner.WithTagger(tg))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&sb, "Herr Neuwort%dx sagte in Neustadt%dy, die Firma Neufirma%dz sei %s. ", i, i, i, small(i))
	}
	b := []byte(sb.String())
	wp := weak.Make(&b[0])
	text := unsafe.String(&b[0], len(b)) // the text shares b's memory
	doc := ext.Extract(text)
	tg.Tag(text, doc)
	a.Analyze(text)
	n := len(text)
	doc, text, b = nil, "", nil
	runtime.GC()
	runtime.GC()
	if wp.Value() != nil {
		t.Errorf("the %d-byte input stays reachable after its results are dropped (a cache or buffer holds a substring of it: clone cached strings)", n)
	}
	runtime.KeepAlive(a) // the extractor and tagger, with their caches, stay in use
}

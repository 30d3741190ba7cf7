package hardening

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/kenner-nlp/kenner"
	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/internal/sample"
	"github.com/kenner-nlp/kenner/topic"
)

// long reports whether the heavy cases run (KENNER_LONG=1).
func long() bool { return os.Getenv("KENNER_LONG") == "1" }

// shared is the one Extractor, Tagger and Analyzer of the package's tests.
var shared = sync.OnceValues(func() (*kenner.Analyzer, error) {
	ext, err := entity.NewExtractor()
	if err != nil {
		return nil, err
	}
	tg, err := topic.NewTagger()
	if err != nil {
		return nil, err
	}
	return kenner.New(kenner.WithExtractor(ext), kenner.WithTagger(tg))
})

func analyzer(t testing.TB) *kenner.Analyzer {
	t.Helper()
	a, err := shared()
	if err != nil {
		t.Fatalf("building the analyzer: %v", err)
	}
	return a
}

// input is one test text.
type input struct {
	name string
	text string
}

// A few texts of our own beside the sample article, in the style of German
// news, with names, compounds, genitives and quotes.
const (
	textPolitik = `Bundeskanzler Friedrich Merz (CDU) hat am Dienstag in Berlin den französischen Präsidenten Emmanuel Macron empfangen. Merz' Sprecher sagte, beide wollten die EU-Kommission zu schnelleren Entscheidungen drängen. „Europa muss handlungsfähig bleiben“, sagte Macron nach dem Treffen im Kanzleramt. Die Nato-Verteidigungsminister treffen sich kommende Woche in Brüssel.`
	textSport   = `Der FC Bayern München hat das Spitzenspiel bei Borussia Dortmund mit 3:1 gewonnen. Harry Kane traf doppelt, Jamal Musiala erzielte das dritte Tor. BVB-Trainer Niko Kovac sprach von einer verdienten Niederlage. Am Samstag empfängt Bayer Leverkusen den VfB Stuttgart.`
	textWelt    = `Der ukrainische Präsident Wolodymyr Selenskyj hat in Kiew mit US-Außenminister Marco Rubio über Waffenlieferungen gesprochen. Kremlsprecher Dmitri Peskow sagte in Moskau, Russland sei zu Gesprächen bereit. Der Sicherheitsrat der Vereinten Nationen in New York beriet am Abend über die Lage im Gazastreifen.`
	textWirt    = `Die Europäische Zentralbank (EZB) in Frankfurt am Main hat den Leitzins unverändert gelassen. EZB-Präsidentin Christine Lagarde sagte, die Inflation im Euroraum sinke langsamer als erwartet. Die Aktie der Deutschen Bank legte an der Börse um 1,2 Prozent zu; Siemens und SAP gaben leicht nach.`
)

// articles returns the German news texts the tests build on.
func articles() []string {
	return []string{sample.Article, textPolitik, textSport, textWelt, textWirt}
}

// capitalised returns n distinct capitalised pseudo-words: a long run of
// possible names.
func capitalised(n int) string {
	syll := []string{"An", "ber", "ta", "Ka", "rin", "lo", "Mer", "Ste", "fan", "Ul", "rich", "Ma", "ria", "Jo", "han", "nes"}
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteByte(' ')
		}
		w := syll[i%16] + syll[(i/16)%16] + syll[(i/256)%16]
		sb.WriteString(strings.ToUpper(w[:1]) + strings.ToLower(w[1:]))
	}
	return sb.String()
}

// edgeInputs returns the hostile and unusual inputs every stage must
// handle.
func edgeInputs() []input {
	art := sample.Article
	latin1 := func(s string) string { // ISO-8859-1 bytes: invalid UTF-8
		b := make([]byte, 0, len(s))
		for _, r := range s {
			if r < 256 {
				b = append(b, byte(r))
			} else {
				b = append(b, '?')
			}
		}
		return string(b)
	}
	title := func(s string) string { // every word capitalised
		f := strings.Fields(s)
		for i, w := range f {
			r := []rune(w)
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
			f[i] = string(r)
		}
		return strings.Join(f, " ")
	}
	in := []input{
		{"empty", ""},
		{"space", " "},
		{"whitespace", " \t\n\r\n\u00a0\u2003\u3000 \v\f\u2028\u2029 "},
		{"newlines", strings.Repeat("\n", 10000)},
		{"crlf-only", strings.Repeat("\r\n", 5000)},
		{"nul", "\x00"},
		{"nuls", strings.Repeat("\x00", 5000)},
		{"nul-in-names", "Bundeskanzler Friedrich\x00Merz traf Emmanuel Macron\x00in Paris.\x00Die EU\x00-Kommission\x00"},
		{"nul-article", strings.ReplaceAll(art, " ", "\x00")},
		{"nul-interleaved", strings.Join(strings.Split(textPolitik, ""), "\x00")},
		{"invalid-bytes", "\xff\xfe\xfd\x80\x81\xc0\xc1\xf5\xf8\xfc"},
		{"invalid-in-words", "Angela Mer\xc3kel besuchte Ber\xfflin und M\xc3\xbcnchen\xe2\x80 sowie \xc3\xa4\xc3 K\xf6ln."},
		{"invalid-at-end", "Wladimir Putin sagte in Moskau \xe2\x80"},
		{"invalid-at-start", "\x80\x80Berlin ist die Hauptstadt."},
		{"latin1-article", latin1(art)},
		{"surrogates", "\xed\xa0\x80Berlin\xed\xbf\xbf Paris \xed\xa0\xbd\xed\xb8\x80"},
		{"overlong", "\xc0\xafBerlin\xe0\x80\xafParis\xf0\x80\x80\xafRom"},
		{"replacement-chars", strings.Repeat("\ufffd", 2000) + " Berlin " + strings.Repeat("\ufffd", 10)},
		{"control-chars", "\x01\x02\x1b[31mBerlin\x1b[0m\x7f\x08 Merz\x0e\x0f"},
		{"bom", "\ufeffBerlin \ufeffMerz\ufeff"},
		{"dots", strings.Repeat(".", 100000)},
		{"ellipses", strings.Repeat("… ", 30000) + "Berlin…"},
		{"punct-mix", strings.Repeat("!?.,;:-–—„“‚‘»«()[]{}/\\…*&%$§\"'", 3000)},
		{"exclaim-names", strings.Repeat("Merz!!! Macron??? Berlin... ", 2000)},
		{"quotes-nested", strings.Repeat("„", 20000) + "Berlin" + strings.Repeat("“", 20000)},
		{"parens-nested", strings.Repeat("(", 50000) + "EU" + strings.Repeat(")", 50000)},
		{"hyphens", strings.Repeat("-", 100000)},
		{"hyphen-chain", "EU" + strings.Repeat("-EU", 30000)},
		{"hyphen-words", strings.Repeat("Nato-EU-UN-Gipfel-Treffen-", 5000)},
		{"apostrophes", strings.Repeat("Merz' Macron's ' '' ''' ", 3000)},
		{"abbrev-run", strings.Repeat("Dr. ", 30000) + "Müller"},
		{"abbrev-no-space", strings.Repeat("z.B.u.a.", 20000)},
		{"cap-run", capitalised(30000)},
		{"cap-run-dots", strings.ReplaceAll(capitalised(10000), " ", ". ")},
		// Long words: 64 KB each here; TestLinearTime checks how the cost of
		// one word grows with its length.
		{"long-word", strings.Repeat("a", 64<<10)},
		{"long-capword", "B" + strings.Repeat("erlin", 64<<10/5)},
		{"long-allcaps-word", strings.Repeat("BERLIN", 64<<10/6)},
		{"long-hyphen-word", "Nato" + strings.Repeat("-Außenminister", 64<<10/15)},
		{"digits", strings.Repeat("1234567890", 50000)},
		{"numbers", strings.Repeat("3:1 1,2 Prozent 20.000 2025 12.03.2026 ", 3000)},
		{"urls", strings.Repeat("https://www.bundesregierung.de/breg-de/aktuelles?x=1&y=2 presse@example.de #Berlin @Merz ", 2000)},
		{"single-letters", strings.Repeat("A B C D E F G H I J K L M N O P Q R S T U V W X Y Z ", 2000)},
		{"cyrillic", "Президент России Владимир Путин встретился в Москве с министром иностранных дел Сергеем Лавровым. ВЛАДИМИР ПУТИН."},
		{"cyrillic-in-german", "Der Kremlchef Владимир Путин sagte in Москва, die Ukraine müsse verhandeln. Außenminister Sergej Lawrow (Сергей Лавров) widersprach."},
		{"arabic", "قال الرئيس المصري عبد الفتاح السيسي في القاهرة إن المحادثات مع إسرائيل مستمرة."},
		{"arabic-in-german", "Der ägyptische Präsident Abdel Fattah al-Sisi (عبد الفتاح السيسي) empfing in Kairo (القاهرة) Bundesaußenminister Johann Wadephul."},
		{"mixed-scripts", "Ελλάδα Αθήνα, 习近平 在北京, ירושלים, 東京 Tokio, 🇩🇪 Deutschland 👍🏽, Cafe\u0301 Zu\u0308rich, \u200fRTL\u200e \u200dZWJ\u200d, ﬁ Ligatur, Ｂｅｒｌｉｎ Vollbreite, ß ẞ STRAẞE."},
		{"combining", strings.Repeat("Mu\u0308nchen Ko\u0308ln Du\u0308sseldorf ", 2000)},
		{"emoji", strings.Repeat("👩‍👩‍👧‍👦🇺🇦🏳️‍🌈 Kiew ", 3000)},
		{"all-caps-article", strings.ToUpper(art)},
		{"all-caps-mixed", strings.ToUpper(textPolitik + " " + textWelt + " " + textWirt)},
		{"all-lower-article", strings.ToLower(art)},
		{"title-case-article", title(art)},
		{"crlf-article", strings.ReplaceAll(art, "\n", "\r\n")},
		{"no-spaces-article", strings.ReplaceAll(art, " ", "")},
		{"tabs-article", strings.ReplaceAll(art, " ", "\t")},
		{"one-line-articles", strings.ReplaceAll(strings.Join(articles(), " "), "\n", " ")},
	}
	for _, a := range articles() {
		in = append(in, input{"article:" + a[:12], a})
	}
	return in
}

// randomCuts returns n substrings of the articles cut at random byte
// offsets, so most start or end inside a UTF-8 sequence or a word.
func randomCuts(r *rand.Rand, n, maxLen int) []string {
	all := strings.Join(articles(), "\n\n")
	out := make([]string, n)
	for i := range out {
		a := r.IntN(len(all))
		b := a + r.IntN(min(maxLen, len(all)-a)+1)
		out[i] = all[a:b]
	}
	return out
}

// tinyDocs returns n tiny documents: single words and names, punctuation,
// bytes, cut pieces of articles.
func tinyDocs(n int) []string {
	words := []string{"", " ", "a", "A", "Merz", "Merz.", "Merz'", "Putins", "In Berlin", "EU", "EU-", "-EU", "Nato-Staaten",
		"Dr.", "z.B.", "„", "“", "\x00", "\xff", "\xc3", "ü", "Ü", "ẞ", "Москва", "القاهرة", "👍", "1", "3:1", ".", "...", "-",
		"Friedrich Merz", "Emmanuel Macron", "BERLIN", "berlin", "Bundeskanzler", "Kremlchef", "Frankfurt am Main", "\n", "\t"}
	r := rand.New(rand.NewPCG(7, 11))
	cuts := randomCuts(r, max(n/2, 1), 40)
	out := make([]string, n)
	for i := range out {
		switch i % 3 {
		case 0:
			out[i] = words[i/3%len(words)]
		case 1:
			out[i] = cuts[i%len(cuts)]
		default:
			out[i] = words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
		}
	}
	return out
}

// oneLine returns a single line of at least size bytes made of the articles
// with newlines replaced by spaces.
func oneLine(size int) string {
	unit := strings.ReplaceAll(strings.Join(articles(), " "), "\n", " ") + " "
	return strings.Repeat(unit, size/len(unit)+1)
}

// checker collects invariant violations, reporting at most a few per text.
type checker struct {
	t    testing.TB
	name string
	n    int
}

func (c *checker) errorf(format string, args ...any) {
	c.t.Helper()
	c.n++
	if c.n <= 5 {
		c.t.Errorf("%s: "+format, append([]any{c.name}, args...)...)
	} else if c.n == 6 {
		c.t.Errorf("%s: more errors not shown", c.name)
	}
}

func okScore(x float64) bool { return x >= 0 && x <= 1 } // false for NaN

// checkDoc checks the invariants of an entity document for text.
func checkDoc(t testing.TB, name, text string, doc *entity.Document) {
	t.Helper()
	c := &checker{t: t, name: name}
	if doc == nil {
		c.errorf("Extract returned nil")
		return
	}
	if doc.Text != text {
		c.errorf("Document.Text differs from the input (len %d, want %d)", len(doc.Text), len(text))
	}
	prev := 0
	for i, m := range doc.Mentions {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			c.errorf("mention %d: span [%d,%d) invalid for a text of %d bytes", i, m.Start, m.End, len(text))
			continue
		}
		if text[m.Start:m.End] != m.Text {
			c.errorf("mention %d: text[%d:%d] = %q, Text = %q", i, m.Start, m.End, text[m.Start:m.End], m.Text)
		}
		if m.Start < prev {
			c.errorf("mention %d at %d comes after one at %d: not in text order", i, m.Start, prev)
		}
		prev = m.Start
		if m.Form == entity.FormPart && !(m.Start <= m.PartStart && m.PartStart < m.PartEnd && m.PartEnd <= m.End) {
			c.errorf("mention %d %q: part [%d,%d) not inside [%d,%d)", i, m.Text, m.PartStart, m.PartEnd, m.Start, m.End)
		}
		if s := m.Type.String(); s != "PER" && s != "LOC" && s != "ORG" && s != "OTH" {
			c.errorf("mention %d: type %q", i, s)
		}
		if m.Source < entity.SourceGazetteer || m.Source > entity.SourceCoref {
			c.errorf("mention %d: source %d", i, m.Source)
		}
		if !okScore(m.Score) {
			c.errorf("mention %d: score %v not in [0,1]", i, m.Score)
		}
		if m.Entity < 0 || m.Entity >= len(doc.Entities) {
			c.errorf("mention %d: entity index %d of %d", i, m.Entity, len(doc.Entities))
		}
	}
	total := 0
	for j, e := range doc.Entities {
		total += len(e.Mentions)
		if len(e.Mentions) == 0 || e.Count != len(e.Mentions) {
			c.errorf("entity %d %q: Count %d, %d mentions", j, e.Name, e.Count, len(e.Mentions))
			continue
		}
		if e.Name == "" {
			c.errorf("entity %d: empty name", j)
		}
		if s := e.Type.String(); s != "PER" && s != "LOC" && s != "ORG" && s != "OTH" {
			c.errorf("entity %d: type %q", j, s)
		}
		if !okScore(e.Salience) {
			c.errorf("entity %d %q: salience %v not in [0,1]", j, e.Name, e.Salience)
		}
		if j > 0 && e.Salience > doc.Entities[j-1].Salience {
			c.errorf("entity %d %q: salience %v above the previous entity's %v", j, e.Name, e.Salience, doc.Entities[j-1].Salience)
		}
		if (e.Entry == nil) != (e.ID == "") || (e.Entry != nil && e.Entry.ID != e.ID) {
			c.errorf("entity %d %q: ID %q does not match its gazetteer entry", j, e.Name, e.ID)
		}
		last := -1
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(doc.Mentions) {
				c.errorf("entity %d %q: mention index %d of %d", j, e.Name, mi, len(doc.Mentions))
				continue
			}
			if mi <= last {
				c.errorf("entity %d %q: mention indices not increasing", j, e.Name)
			}
			last = mi
			if doc.Mentions[mi].Entity != j {
				c.errorf("entity %d %q: its mention %d points to entity %d", j, e.Name, mi, doc.Mentions[mi].Entity)
			}
		}
		if mi := e.Mentions[0]; mi >= 0 && mi < len(doc.Mentions) && e.First != doc.Mentions[mi].Start {
			c.errorf("entity %d %q: First %d, first mention at %d", j, e.Name, e.First, doc.Mentions[mi].Start)
		}
	}
	if total != len(doc.Mentions) {
		c.errorf("entities hold %d mentions, the document has %d", total, len(doc.Mentions))
	}
}

// checkTopics checks the invariants of a topic result for text; withDoc
// says whether Tag had an entity document.
func checkTopics(t testing.TB, name, text string, r topic.Result, withDoc bool) {
	t.Helper()
	c := &checker{t: t, name: name + " (topics)"}
	for i, tp := range r.Topics {
		if tp.ID == "" || tp.Label == "" {
			c.errorf("topic %d: empty id or label: %+v", i, tp)
		}
		if !(tp.Score >= 0 && tp.Score < 1) || math.IsNaN(tp.Weight) || tp.Weight < 0 {
			c.errorf("topic %d %s: score %v, weight %v", i, tp.ID, tp.Score, tp.Weight)
		}
		if i > 0 && tp.Score > r.Topics[i-1].Score {
			c.errorf("topic %d %s: not sorted by score", i, tp.ID)
		}
		for k, ev := range tp.Evidence {
			if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End {
				c.errorf("topic %s evidence %d: span [%d,%d) invalid for %d bytes", tp.ID, k, ev.Start, ev.End, len(text))
			} else if text[ev.Start:ev.End] != ev.Text {
				c.errorf("topic %s evidence %d: text[%d:%d] = %q, Text = %q", tp.ID, k, ev.Start, ev.End, text[ev.Start:ev.End], ev.Text)
			}
			if ev.Count < 1 || math.IsNaN(ev.Weight) {
				c.errorf("topic %s evidence %d: count %d, weight %v", tp.ID, k, ev.Count, ev.Weight)
			}
		}
	}
	if !withDoc && len(r.Focus) > 0 {
		c.errorf("focus without an entity document: %+v", r.Focus)
	}
	for i, f := range r.Focus {
		if !okScore(f.Score) || f.Name == "" {
			c.errorf("focus %d: %+v", i, f)
		}
		if i > 0 && f.Score > r.Focus[i-1].Score {
			c.errorf("focus %d %s: not sorted by score", i, f.Name)
		}
	}
}

// checkAll runs Extract, Tag (with and without the document) and Analyze
// on text and checks everything, including that the JSON result encodes.
func checkAll(t testing.TB, a *kenner.Analyzer, name, text string) {
	t.Helper()
	doc := a.Extractor().Extract(text)
	checkDoc(t, name, text, doc)
	tr := a.Tagger().Tag(text, doc)
	checkTopics(t, name, text, tr, true)
	checkTopics(t, name+" (no doc)", text, a.Tagger().Tag(text, nil), false)
	res := kenner.NewResult(doc, tr)
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("%s: JSON result does not encode: %v", name, err)
	}
}

// fingerprint is a readable description of a result, for error messages.
func fingerprint(doc *entity.Document) string {
	var sb strings.Builder
	for _, m := range doc.Mentions {
		fmt.Fprintf(&sb, "%d-%d %s %s %s e%d %.3f; ", m.Start, m.End, m.Text, m.Type, m.Form, m.Entity, m.Score)
	}
	return sb.String()
}

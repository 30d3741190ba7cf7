package entity

import (
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/*.txt
var dataFS embed.FS

// lexicon holds the built-in word lists the rules use. It is read once from
// the embedded data files.
type lexicon struct {
	roles    map[string]bool // lower-case role words (präsident, sprecherin)
	roleTail map[string]bool // role words of ≥ 5 letters, for compound heads (außenminister)
	tailMin  int             // byte lengths of the shortest and longest roleTail word
	tailMax  int
	nonames  map[string]bool // capitalised words that are never a name
	nouns    map[string]bool // capitalised common nouns of news text (data/nouns.txt)
	vocab    map[string]bool // lower-case German words (data/vocab.txt)
	speech   map[string]bool // verbs of saying
	legal    map[string]bool // legal forms (AG, GmbH)
	orgHead  map[string]bool // Universität, Institut
	orgCue   map[string]bool // lower-case cue nouns (konzern, partei)
	orgTail  []string        // lower-case suffixes of institution compounds
	nameHead []string        // lower-case ends of organisation nouns after a capitalised adjective
	orgEng   map[string]bool // heads of English organisation names (Institute)
	club     map[string]bool // sports-club prefixes (FC, SV, Borussia)
	civic    map[string]bool // bodies named by a town's adjective (Kölner Stadtwerke)
}

var defaultLexicon = sync.OnceValues(loadLexicon)

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		roles: map[string]bool{}, roleTail: map[string]bool{}, tailMin: 1 << 30, nonames: map[string]bool{}, nouns: map[string]bool{}, vocab: make(map[string]bool, 36000), speech: map[string]bool{},
		legal: map[string]bool{}, orgHead: map[string]bool{}, orgCue: map[string]bool{},
		orgEng: map[string]bool{}, club: map[string]bool{}, civic: map[string]bool{},
	}
	err := readList("data/roles.txt", func(f []string) error {
		lx.roles[f[0]] = true
		if utf8.RuneCountInString(f[0]) >= 5 && !strings.HasSuffix(f[0], ".") {
			lx.roleTail[f[0]] = true
			lx.tailMin, lx.tailMax = min(lx.tailMin, len(f[0])), max(lx.tailMax, len(f[0]))
		}
		return nil
	})
	if err == nil {
		err = readList("data/nonames.txt", func(f []string) error { lx.nonames[f[0]] = true; return nil })
	}
	if err == nil {
		err = readList("data/vocab.txt", func(f []string) error { lx.vocab[f[0]] = true; return nil })
	}
	if err == nil {
		err = readList("data/nouns.txt", func(f []string) error { lx.nouns[f[0]] = true; return nil })
	}
	if err == nil {
		err = readList("data/speech.txt", func(f []string) error { lx.speech[f[0]] = true; return nil })
	}
	if err == nil {
		err = readList("data/orgheads.txt", func(f []string) error {
			if len(f) != 2 {
				return fmt.Errorf("want kind<TAB>word")
			}
			switch f[0] {
			case "legal":
				lx.legal[f[1]] = true
			case "head":
				lx.orgHead[f[1]] = true
			case "cue":
				lx.orgCue[f[1]] = true
			case "eng":
				lx.orgEng[f[1]] = true
			case "club":
				lx.club[f[1]] = true
			case "civic":
				lx.civic[f[1]] = true
			case "suffix":
				lx.orgTail = append(lx.orgTail, f[1])
				lx.nameHead = append(lx.nameHead, f[1])
			case "namehead":
				lx.nameHead = append(lx.nameHead, f[1])
			default:
				return fmt.Errorf("unknown kind %q", f[0])
			}
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	return lx, nil
}

// readList reads an embedded list file: '#' lines and blank lines are
// skipped, other lines are split on tabs and handed to fn.
func readList(name string, fn func(fields []string) error) error {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("entity: %v", err)
	}
	// One string for the file: the fields handed to fn are substrings of
	// it, so that a list of 35,000 words costs no allocation per line.
	text := string(b)
	var fields []string
	for line := 1; text != ""; line++ {
		var s string
		s, text, _ = strings.Cut(text, "\n")
		s = strings.TrimRight(s, "\r")
		if s == "" || s[0] == '#' {
			continue
		}
		fields = fields[:0]
		for {
			f, rest, more := strings.Cut(s, "\t")
			fields = append(fields, f)
			if !more {
				break
			}
			s = rest
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("entity: %s:%d: %v", name, line, err)
		}
	}
	return nil
}

// isRole reports whether the lower-case word w is a role or title word,
// alone or as the head of a compound (Außenminister, Kommissionspräsidentin).
func (lx *lexicon) isRole(w string) bool {
	if lx.roles[w] {
		return true
	}
	// A compound head: a role word of ≥ 5 letters after at least three
	// bytes of modifier. One set look-up per possible start of the head
	// (a start inside a UTF-8 sequence matches no word).
	for i := max(3, len(w)-lx.tailMax); i <= len(w)-lx.tailMin; i++ {
		if lx.roleTail[w[i:]] {
			return true
		}
	}
	return false
}

// isOrgCompound reports whether the lower-case single word w is a compound
// naming an institution (bundesfinanzministerium, landgericht).
func (lx *lexicon) isOrgCompound(w string) bool {
	// Only national and state institutions: generic compounds
	// (Sportverein, Stadtwerke, Landgericht) name no particular body.
	if !strings.HasPrefix(w, "bundes") && !strings.HasPrefix(w, "landes") && !strings.HasPrefix(w, "staats") && !strings.HasPrefix(w, "reichs") {
		return false
	}
	for _, t := range lx.orgTail {
		if len(w) >= len(t)+4 && strings.HasSuffix(w, t) {
			return true
		}
	}
	return false
}

// isNameHead reports whether the lower-cased word w, without a genitive
// ending, ends like a body's name (krebshilfe, mieterbundes): after a
// capitalised adjective it makes the two words an organisation. A plural
// (behörden, banken) does not end so.
func (lx *lexicon) isNameHead(w string) bool {
	for _, v := range [...]string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} {
		for _, t := range lx.nameHead {
			if strings.HasSuffix(v, t) {
				return true
			}
		}
	}
	return false
}

// lowerASCIIFirst returns s with its first rune lower-cased, writing into
// buf when a copy is needed.
func lowerFirst(s string, buf []byte) []byte {
	buf = buf[:0]
	r, n := utf8.DecodeRuneInString(s)
	buf = utf8.AppendRune(buf, unicode.ToLower(r))
	return append(buf, s[n:]...)
}

// lowerAll lower-cases s into buf.
func lowerAll(s string, buf []byte) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			return buf
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

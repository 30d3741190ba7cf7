package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kenner-nlp/kenner/gazetteer"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// Scores given to mentions found by the built-in rules.
const (
	scoreRole      = 0.8
	scoreFirstName = 0.75
	scoreParty     = 0.8
	scoreSpeech    = 0.6
	scoreOrgRule   = 0.7
)

// particles may stand inside a person's name (Ursula von der Leyen).
var particles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "zu": true, "vom": true,
	"al": true, "bin": true, "ibn": true, "da": true, "di": true, "del": true, "la": true,
	"le": true, "dos": true, "ten": true, "ter": true, "el": true,
}

// nounSuffixes end common nouns, never a surname or organisation name.
var nounSuffixes = []string{"ung", "ungen", "heit", "keit", "schaft", "tion", "ismus", "tät", "nis", "chen", "ment", "ität"}

// capWord reports whether t is a capitalised word.
func capWord(t *tokenize.Token) bool {
	return t.Kind == tokenize.Word && t.Flags&tokenize.Upper != 0
}

// commonAt reports whether the capitalised word token i looks like a common
// noun: it is on the non-name or noun list, occurs in lower case in the
// text, or ends like a noun.
func (x *Extractor) commonAt(i int, s *scratch) bool {
	return s.word(i).has(wNoName|wNoun|wNounSuffix) || s.lowerAt(i)
}

// roleAt reports whether token i is a role or title word (Präsident,
// US-Außenminister, Ex-Kanzlerin, Dr.).
func (x *Extractor) roleAt(i int, s *scratch) bool {
	t := &s.toks[i]
	if !capWord(t) {
		return false
	}
	if t.Flags&tokenize.Hyphen != 0 {
		return s.word(i).has(wRoleTail)
	}
	return s.word(i).has(wRole)
}

// nameEnd returns the end of a person name that starts at token j: any
// first names, then particles and one surname (Emmanuel Macron, Ursula von
// der Leyen, Macron). It returns j when there is none.
func (x *Extractor) nameEnd(j int, s *scratch) int {
	toks := s.toks
	n := len(toks)
	ok := func(k int) bool {
		if k >= n || !s.free(k) {
			return false
		}
		t := &toks[k]
		if c := s.cand[k]; c != 0 && c != PER && !s.word(k).has(wFirst) {
			return false // a place or organisation the gazetteer stage turned down
		}
		return capWord(t) && !s.word(k).has(wNoName) && t.Flags&tokenize.AllCaps == 0 && !x.roleAt(k, s)
	}
	// After a first name, the surname may be a word the gazetteer took
	// for a place or a demonym (Georg Herold, Christiane Holländer), for
	// a small town or a landscape, however sure (Thomas Strobl, Thomas
	// Wendland), for a company named after its founder's family (Günther
	// Fielmann, Ferdinand Porsche), for a compound with a place in it
	// (Maria Delgado-Reyes), or for another person of that surname: the
	// gazetteer would have matched the known person's full name (Claudia
	// Plattner is not Hasso Plattner).
	sur := func(k int) bool {
		if k >= n {
			return false
		}
		t := &toks[k]
		if !capWord(t) || s.word(k).has(wNoName) || t.Flags&tokenize.AllCaps != 0 || x.roleAt(k, s) {
			return false
		}
		if id := s.owner[k]; id != 0 {
			sp := &s.spans[id-1]
			return sp.last-sp.first == 1 && sp.src == SourceGazetteer &&
				(!sp.certain || sp.form == FormDeriv || sp.form == FormPart || sp.form == FormName && sp.entry != nil &&
					(sp.entry.Type == LOC && surnameLike[sp.entry.Kind] || sp.entry.Kind == "company" || sp.entry.Type == PER))
		}
		return true
	}
	k := j
	for k-j < 4 && ok(k) && s.word(k).has(wFirst) && (ok(k+1) || sur(k+1) || k+1 < n && particles[toks[k+1].Text]) {
		k++
	}
	p := k
	for p < n && p-k < 3 && particles[toks[p].Text] {
		p++
	}
	if p > k && k > j && (ok(p) || sur(p)) {
		return p + 1
	}
	if ok(k) || k > j && sur(k) {
		// A second surname or a middle name before it, after first names
		// (Ketanji Brown Jackson, Amy Coney Barrett): one more word that
		// could be a surname, when no capitalised word follows it.
		if e := k + 1; k > j && e < n && (ok(e) || sur(e)) && !s.word(e).has(wVocab|wNoun|wNounSuffix) &&
			(e+1 >= n || !capWord(&toks[e+1])) {
			return e + 1
		}
		return k + 1
	}
	return k
}

// isFirstName reports whether w is a known first name (for a hyphenated
// name, its first part: Hans-Dietrich).
func (x *Extractor) isFirstName(w string) bool {
	if x.first == nil {
		return false
	}
	if x.first.CountExact(w) >= minFirstNameCount {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		return x.first.CountExact(w[:i]) >= minFirstNameCount
	}
	return false
}

// person adds a PER mention over tokens [j, k), taking the tokens from
// gazetteer mentions nameEnd let it have.
func (x *Extractor) person(j, k int, score float64, s *scratch) bool {
	x.claim(j, k, s)
	return s.add(span{
		first: j, last: k, start: s.toks[j].Start, end: s.toks[k-1].End,
		typ: PER, form: FormName, src: SourceRule, score: score,
	})
}

// org adds an ORG mention over tokens [j, k).
func (x *Extractor) org(j, k int, score float64, s *scratch) bool {
	return s.add(span{
		first: j, last: k, start: s.toks[j].Start, end: s.toks[k-1].End,
		typ: ORG, form: FormName, src: SourceRule, score: score,
	})
}

// ruleStage runs the built-in rules over the tokens no gazetteer name took.
func (x *Extractor) ruleStage(text string, s *scratch) {
	toks := s.toks
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != tokenize.Word {
			switch t.Text {
			case "(":
				x.partyRule(i, s)
			case "„", "\"", "«", "»", "“":
				if k := titleEnd(i, s); k > i+1 {
					x.claim(i+1, k, s)
					if s.add(span{first: i + 1, last: k, start: toks[i+1].Start, end: toks[k-1].End, typ: OTH, form: FormName, src: SourceRule, score: 0.7, certain: true}) {
						i = k
					}
				}
			}
			continue
		}
		// Role or title before a name: Präsident Emmanuel Macron, Sprecherin Müller.
		if x.roleAt(i, s) {
			j := i + 1
			if x.firstNamePlace(j, s) && (j+1 >= len(toks) || !capWord(&toks[j+1])) {
				if x.person(j, j+1, scoreRole, s) { // Königin Mary, not the city in Turkmenistan
					i = j
					continue
				}
			}
			if k := x.nameEnd(j, s); k > j {
				if k-j > 1 || !x.commonAt(j, s) {
					if x.person(j, k, scoreRole, s) {
						i = k - 1
						continue
					}
				}
			}
		}
		// Verb of saying before a name: sagte Peskow.
		if s.word(i).has(wSpeech) && i+1 < len(toks) {
			j := i + 1
			if k := x.nameEnd(j, s); k == j+1 && !x.commonAt(j, s) && toks[j].Flags&tokenize.SentStart == 0 {
				if k == len(toks) || toks[k].Kind != tokenize.Word || toks[k].Flags&tokenize.Upper == 0 {
					if x.person(j, k, scoreSpeech, s) {
						i = k - 1
						continue
					}
				}
			}
		}
		// Rules that start at a name the gazetteer found (the cheap test
		// first: most tokens are neither).
		if s.owner[i] != 0 {
			// A capitalised place adjective inside a name: die Deutsche
			// Krebshilfe, der Bayerische Bauernverband, der Deutsche
			// Katholikentag.
			if k, typ := x.adjectiveNameEnd(i, s); k > i {
				x.claim(i, k, s)
				if s.add(span{first: i, last: k, start: t.Start, end: toks[k-1].End, typ: typ, form: FormName, src: SourceRule, score: scoreOrgRule}) {
					i = k - 1
					continue
				}
			}
			// A town's adjective before a body of that town: Kölner
			// Verkehrs-Betriebe, Hamburger Sparkasse, Berliner Philharmoniker.
			if k := x.civicEnd(i, s); k > i {
				x.claim(i, k, s)
				if x.org(i, k, scoreOrgRule, s) {
					i = k - 1
					continue
				}
			}
			// A known institution's name before "für" and its field: das
			// Thünen-Institut für Seefischerei, a body of its own.
			if k := institutionFor(i, s); k > i {
				x.claim(i, k, s)
				if x.org(i, k, scoreOrgRule, s) {
					i = k - 1
					continue
				}
			}
			// A known company's name at the start of a longer one with a legal
			// form: Bilfinger Berger Projektentwicklung GmbH.
			if k := x.legalAfterOrg(i, s); k > i {
				e := s.spans[s.owner[i]-1].entry // the mention stays linked to it
				x.claim(i, k, s)
				if s.add(span{first: i, last: k, start: t.Start, end: toks[k-1].End, typ: ORG, form: FormName, entry: e, src: SourceRule, score: scoreOrgRule}) {
					i = k - 1
					continue
				}
			}
		} else if s.word(i).has(wPrizeAdj) {
			// A prize or a race named by a capitalised adjective: der Silberne
			// Bär, den Großen Preis von Australien.
			if k := prizeEnd(i, s); k > i {
				x.claim(i, k, s)
				if s.add(span{first: i, last: k, start: t.Start, end: toks[k-1].End, typ: OTH, form: FormName, src: SourceRule, score: scoreOrgRule, certain: true}) {
					i = k - 1
					continue
				}
			}
		}
		if !s.free(i) || t.Flags&tokenize.Upper == 0 {
			continue
		}
		// A known first name before a capitalised word: Steve Witkoff.
		if s.word(i).has(wFirst) && !s.word(i).has(wNoName) && !s.lowerAt(i) {
			if k := x.nameEnd(i, s); k > i+1 && !x.firstNameOnly(i+1, k, s) {
				if x.person(i, k, scoreFirstName, s) {
					i = k - 1
					continue
				}
			}
		}
		// An initial before a surname: W. Müller, J. R. R. Tolkien.
		if isInitial(t) {
			k := i + 1
			for k < len(toks) && isInitial(&toks[k]) && s.free(k) {
				k++
			}
			if e := x.nameEnd(k, s); e == k+1 && !x.commonAt(k, s) {
				if x.person(i, e, scoreFirstName, s) {
					i = e - 1
					continue
				}
			}
		}
		// The surname of a known person: Schröder, Merkel.
		if s.word(i).has(wSurname) && s.cand[i] == 0 && !x.commonAt(i, s) && !s.word(i).has(wVocab) && t.Flags&tokenize.AllCaps == 0 && !afterDeterminer(i, s) {
			if x.person(i, i+1, 0.5, s) {
				continue
			}
		}
		// A well-known first name alone: Laura, Thomas.
		if c := s.word(i).firstN; c >= minLoneFirstName && t.Flags&tokenize.SentStart == 0 && s.cand[i] == 0 && !afterDeterminer(i, s) && !s.word(i).has(wVocab) &&
			!s.word(i).has(wNoName) && !s.lowerAt(i) && (i+1 >= len(toks) || !capWord(&toks[i+1])) {
			if x.person(i, i+1, 0.55, s) {
				continue
			}
		}
		// Organisation cue: Konzern Tesla, Agentur Interfax.
		if s.word(i).has(wOrgCue) && i+1 < len(toks) {
			j := i + 1
			k := j
			for k < len(toks) && k-j < 3 && s.free(k) && capWord(&toks[k]) && !x.commonAt(k, s) {
				k++
			}
			if k > j && x.org(j, k, scoreOrgRule, s) {
				i = k - 1
				continue
			}
		}
		// Institution head: Universität Wien, Institut für Weltwirtschaft.
		if s.word(i).has(wOrgHead) {
			if k := x.orgHeadEnd(i, s); k > i+1 {
				x.claim(i, k, s)
				if x.org(i, k, scoreOrgRule, s) {
					i = k - 1
					continue
				}
			}
		}
		// Legal form after a name: Beispiel Holding AG.
		if k := i; k+1 < len(toks) {
			for k < len(toks) && k-i < 4 && s.free(k) && capWord(&toks[k]) && !x.legalAt(k, s) {
				k++
			}
			if k > i && k < len(toks) && x.legalAt(k, s) && !s.word(i).has(wNoName) {
				if x.org(i, k+1, scoreOrgRule, s) {
					i = k
					continue
				}
			}
		}
		// Sports club: FC Bayern München, SV Werder Bremen, Borussia Dortmund.
		if s.word(i).has(wClub) {
			if k := x.clubEnd(i, s); k > i+1 {
				x.claim(i, k, s)
				if x.org(i, k, scoreOrgRule, s) {
					i = k - 1
					continue
				}
			}
		}
		// English organisation name: California Institute of Technology.
		if k := x.engOrgEnd(i, s); k > i+1 {
			x.claim(i, k, s)
			if x.org(i, k, scoreOrgRule, s) {
				i = k - 1
				continue
			}
		}
		// A single compound naming an institution: Bundesfinanzministerium,
		// Bundesamt für Gesundheit.
		if s.word(i).has(wOrgCompound) {
			k := i + 1
			if k+1 < len(toks) && (toks[k].Text == "für" || toks[k].Text == "der" || toks[k].Text == "des") && capWord(&toks[k+1]) && s.free(k+1) {
				k += 2
				if k+1 < len(toks) && toks[k].Text == "und" && capWord(&toks[k+1]) && s.free(k+1) {
					k += 2
				}
			}
			if x.org(i, k, 0.55, s) {
				i = k - 1
			}
			continue
		}
		// Motorways and federal roads: auf der A8, die B 27 Richtung Tübingen.
		if k := roadEnd(i, s); k > i {
			s.add(span{first: i, last: k, start: t.Start, end: s.toks[k-1].End, typ: LOC, form: FormName, src: SourceRule, score: 0.6})
			i = k - 1
			continue
		}
		// Streets and squares: Friedrichstraße, Marienplatz, Kurfürstendamm.
		if t.Flags&tokenize.SentStart == 0 || !s.word(i).has(wNoName) {
			if s.word(i).has(wStreet) {
				s.add(span{first: i, last: i + 1, start: t.Start, end: t.End, typ: LOC, form: FormName, src: SourceRule, score: 0.6})
			}
		}
	}
}

// minFirstNameCount is the number of registered children a first name
// needs before the first-name rule trusts it.
const minFirstNameCount = 5

// firstNameOnly reports whether every token in [j, k) is itself a common
// noun, in which case a first name before them is no evidence of a person.
func (x *Extractor) firstNameOnly(j, k int, s *scratch) bool {
	for i := j; i < k; i++ {
		if particles[s.toks[i].Text] {
			continue
		}
		if !x.commonAt(i, s) {
			return false
		}
	}
	return true
}

// firstNamePlace reports whether token j is a common first name (100
// children registered) that the gazetteer took for a place of fewer than a
// million people other than a country or a first-level region (Mary,
// Victoria; not Paris or Berlin, which a few children are named too).
func (x *Extractor) firstNamePlace(j int, s *scratch) bool {
	if j >= len(s.toks) || s.owner[j] == 0 || s.word(j).firstN < 100 {
		return false
	}
	sp := &s.spans[s.owner[j]-1]
	return sp.first == j && sp.last == j+1 && sp.src == SourceGazetteer && sp.form == FormName && sp.typ == LOC &&
		sp.entry != nil && sp.entry.Kind != "country" && sp.entry.Kind != "admin1" && sp.entry.Population < 1000000
}

// surnameLike are the kinds of places whose names are also surnames often
// enough that a first name before one makes a person: towns, landscapes,
// rivers, mountains, districts, landmarks. Cities, Länder and countries
// are left out.
var surnameLike = map[string]bool{
	"town": true, "region": true, "river": true, "mountains": true, "district": true, "landmark": true,
}

// orgHeadEnd returns the end of an institution name that starts with the
// head word at token i (Universität Wien, Institut für Weltwirtschaft).
func (x *Extractor) orgHeadEnd(i int, s *scratch) int {
	toks := s.toks
	k := i + 1
	if k < len(toks) && (toks[k].Text == "für" || toks[k].Text == "der" || toks[k].Text == "des") {
		k++
	}
	start := k
	for k < len(toks) && k-start < 3 {
		t := &toks[k]
		if !capWord(t) || s.word(k).has(wNoName) {
			break
		}
		if !s.free(k) {
			// A place (Universität Wien) or, after "für", a one-word
			// organisation (Landesamt für Verfassungsschutz) joins.
			sp := &s.spans[s.owner[k]-1]
			if sp.form != FormName || sp.first != k || !(sp.typ == LOC || sp.typ == ORG && start > i+1 && sp.last == k+1) {
				break
			}
		}
		k++
	}
	if k == start {
		return i
	}
	return k
}

// civicEnd returns the end of a name made of a town's adjective in -er at
// token i (a derived form the gazetteer stage found) and a following word
// that names a body of that town (Stadtwerke, Sparkasse, Philharmoniker), or
// i if there is none.
func (x *Extractor) civicEnd(i int, s *scratch) int {
	toks := s.toks
	id := s.owner[i]
	if id == 0 || i+1 >= len(toks) || !s.free(i+1) || !s.word(i+1).has(wCivic) {
		return i
	}
	sp := &s.spans[id-1]
	if sp.form != FormDeriv || sp.first != i || sp.last != i+1 || sp.entry == nil || !settlement(sp.entry) ||
		!strings.HasSuffix(toks[i].Text, "er") || toks[i].Flags&tokenize.Upper == 0 {
		return i
	}
	return i + 2
}

// adjectiveNameEnd returns the end and type of a name that starts with a
// capitalised place adjective at token i (a derived form the gazetteer
// stage found; not at a sentence's start, where any adjective is
// capitalised) and goes on with a known organisation or event (Bayerische
// Bauernverband, Deutsche Katholikentag) or with a noun that ends like a
// body (Deutsche Krebshilfe, Deutsche Gesellschaft für Ernährung). It
// returns i if there is none: die Deutschen Meister is a title, no name.
func (x *Extractor) adjectiveNameEnd(i int, s *scratch) (int, Type) {
	toks := s.toks
	id := s.owner[i]
	if id == 0 || i+1 >= len(toks) || toks[i].Flags&(tokenize.Upper|tokenize.SentStart) != tokenize.Upper || !capWord(&toks[i+1]) {
		return i, 0
	}
	sp := &s.spans[id-1]
	if sp.typ != LOC || sp.form != FormDeriv || sp.first != i || sp.last != i+1 || !inflectedSch(toks[i].Text) {
		return i, 0
	}
	if next := s.owner[i+1]; next != 0 {
		nsp := &s.spans[next-1]
		if nsp.first != i+1 || nsp.form != FormName {
			return i, 0
		}
		if nsp.typ == ORG || nsp.typ == OTH || nsp.typ == LOC && nsp.entry != nil && !settlement(nsp.entry) && nsp.entry.Kind != "admin1" {
			return nsp.last, nsp.typ // Sächsische Schweiz, Niedersächsisches Wattenmeer
		}
		return i, 0
	}
	if w := strings.ToLower(toks[i+1].Text); landscapeHeads[w] || landscapeHeads[strings.TrimSuffix(w, "s")] {
		return i + 2, LOC // die Deutsche Bucht, die Schwäbische Alb
	}
	if !s.word(i + 1).has(wNameHead) {
		return i, 0
	}
	k := i + 2
	if k+1 < len(toks) && (toks[k].Text == "für" || toks[k].Text == "der" || toks[k].Text == "des") && capWord(&toks[k+1]) && s.free(k+1) {
		k += 2
		if k < len(toks) && adjectiveEnding(toks[k-1].Text) && capWord(&toks[k]) && s.free(k) {
			k++ // für Nachhaltige Entwicklung
		}
		if k+1 < len(toks) && toks[k].Text == "und" && capWord(&toks[k+1]) && s.free(k+1) {
			k += 2
		}
	}
	return k, ORG
}

// landscapeHeads are nouns that after a capitalised place adjective name a
// landscape or sea (Deutsche Bucht, Schwäbische Alb, Bayerischer Wald).
var landscapeHeads = map[string]bool{
	"bucht": true, "meer": true, "wald": true, "alb": true, "gebirge": true, "bergland": true,
	"hügelland": true, "tiefland": true, "becken": true, "heide": true, "seenplatte": true,
}

// inflectedSch reports whether w is an inflected adjective in -sch
// (Deutsche, Bayerischen, Europäischer). A town's or country's form in -er
// (Münchner, Schweizer) takes no endings and mostly says where a thing is:
// der Düsseldorfer Konzern, eine Schweizer Versicherung.
func inflectedSch(w string) bool {
	for _, end := range [...]string{"e", "en", "er", "es", "em"} {
		if v, ok := strings.CutSuffix(w, end); ok && strings.HasSuffix(v, "sch") {
			return true
		}
	}
	return false
}

// workNouns end the words that name a kind of work before its title in
// quotes: der Film „Die Stille nach dem Regen“, das Debütalbum „Mensch“.
var workNouns = []string{
	"film", "album", "buch", "roman", "single", "song", "lied", "serie", "sendung", "show",
	"stück", "oper", "musical", "hit", "doku", "dokumentation", "ballade", "gedicht",
	"gedichtband", "bestseller", "podcast", "komödie", "drama", "thriller", "krimi", "folge",
	"episode", "operette", "sinfonie", "symphonie", "hörspiel", "memoiren", "biografie",
	"biographie", "erzählung", "novelle", "comic", "videospiel", "computerspiel",
	"werk", "beitrag", "titel", "motto", "leitwort", "ausstellung", "format", "tournee", "tour",
}

// prizeAdjectives start the names of prizes when capitalised inside a
// sentence (die Goldene Palme, den Silbernen Bären); "Groß" only before
// Preis (der Große Preis von Monaco, but die Große Koalition).
var prizeAdjectives = map[string]bool{"Golden": true, "Silbern": true, "Bronzen": true, "Groß": true}

// prizeAdjective returns the stem of w if w is an inflected adjective of
// prizeAdjectives (Silbernen → Silbern), else "".
func prizeAdjective(w string) string {
	if w == "" || w[0] != 'G' && w[0] != 'S' && w[0] != 'B' {
		return ""
	}
	for _, end := range [...]string{"en", "er", "es", "e"} {
		if v, ok := strings.CutSuffix(w, end); ok {
			if prizeAdjectives[v] {
				return v
			}
			return ""
		}
	}
	return ""
}

// prizeHeads end the nouns of prizes after one of prizeAdjectives (Bär,
// Palme, Löwe, Kamera, Ehrenbären …).
var prizeHeads = []string{
	"bär", "bären", "palme", "löwe", "löwen", "kamera", "himbeere", "globe", "ball", "henne",
	"muschel", "lola", "schuh", "medaille", "nadel", "schallplatte", "feder", "rose", "leopard",
	"leoparden", "stern", "sterne", "preis", "preises",
}

// prizeEnd returns the end of a prize's or race's name that starts at token
// i, or i if there is none: a capitalised adjective of prizeAdjectives, not
// at a sentence's start, before a capitalised noun; after Preis, "von",
// "der" or "des" and a capitalised word go with it.
func prizeEnd(i int, s *scratch) int {
	toks := s.toks
	t := &toks[i]
	if !s.word(i).has(wPrizeAdj) || t.Flags&tokenize.SentStart != 0 || i+1 >= len(toks) || !capWord(&toks[i+1]) || !s.free(i) {
		return i
	}
	stem := prizeAdjective(t.Text)
	noun := toks[i+1].Text
	preis := noun == "Preis" || noun == "Preises"
	if stem == "Groß" && !preis {
		return i
	}
	if !preis {
		lower := strings.ToLower(noun)
		ok := false
		for _, h := range prizeHeads {
			if strings.HasSuffix(lower, h) {
				ok = true
				break
			}
		}
		if !ok {
			return i // das Goldene Zeitalter, der Goldene Saal
		}
	}
	k := i + 2
	if preis && k+1 < len(toks) && (toks[k].Text == "von" || toks[k].Text == "der" || toks[k].Text == "des") && capWord(&toks[k+1]) {
		k += 2
	}
	return k
}

// isWorkNoun reports whether the lower-case word w ends in one of
// workNouns, also in the genitive (des Dokumentarfilms, des Buches).
func isWorkNoun(w string) bool {
	for _, n := range workNouns {
		if strings.HasSuffix(w, n) {
			return true
		}
		if i := strings.LastIndex(w, n); i >= 0 && (w[i+len(n):] == "s" || w[i+len(n):] == "es") {
			return true
		}
	}
	return false
}

// titleEnd returns the end of the title in quotes that opens at token i
// after a word naming a kind of work (der Film „Die Stille nach dem
// Regen“), or i if there is none. The title starts with a capital or a
// digit, has at most twelve tokens and ends at the closing quote.
func titleEnd(i int, s *scratch) int {
	toks := s.toks
	if i == 0 || i+2 >= len(toks) || toks[i-1].Kind != tokenize.Word || toks[i+1].Flags&(tokenize.Upper|tokenize.Digit) == 0 {
		return i
	}
	if !s.word(i - 1).has(wWork) {
		return i
	}
	for k := i + 1; k < len(toks) && k-i <= 13; k++ {
		switch toks[k].Text {
		case "“", "\"", "»", "«", "”":
			if k > i+1 {
				return k
			}
			return i
		case "„":
			return i
		}
	}
	return i
}

// institutionHeads end the names of institutions that may go on with
// "für" and a field (Thünen-Institut für Seefischerei).
var institutionHeads = []string{"institut", "zentrum", "amt", "anstalt", "akademie", "stiftung", "agentur", "behörde"}

// institutionFor returns the end of the name of a body that starts with a
// one-token organisation the gazetteer found at token i, whose word ends
// in an institution's head, and goes on with "für" and one or two
// capitalised words (the second after "und"), or i if there is none.
func institutionFor(i int, s *scratch) int {
	id := s.owner[i]
	toks := s.toks
	if id == 0 || i+2 >= len(toks) || toks[i+1].Text != "für" || !capWord(&toks[i+2]) || !s.free(i+2) {
		return i
	}
	sp := &s.spans[id-1]
	if sp.typ != ORG || sp.form != FormName || sp.first != i || sp.last != i+1 {
		return i
	}
	w := strings.ToLower(toks[i].Text)
	ok := false
	for _, v := range [...]string{w, strings.TrimSuffix(w, "s"), strings.TrimSuffix(w, "es")} { // Instituts, Amtes
		for _, h := range institutionHeads {
			ok = ok || strings.HasSuffix(v, h)
		}
	}
	if !ok {
		return i
	}
	k := i + 3
	if k+1 < len(toks) && toks[k].Text == "und" && capWord(&toks[k+1]) && s.free(k+1) {
		k += 2
	}
	return k
}

// legalAfterOrg returns the end of a company name that starts with an
// organisation the gazetteer found at token i and goes on, over at most
// three more capitalised words, to a legal form (Siemens Energy AG,
// Bilfinger Berger Projektentwicklung GmbH), or i if there is none.
func (x *Extractor) legalAfterOrg(i int, s *scratch) int {
	id := s.owner[i]
	if id == 0 {
		return i
	}
	sp := &s.spans[id-1]
	if sp.typ != ORG || sp.form != FormName || sp.first != i {
		return i
	}
	toks := s.toks
	k := sp.last
	for k < len(toks) && k-sp.last < 3 && s.free(k) && capWord(&toks[k]) && !x.legalAt(k, s) {
		k++
	}
	if k < len(toks) && s.free(k) && x.legalAt(k, s) {
		return k + 1
	}
	return i
}

// claim takes tokens [i, k) back from gazetteer place names inside them, so
// that a longer organisation name (Universität Wien) can replace them.
func (x *Extractor) claim(i, k int, s *scratch) {
	for j := i; j < k; j++ {
		if id := s.owner[j]; id != 0 {
			sp := &s.spans[id-1]
			for t := sp.first; t < sp.last; t++ {
				s.owner[t] = 0
			}
			sp.typ = 0 // dropped
		}
	}
}

// partyRule handles a party in parentheses after a name: Boris Pistorius
// (SPD), Müller (CDU). The token at i is "(".
func (x *Extractor) partyRule(i int, s *scratch) {
	toks := s.toks
	if i+2 >= len(toks) || toks[i+2].Text != ")" {
		return
	}
	p := i + 1
	isParty := false
	if id := s.owner[p]; id != 0 {
		sp := &s.spans[id-1]
		isParty = sp.typ == ORG && sp.entry != nil && sp.entry.Kind == "party"
	} else if pt := &toks[p]; pt.Kind == tokenize.Word && pt.Flags&tokenize.AllCaps != 0 && len(pt.Text) <= 6 {
		// An abbreviation of the words before it is no party
		// (Fluorchlorkohlenwasserstoffe (FCKW)); after an organisation's
		// name, it is the organisation's (Beispiel GmbH (BG)).
		for j := i - 1; j >= 0 && i-j <= 3; j-- {
			if isAbbreviationOf(pt.Text, s.text[toks[j].Start:toks[i-1].End]) {
				if id := s.owner[i-1]; id != 0 && s.spans[id-1].typ == ORG {
					x.org(p, p+1, 0.6, s)
				}
				return
			}
		}
		isParty = x.org(p, p+1, 0.6, s)
	}
	if !isParty {
		return
	}
	// The name before the parenthesis: up to three free capitalised words.
	j := i
	for j > 0 && i-j < 3 && s.free(j-1) && capWord(&toks[j-1]) && !s.word(j-1).has(wNoName) && !x.roleAt(j-1, s) {
		j--
	}
	if j < i && (i-j > 1 || !x.commonAt(j, s)) {
		for k := j; k < i; k++ {
			if s.word(k).has(wOrgCue | wOrgHead | wNameHead) {
				x.org(j, i, scoreOrgRule, s) // Die Sozialistische Partei (PS)
				return
			}
		}
		x.person(j, i, scoreParty, s)
	}
}

// roadBefore are the words before a road's number that make it a road
// (auf der A8, Autobahn 7), not a paper size (DIN A4) or a car (Audi A3).
var roadBefore = map[string]bool{
	"der": true, "die": true, "auf": true, "über": true, "Autobahn": true, "Bundesautobahn": true,
	"Bundesstraße": true, "Stadtautobahn": true, "Schnellstraße": true,
}

// roadAfter are the words after a road's number that make it a road
// (A8 Richtung München, A3 zwischen Köln und Frankfurt).
var roadAfter = map[string]bool{"Richtung": true, "zwischen": true, "bei": true, "nahe": true, "in": true, "am": true, "ab": true}

// roadEnd returns the end of a German motorway or federal road number at
// token i — A or B and one to three digits, written as one token (A8) or
// two (A 8) — when the word before or after it makes it a road, or i.
func roadEnd(i int, s *scratch) int {
	toks := s.toks
	t := &toks[i]
	k := i + 1
	switch {
	case len(t.Text) >= 2 && len(t.Text) <= 4 && (t.Text[0] == 'A' || t.Text[0] == 'B') && allDigits(t.Text[1:]):
	case (t.Text == "A" || t.Text == "B") && k < len(toks) && toks[k].Start == t.End+1 && len(toks[k].Text) <= 3 && allDigits(toks[k].Text) && s.free(k):
		k++
	default:
		return i
	}
	if i > 0 && roadBefore[toks[i-1].Text] || k < len(toks) && roadAfter[toks[k].Text] {
		return k
	}
	return i
}

// allDigits reports whether s is a non-empty run of ASCII digits that does
// not start with 0.
func allDigits(s string) bool {
	if s == "" || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// streetSuffixes end the names of streets and squares.
var streetSuffixes = []string{"straße", "strasse", "allee", "gasse", "damm", "chaussee"}

// genericStreetModifiers are the first parts of compounds in streetSuffixes
// that name a kind of road, not one road: Landstraße, Einbahnstraße,
// Rettungsgasse, Staudamm.
var genericStreetModifiers = map[string]bool{
	"land": true, "neben": true, "seiten": true, "einbahn": true, "schnell": true, "wasser": true,
	"bundes": true, "kreis": true, "staats": true, "gemeinde": true, "ausfall": true, "quer": true,
	"einkaufs": true, "geschäfts": true, "wohn": true, "privat": true, "fahrrad": true, "spiel": true,
	"pass": true, "küsten": true, "maut": true, "zubringer": true, "anlieger": true, "sack": true,
	"stau": true, "bahn": true, "schutz": true, "hochwasser": true, "kopfstein": true, "schotter": true,
}

// genericStreet reports whether the lower-case word w, which ends in one
// of streetSuffixes, names a kind of road: its first part is a generic
// modifier (Landstraße) or a noun with a linking s of the kinds that name a
// purpose (Zufahrtsstraße, Umgehungsstraße, Rettungsgasse,
// Hauptverkehrsstraße).
func genericStreet(w string) bool {
	for _, suf := range streetSuffixes {
		if v, ok := strings.CutSuffix(w, suf); ok {
			return genericStreetModifiers[v] || strings.HasSuffix(v, "ungs") || strings.HasSuffix(v, "fahrts") ||
				strings.HasSuffix(v, "verkehrs") || strings.HasSuffix(v, "gangs")
		}
	}
	return false
}

// hasAnySuffix reports whether w ends in one of sufs with at least min
// bytes before it.
func hasAnySuffix(w string, sufs []string, min int) bool {
	for _, suf := range sufs {
		if len(w) >= len(suf)+min && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// clubEnd returns the end of a sports-club name starting with the prefix at
// token i (FC Bayern München, 1. FC Köln), or i when there is none.
func (x *Extractor) clubEnd(i int, s *scratch) int {
	toks := s.toks
	k := i + 1
	if toks[i].Text == "1." {
		if k >= len(toks) || !x.lx.club[toks[k].Text] || toks[k].Text == "1." {
			return i
		}
		k++
	}
	start := k
	for k < len(toks) && k-start < 3 {
		t := &toks[k]
		if !capWord(t) || s.word(k).has(wNoName) || x.roleAt(k, s) {
			break
		}
		if !s.free(k) {
			sp := &s.spans[s.owner[k]-1]
			if sp.typ != LOC && sp.typ != ORG || sp.form != FormName {
				break
			}
		}
		k++
	}
	if k == start {
		return i
	}
	return k
}

// engFunc are the function words inside English (and French) names.
var engFunc = map[string]bool{"of": true, "for": true, "on": true, "and": true, "the": true, "&": true, "de": true, "des": true, "du": true, "in": true}

// engOrgEnd returns the end of an English organisation name starting at
// token i — a run of capitalised words and English function words that
// contains a head such as Institute or Council — or i when there is none.
func (x *Extractor) engOrgEnd(i int, s *scratch) int {
	toks := s.toks
	// A German noun before the genitive des starts no English name: in
	// "Zeitschrift des California Institute of Technology" the name
	// starts at California.
	if i+1 < len(toks) && toks[i+1].Text == "des" && s.word(i).has(wNoun|wVocab) {
		return i
	}
	head := false
	k := i
	last := i
	for k < len(toks) && k-i < 10 {
		t := &toks[k]
		if capWord(t) && !s.word(k).has(wNoName) {
			if !s.free(k) {
				// A person, or a known organisation or work, is a name of
				// its own (die Organisation Ärzte ohne Grenzen).
				if sp := &s.spans[s.owner[k]-1]; sp.typ == PER || sp.entry != nil && (sp.typ == ORG || sp.typ == OTH) {
					break
				}
			}
			if s.word(k).has(wOrgEng) {
				head = true
			}
			k++
			last = k
			continue
		}
		if w := s.word(k); k > i && (w.has(wEngFunc) || w == &noWord && engFunc[t.Text]) {
			k++
			continue
		}
		break
	}
	if !head || last-i < 2 {
		return i
	}
	return last
}

// minLoneFirstName is the count a first name needs to be taken as a person
// when it stands alone.
const minLoneFirstName = 500

func (x *Extractor) firstCount(w string) int {
	if x.first == nil {
		return 0
	}
	return x.first.CountExact(w)
}

// isInitial reports whether t is an initial: one upper-case letter and a dot.
func isInitial(t *tokenize.Token) bool {
	if len(t.Text) < 2 || len(t.Text) > 3 || t.Text[len(t.Text)-1] != '.' {
		return false
	}
	r, n := utf8.DecodeRuneInString(t.Text)
	return n == len(t.Text)-1 && unicode.IsUpper(r)
}

// surnames collects the last names of the gazetteer's people that are no
// common word, place or organisation name.
func surnames(g *gazetteer.Gazetteer, lx *lexicon) map[string]bool {
	out := map[string]bool{}
	for _, e := range g.Entries() {
		if e.Type != PER {
			continue
		}
		sn := surname(e.Name)
		if len(sn) < 3 || lx.nonames[sn] || lx.nouns[sn] || sn == e.Name {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(sn); !unicode.IsUpper(r) {
			continue
		}
		if m := g.Lookup(sn); len(m) > 0 && len(m[0].Entries) > 0 && m[0].Entries[0].Type != PER {
			continue
		}
		out[sn] = true
	}
	return out
}

// determiners start a noun phrase: a capitalised word after one is a noun
// far more often than a bare name (einen Frieden, die Laura?).
var determiners = map[string]bool{
	"der": true, "die": true, "das": true, "den": true, "dem": true, "des": true,
	"ein": true, "eine": true, "einen": true, "einem": true, "einer": true, "eines": true,
	"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true,
	"dieser": true, "diese": true, "diesen": true, "diesem": true, "dieses": true,
	"jeder": true, "jede": true, "jeden": true, "jedem": true, "jedes": true,
	"zum": true, "zur": true, "im": true, "am": true, "vom": true, "beim": true,
}

func afterDeterminer(i int, s *scratch) bool {
	return i > 0 && determiners[s.toks[i-1].Text]
}

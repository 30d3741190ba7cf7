package entity

import (
	"strings"

	"github.com/kenner-nlp/kenner/internal/tagger"
	"github.com/kenner-nlp/kenner/internal/tokenize"
)

// What the stages ask about a word depends on the word alone (is it a
// first name, a role word, on the list of non-names, …) and is asked many
// times per token. A scratch keeps the answers per distinct word, and every
// word token points at its word's answers, so that each question is an
// array look-up instead of one or more map look-ups.

// wordFlag is a set of answers about a word.
type wordFlag uint32

const (
	wRole        wordFlag = 1 << iota // a role or title word, alone or as a compound head
	wRoleTail                         // the same for the part after its last hyphen
	wNoName                           // on the list of capitalised non-names
	wNoun                             // a common noun of news text
	wSpeech                           // a verb of saying
	wVocab                            // lower-cased, a word of the German vocabulary
	wFirst                            // a known first name (isFirstName)
	wNounSuffix                       // ends like a common noun (nounSuffixes)
	wSurname                          // without a genitive ending, the surname of a known person
	wOrgCue                           // lower-cased without a final s, an organisation cue (Konzern)
	wOrgHead                          // an institution head (Universität)
	wLegal                            // a legal form (AG, GmbH)
	wClub                             // a sports club prefix (FC, Borussia)
	wOrgCompound                      // lower-cased, a compound naming an institution
	wStreet                           // lower-cased, ends like a street or square
	wOrgEng                           // a head of English organisation names (Institute)
	wEngFunc                          // a function word inside English names (of, the)
	wCivic                            // a body named by a town's adjective before it (Stadtwerke)
	wNameHead                         // lower-cased, without a genitive ending, ends like an organisation after a capitalised adjective (Krebshilfe)
	wPrizeAdj                         // an inflected adjective of prizeAdjectives (Goldene, Silbernen, Großer)
	wWork                             // lower-cased, ends in a noun of workNouns or its genitive (Dokumentarfilms)
)

// wordInfo holds the answers about one word.
type wordInfo struct {
	text   string // the word (the cache's own copy)
	flags  wordFlag
	firstN int    // registrations as a first name (firstCount)
	stem   string // Snowball stem, when stemmed is set
	// lowerSeen is the number of the last document in which the word
	// occurs in lower case (occursLower).
	lowerSeen uint32
	// lowerID is the index of the word lower-cased at its first letter
	// (lowerFirst) in the scratch's words, -1 while it is not one of them
	// (see linkLower).
	lowerID int32
	stemmed bool
}

func (w *wordInfo) has(f wordFlag) bool { return w.flags&f != 0 }

// maxWordInfos bounds the words a scratch keeps answers for; the cache is
// emptied before a text when it is full.
var maxWordInfos = 1 << 15 // a variable for a test

// noWord is the answer for tokens that are not words.
var noWord wordInfo

// indexWords points every word token of s at its wordInfo, computing the
// answers for words not seen before.
func (x *Extractor) indexWords(s *scratch) {
	s.doc++
	if s.doc == 0 { // wrapped: stale lowerSeen marks would match again
		for i := range s.winfo {
			s.winfo[i].lowerSeen = 0
		}
		s.doc = 1
	}
	if s.wmap == nil || len(s.winfo) > maxWordInfos {
		s.wmap = make(map[string]int32, 1024)
		s.winfo = s.winfo[:0]
		// The numbers name other words now: a new numbering for the
		// tagger, which trusts the numbers within one (Sequence.Words).
		s.seq.Words = tagger.NewWordNumbering()
		s.gazMemo.Reset() // it is indexed by the numbers of the words
		s.pendLower = make(map[string]int32)
	}
	if cap(s.wtok) < len(s.toks) {
		s.wtok = make([]int32, len(s.toks), cap(s.toks))
	}
	s.wtok = s.wtok[:len(s.toks)]
	for i := range s.toks {
		t := &s.toks[i]
		if t.Kind != tokenize.Word {
			s.wtok[i] = -1
			continue
		}
		k, ok := s.wmap[t.Text]
		if !ok {
			w := strings.Clone(t.Text) // the cache must not keep the text alive
			k = int32(len(s.winfo))
			s.winfo = append(s.winfo, x.answers(w, s))
			s.wmap[w] = k
			s.linkLower(k)
		}
		s.wtok[i] = k
		if t.Flags&tokenize.Upper == 0 {
			s.winfo[k].lowerSeen = s.doc
		}
	}
}

// answers computes the wordInfo of word w.
func (x *Extractor) answers(w string, s *scratch) wordInfo {
	lx := x.lx
	var f wordFlag
	// Role words: the whole word, and the part after the last hyphen (read
	// for tokens with an inner hyphen).
	s.buf = lowerAll(w, s.buf)
	if lx.isRole(string(s.buf)) {
		f |= wRole
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) {
		s.buf = lowerAll(w[i+1:], s.buf)
		if lx.isRole(string(s.buf)) {
			f |= wRoleTail
		}
	} else if f&wRole != 0 {
		f |= wRoleTail
	}
	// Lists of words as written.
	for _, l := range [...]struct {
		set  map[string]bool
		flag wordFlag
	}{
		{lx.nonames, wNoName}, {lx.nouns, wNoun}, {lx.speech, wSpeech},
		{lx.orgHead, wOrgHead}, {lx.legal, wLegal}, {lx.club, wClub},
		{lx.orgEng, wOrgEng}, {engFunc, wEngFunc}, {lx.civic, wCivic},
	} {
		if l.set[w] {
			f |= l.flag
		}
	}
	s.buf = lowerAll(w, s.buf)
	if lx.vocab[string(s.buf)] {
		f |= wVocab
	}
	if lx.isOrgCompound(string(s.buf)) {
		f |= wOrgCompound
	}
	if prizeAdjective(w) != "" {
		f |= wPrizeAdj
	}
	if isWorkNoun(string(s.buf)) {
		f |= wWork
	}
	if lx.isNameHead(string(s.buf)) {
		f |= wNameHead
	}
	if hasAnySuffix(string(s.buf), streetSuffixes, 3) && !genericStreet(string(s.buf)) {
		f |= wStreet
	}
	if x.isFirstName(w) {
		f |= wFirst
	}
	if x.surnames[stripGenitive(w)] {
		f |= wSurname
	}
	s.buf = lowerAll(strings.TrimSuffix(w, "s"), s.buf)
	if lx.orgCue[string(s.buf)] {
		f |= wOrgCue
	}
	for _, suf := range nounSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			f |= wNounSuffix
			break
		}
	}
	return wordInfo{text: w, flags: f, firstN: x.firstCount(w)}
}

// word returns the answers about token i (noWord for tokens that are not
// words).
func (s *scratch) word(i int) *wordInfo {
	if i < 0 || i >= len(s.wtok) || s.wtok[i] < 0 {
		return &noWord
	}
	return &s.winfo[s.wtok[i]]
}

// legalAt reports whether token i is a legal form (AG, GmbH, Co.).
func (x *Extractor) legalAt(i int, s *scratch) bool {
	if w := s.word(i); w != &noWord {
		return w.has(wLegal)
	}
	return x.lx.legal[s.toks[i].Text]
}

// linkLower sets the lowerID of the new word k, and that of the words
// before it whose lower-cased form it is. A word whose lower-cased form is
// not known yet waits for it in pendLower (keyed by that form; the words
// waiting for one form are chained by lowerID, -2 minus the next).
func (s *scratch) linkLower(k int32) {
	w := s.winfo[k].text
	if p, ok := s.pendLower[w]; ok {
		delete(s.pendLower, w)
		for p >= 0 {
			next := -2 - s.winfo[p].lowerID
			s.winfo[p].lowerID = k
			p = next
		}
	}
	s.buf = lowerFirst(w, s.buf)
	if string(s.buf) == w {
		s.winfo[k].lowerID = k
		return
	}
	if j, ok := s.wmap[string(s.buf)]; ok {
		s.winfo[k].lowerID = j
		return
	}
	next := int32(-1)
	if p, ok := s.pendLower[string(s.buf)]; ok {
		next = p
	}
	s.winfo[k].lowerID = -2 - next
	s.pendLower[string(s.buf)] = k
}

// lowerAt reports whether token i, lower-cased at its first letter, occurs
// in lower case somewhere in the text (occursLower).
func (s *scratch) lowerAt(i int) bool {
	w := s.word(i)
	if w == &noWord {
		return s.occursLower(s.toks[i].Text)
	}
	return w.lowerID >= 0 && s.winfo[w.lowerID].lowerSeen == s.doc
}

// stemAt returns the stem of word token i.
func (x *Extractor) stemAt(i int, s *scratch) string {
	w := s.word(i)
	if w == &noWord {
		return x.stem(s.toks[i].Text, s)
	}
	if !w.stemmed {
		w.stem = x.stem(w.text, s)
		w.stemmed = true
	}
	return w.stem
}

package main

// Small string helpers for place and person names.

import (
	"strings"
	"unicode"
)

func isLetter(r rune) bool { return unicode.IsLetter(r) }
func isUpper(r rune) bool  { return unicode.IsUpper(r) || unicode.IsTitle(r) }

// isLatin reports whether every letter of s is in the Latin script.
func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// qualifierSeps start the qualifying part of a German place name
// ("Frankfurt am Main", "Neustadt a.d.Donau", "Weilheim i.OB", "Halle (Saale)").
var qualifierSeps = []string{" (", "/", " am ", " an der ", " an ", " im ", " in ", " ob der ",
	" bei ", " auf ", " unter ", " vor der ", " v.", " a.", " i.", " b."}

// bareName strips the qualifying part of a German place name: "Halle (Saale)" →
// "Halle", "Frankfurt am Main" → "Frankfurt", "Neustadt a.d.Donau" → "Neustadt".
// It returns "" when nothing is stripped or the rest is not a usable name.
func bareName(s string) string {
	cut := -1
	for _, sep := range qualifierSeps {
		if i := strings.Index(s, sep); i > 0 && (cut < 0 || i < cut) {
			cut = i
		}
	}
	if cut < 0 {
		return ""
	}
	b := strings.TrimSpace(s[:cut])
	if !nameShapeOK(b) || b == s {
		return ""
	}
	return b
}

// slashQualifiers start a qualifier that news datelines write after a
// slash ("Frankfurt/Main", "Halle/Saale"); longer ones first.
var slashQualifiers = []string{"am ", "an der ", "an ", "im ", "in der ", "ob der "}

// slashName returns the short form with a slash that datelines use for a
// German place name qualified by one river or landscape word: "Frankfurt am
// Main" → "Frankfurt/Main", "Halle (Saale)" → "Halle/Saale", "Neustadt an
// der Weinstraße" → "Neustadt/Weinstraße". It returns "" for any other name
// ("Bernried am Starnberger See", "Weilheim i.OB", "Berlin").
func slashName(s string) string {
	b := bareName(s)
	if b == "" {
		return ""
	}
	q := strings.TrimSpace(s[len(b):])
	if strings.HasPrefix(q, "(") && strings.HasSuffix(q, ")") {
		q = q[1 : len(q)-1]
	} else {
		found := false
		for _, p := range slashQualifiers {
			if strings.HasPrefix(q, p) {
				q, found = q[len(p):], true
				break
			}
		}
		if !found {
			return ""
		}
	}
	if strings.ContainsAny(q, " ./()") || !nameShapeOK(q) {
		return ""
	}
	return b + "/" + q
}

// saintVariant returns the "St." form of a "Sankt" name and vice versa, or "".
func saintVariant(s string) string {
	switch {
	case strings.HasPrefix(s, "Sankt "):
		return "St. " + s[len("Sankt "):]
	case strings.HasPrefix(s, "St. "):
		return "Sankt " + s[len("St. "):]
	}
	return ""
}

// asciiApostrophe returns s with typographic apostrophes replaced by ASCII ones,
// or "" when there are none.
func asciiApostrophe(s string) string {
	if !strings.ContainsRune(s, '’') {
		return ""
	}
	return strings.ReplaceAll(s, "’", "'")
}

// isNameToken reports whether s looks like a first name: starts with an upper-case
// letter, has at least 2 letters, and contains only letters, '-' and apostrophes,
// with no '-' at either end.
func isNameToken(s string) bool {
	if s == "" || strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") || strings.Contains(s, "--") {
		return false
	}
	letters := 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if i == 0 && !isUpper(r) {
				return false
			}
			letters++
		case r == '-' || r == '\'' || r == '’':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return letters >= 2
}

// genitiveHeads are the ends of masculine and neuter nouns that head
// organisation names (Bundesamt, Zentralkomitee, Landeskriminalamt), with
// the genitive endings they take. Feminine heads (Agentur, Kommission)
// take none and are not listed.
var genitiveHeads = []struct {
	end  string
	gens []string
}{
	{"amt", []string{"s", "es"}}, {"institut", []string{"s", "es"}}, {"gericht", []string{"s", "es"}},
	{"rat", []string{"s", "es"}}, {"bund", []string{"es", "s"}}, {"verband", []string{"es", "s"}},
	{"werk", []string{"s", "es"}}, {"parlament", []string{"s", "es"}}, {"kabinett", []string{"s"}},
	{"komitee", []string{"s"}}, {"zentrum", []string{"s"}}, {"museum", []string{"s"}},
	{"ministerium", []string{"s"}}, {"gremium", []string{"s"}}, {"präsidium", []string{"s"}},
	{"sekretariat", []string{"s", "es"}}, {"büro", []string{"s"}}, {"kommando", []string{"s"}},
	{"forum", []string{"s"}}, {"theater", []string{"s"}}, {"orchester", []string{"s"}},
	{"konsortium", []string{"s"}}, {"kollegium", []string{"s"}}, {"tribunal", []string{"s"}},
}

// genitiveFirst returns the genitive forms of a name whose first word is a
// masculine or neuter noun followed by more words (Bundesamt für Migration
// und Flüchtlinge → Bundesamts für …, Bundesamtes für …; Zentralkomitee der
// deutschen Katholiken → Zentralkomitees der …). The matcher inflects only
// a name's last word. Names whose first word is an adjective (Deutsche
// Bahn) or a feminine noun, and one-word names, give none.
func genitiveFirst(name string) []string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" || first == "" || !isUpper([]rune(first)[0]) {
		return nil
	}
	lower := strings.ToLower(first)
	for _, h := range genitiveHeads {
		if !strings.HasSuffix(lower, h.end) {
			continue
		}
		var out []string
		for _, g := range h.gens {
			out = append(out, first+g+" "+rest)
		}
		return out
	}
	return nil
}

package tagger

import "strings"

// A tiny synthetic German corpus: templates with slots filled from name
// lists, deterministic for a seed.
var (
	synFirst = []string{"Angela", "Olaf", "Annalena", "Friedrich", "Karl", "Sahra", "Markus", "Ursula", "Robert", "Christian"}
	synLast  = []string{"Merkel", "Scholz", "Baerbock", "Merz", "Lauterbach", "Wagenknecht", "Söder", "Leyen", "Habeck", "Lindner"}
	synLoc   = []string{"Berlin", "München", "Paris", "Moskau", "Kiew", "Hamburg", "Brüssel", "Wien", "Köln", "Washington"}
	synOrg   = []string{"Siemens", "Bundestag", "Nato", "SPD", "Volkswagen", "Bundeswehr", "UNO", "Lufthansa", "CDU", "Telekom"}
	synOth   = []string{"Tatort", "Faust", "Brexit", "Oktoberfest"}
	synTmpl  = []string{
		"PER sagte am Montag in LOC , die ORG werde handeln .",
		"Die ORG kritisierte PER scharf .",
		"In LOC trafen sich PER und PER zu Gesprächen .",
		"Nach Angaben der ORG wurde in LOC niemand verletzt .",
		"PER lobte die Arbeit der ORG in LOC .",
		"Der Film OTH lief gestern in LOC .",
		"Morgen reist PER nach LOC .",
		"Die Regierung in LOC und die ORG streiten .",
		"Das ist eine gute Nachricht für alle .",
		"Wie PER mitteilte , sinken die Preise .",
	}
)

// syntheticExamples returns n tagged example sentences.
func syntheticExamples(n int, seed uint64) []Example {
	rng := newPCG(seed)
	pick := func(list []string) string { return list[int(rng.next())%len(list)] }
	out := make([]Example, 0, n)
	for i := 0; i < n; i++ {
		var words, tags []string
		for _, w := range strings.Fields(pick(synTmpl)) {
			switch w {
			case "PER":
				if rng.next()%2 == 0 {
					words = append(words, pick(synFirst), pick(synLast))
					tags = append(tags, "B-PER", "I-PER")
				} else {
					words = append(words, pick(synLast))
					tags = append(tags, "B-PER")
				}
			case "LOC":
				words = append(words, pick(synLoc))
				tags = append(tags, "B-LOC")
			case "ORG":
				words = append(words, pick(synOrg))
				tags = append(tags, "B-ORG")
			case "OTH":
				words = append(words, pick(synOth))
				tags = append(tags, "B-OTH")
			default:
				words = append(words, w)
				tags = append(tags, "O")
			}
		}
		out = append(out, Example{Seq: NewSequence(words), Tags: tags})
	}
	return out
}

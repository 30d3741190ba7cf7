package topic_test

import (
	"fmt"

	"github.com/kenner-nlp/kenner/entity"
	"github.com/kenner-nlp/kenner/topic"
)

// Tag a short report. Without an entity document, keywords alone decide;
// with one (from entity.Extractor), entity cues and the geographic focus
// are added.
func ExampleTagger_Tag() {
	tagger, err := topic.NewTagger(topic.WithMaxTopics(4))
	if err != nil {
		panic(err)
	}
	text := "Friedensgespräche in Genf\n\nDie Konfliktparteien haben sich auf einen Waffenstillstand geeinigt. " +
		"Die Außenminister beraten am Montag über weitere Verhandlungen."
	res := tagger.Tag(text, nil)
	for _, t := range res.Topics {
		fmt.Printf("%s %s %.2f\n", t.ID, t.Label, t.Score)
	}
	best, _ := res.Primary()
	fmt.Println("primary:", best.Label, "| evidence:", best.Evidence[0].Text)
	// Output:
	// medtop:16000000 Krise, Krieg, Konflikte 0.62
	// medtop:20000073 Friedensprozess 0.53
	// medtop:11000000 Politik 0.31
	// medtop:20000638 Internationale Beziehung 0.31
	// primary: Friedensprozess | evidence: Friedensgespräche
}

// The geographic focus needs the entities of the text.
func ExampleTagger_Tag_focus() {
	extractor, err := entity.NewExtractor()
	if err != nil {
		panic(err)
	}
	tagger, err := topic.NewTagger()
	if err != nil {
		panic(err)
	}
	text := "Wien (APA) – Die österreichische Bundesregierung hat sich auf das Budget geeinigt, " +
		"der Nationalrat soll es im Dezember beschließen."
	res := tagger.Tag(text, extractor.Extract(text))
	fmt.Println(res.Focus[0].Name, res.Focus[0].ID)
	// Output:
	// Österreich iso:AT
}

// Train a classifier for your own sections.
func ExampleTrain() {
	examples := []topic.Example{
		{Label: "Sport", Text: "Rapid gewinnt das Derby, der Trainer lobt die Mannschaft."},
		{Label: "Sport", Text: "Die Skifahrerin siegt im Slalom und führt im Weltcup."},
		{Label: "Wirtschaft", Text: "Der Konzern meldet mehr Umsatz, die Aktie steigt an der Börse."},
		{Label: "Wirtschaft", Text: "Die Inflation sinkt, die Notenbank senkt die Zinsen."},
	}
	c, err := topic.Train(examples)
	if err != nil {
		panic(err)
	}
	label, _ := c.Classify("Der Stürmer schießt zwei Tore, die Mannschaft siegt.")
	fmt.Println(label)
	// Output:
	// Sport
}

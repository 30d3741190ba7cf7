package topic_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kenner-nlp/kenner/topic"
)

// trainingSet is a tiny set of German sentences in three sections written
// for this test.
func trainingSet() []topic.Example {
	var ex []topic.Example
	add := func(label string, texts ...string) {
		for _, t := range texts {
			ex = append(ex, topic.Example{Label: label, Text: t})
		}
	}
	add("Sport",
		"Rapid gewinnt das Derby gegen die Austria mit 2:0, beide Tore fielen nach der Pause.",
		"Der Trainer lobte die Mannschaft nach dem Sieg in der Bundesliga.",
		"Beim Slalom in Schladming fuhr der Österreicher auf das Podest.",
		"Die Nationalmannschaft verliert das Testspiel, der Stürmer verletzte sich.",
		"Im Tennisfinale siegte die Titelverteidigerin in drei Sätzen.")
	add("Wirtschaft",
		"Der Konzern meldet einen Gewinnrückgang im dritten Quartal, die Aktie fiel.",
		"Die Inflation stieg im Oktober, die Zentralbank hält die Zinsen stabil.",
		"Das Unternehmen baut 300 Stellen ab und schließt ein Werk.",
		"Die Exporte der Industrie sanken, der Umsatz der Branche ging zurück.",
		"Die Bank erhöht die Kreditzinsen, Anleger reagierten nervös an der Börse.")
	add("Inland",
		"Der Nationalrat beschloss das Budget mit den Stimmen von ÖVP und SPÖ.",
		"Der Landeshauptmann kritisierte die Bundesregierung wegen der Reform.",
		"Die FPÖ fordert Neuwahlen, der Kanzler lehnt ab.",
		"Im Parlament wurde über die Pensionsreform debattiert, die Opposition protestierte.",
		"Die Ministerin kündigte ein neues Gesetz zur Bildungsreform an.")
	return ex
}

func TestTrainPredict(t *testing.T) {
	for _, topics := range []bool{false, true} {
		c, err := topic.Train(trainingSet(), topic.WithTopicFeatures(topics))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(c.Labels(), ","); got != "Inland,Sport,Wirtschaft" {
			t.Errorf("labels %s", got)
		}
		for text, want := range map[string]string{
			"Der Stürmer erzielte zwei Tore, die Mannschaft feiert den Sieg.": "Sport",
			"Die Aktie des Konzerns stieg nach guten Quartalszahlen.":         "Wirtschaft",
			"Die SPÖ kritisiert den Kanzler, der Nationalrat stimmt ab.":      "Inland",
		} {
			p := c.Predict(text)
			var sum float64
			for i, x := range p {
				sum += x.Prob
				if i > 0 && x.Prob > p[i-1].Prob {
					t.Errorf("not sorted: %v", p)
				}
			}
			if p[0].Label != want || sum < 0.999 || sum > 1.001 {
				t.Errorf("topics=%v: Predict(%q) = %v, want %s", topics, text, p, want)
			}
			if l, prob := c.Classify(text); l != p[0].Label || prob != p[0].Prob {
				t.Errorf("Classify = %s %v", l, prob)
			}
		}
	}
}

func TestTrainDeterministicAndSaveLoad(t *testing.T) {
	a, err := topic.Train(trainingSet())
	if err != nil {
		t.Fatal(err)
	}
	b, err := topic.Train(trainingSet())
	if err != nil {
		t.Fatal(err)
	}
	var ba, bb bytes.Buffer
	if err := a.Save(&ba); err != nil {
		t.Fatal(err)
	}
	if err := b.Save(&bb); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Error("training twice gives different models")
	}
	c, err := topic.LoadClassifier(bytes.NewReader(ba.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	text := "Der Kanzler und die Opposition streiten im Parlament über das Budget."
	pa, pc := a.Predict(text), c.Predict(text)
	for i := range pa {
		if pa[i] != pc[i] {
			t.Errorf("loaded model predicts %v, original %v", pc, pa)
			break
		}
	}
	if ba.Len() > 200_000 {
		t.Errorf("model file of %d bytes", ba.Len())
	}
	// Truncated and corrupted files are errors.
	for _, n := range []int{0, 3, 5, ba.Len() / 2, ba.Len() - 1} {
		if _, err := topic.LoadClassifier(bytes.NewReader(ba.Bytes()[:n])); err == nil {
			t.Errorf("truncated at %d: no error", n)
		}
	}
	if _, err := topic.LoadClassifier(strings.NewReader("KNTX")); err == nil || !strings.Contains(err.Error(), "not a kenner classifier") {
		t.Errorf("bad magic: %v", err)
	}
}

func TestTrainErrors(t *testing.T) {
	for _, ex := range [][]topic.Example{
		nil,
		{{Label: "A", Text: "x"}},
		{{Label: "A", Text: "x"}, {Label: "", Text: "y"}},
	} {
		if _, err := topic.Train(ex); err == nil || !strings.HasPrefix(err.Error(), "topic: Train") {
			t.Errorf("Train(%v): %v", ex, err)
		}
	}
}

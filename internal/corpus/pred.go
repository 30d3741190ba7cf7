package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
)

type predEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Form  string `json:"form"`
}

type predLine struct {
	ID       int          `json:"id"`
	Text     string       `json:"text"`
	Entities []predEntity `json:"entities"`
}

// WritePredJSONL writes predictions in nerscore.py's JSONL format, one line
// per sentence: {"id": i, "text": sentences[i].Text(), "entities": [{"start",
// "end", "type", "form"}]}, offsets in bytes into text, end exclusive. An
// empty Form is written as "name". preds[i] belongs to sentences[i]; a
// missing preds[i] writes no entities.
func WritePredJSONL(w io.Writer, sentences []Sentence, preds [][]Span) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i, s := range sentences {
		line := predLine{ID: i, Text: s.Text(), Entities: []predEntity{}}
		if i < len(preds) {
			for _, e := range preds[i] {
				form := e.Form
				if form == "" {
					form = "name"
				}
				line.Entities = append(line.Entities, predEntity{e.Start, e.End, e.Type, form})
			}
		}
		if err := enc.Encode(&line); err != nil {
			return fmt.Errorf("corpus: writing predictions: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("corpus: writing predictions: %w", err)
	}
	return nil
}

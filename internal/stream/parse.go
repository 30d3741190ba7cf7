package stream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

var errEmpty = errors.New("empty line")

// ParseLine reads one input line {"id":…,"text":"…"} (surrounding blanks and
// a trailing "\r\n" allowed). It returns the id as compact JSON (nil when
// absent or when the line is not a readable JSON object) and the text, with
// invalid UTF-8 replaced by U+FFFD. The error says what is wrong with a bad
// line; id is still returned when the line is an object but its text is
// missing or not a string.
func ParseLine(line []byte) (id json.RawMessage, text string, err error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return nil, "", errEmpty
	}
	if line[0] != '{' {
		if !json.Valid(line) {
			return nil, "", invalidJSON(line)
		}
		return nil, "", errors.New("not a JSON object")
	}
	if !json.Valid(line) {
		return nil, "", invalidJSON(line)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if _, err := dec.Token(); err != nil { // '{'
		return nil, "", invalidJSON(line)
	}
	var rawText json.RawMessage
	hasText := false
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, "", invalidJSON(line)
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, "", invalidJSON(line)
		}
		switch key {
		case "id":
			id = v
		case "text":
			rawText, hasText = v, true
		}
	}
	if id != nil {
		id = cleanID(id)
	}
	if !hasText {
		return id, "", errors.New(`missing "text"`)
	}
	if len(rawText) == 0 || rawText[0] != '"' {
		return id, "", errors.New(`"text" is not a string`)
	}
	if err := json.Unmarshal(rawText, &text); err != nil {
		return id, "", fmt.Errorf(`"text": %v`, err)
	}
	return id, text, nil
}

// cleanID returns the id compacted, without HTML escaping, and with invalid
// UTF-8 replaced, so that it can be copied into an output line.
func cleanID(id json.RawMessage) json.RawMessage {
	if utf8.Valid(id) {
		var buf bytes.Buffer
		if err := json.Compact(&buf, id); err == nil {
			return buf.Bytes()
		}
	}
	dec := json.NewDecoder(bytes.NewReader(id))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil
	}
	b, err := marshalNoEscape(v)
	if err != nil {
		return nil
	}
	return b
}

// invalidJSON returns the decoder's description of what is wrong with b.
func invalidJSON(b []byte) error {
	var v json.RawMessage
	err := json.Unmarshal(b, &v)
	if err == nil {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

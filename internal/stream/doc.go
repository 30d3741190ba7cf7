// Package stream runs an analysis over JSON Lines in parallel and writes the
// results in input order.
//
// Each input line is a JSON object {"id":…,"text":"…"}: id is any JSON value
// (copied to the output as is, null when absent) and text a JSON string.
// Each input line gives exactly one output line, in the same order:
//
//	{"id":…,<the fields of the analysis result>}
//	{"id":…,"error":"line 7: …"}
//
// The second form is written for a line that cannot be analysed, and the
// stream goes on with the next line. id is null when the line could not be
// read (invalid JSON, too long). The cases are:
//
//   - invalid JSON, or JSON that is not an object: error, id null;
//   - "text" missing or not a string: error, id copied;
//   - an empty (or all-blank) line: error "empty line", id null, so that
//     output line N still answers input line N;
//   - a line longer than Options.MaxLineSize bytes (default 64 MiB, the
//     newline not counted): error, id null; the line is skipped without being
//     held in memory whole.
//
// Object keys are matched exactly ("id", "text"); other keys are ignored; of
// duplicate keys the last wins. A line may end in "\r\n". Invalid UTF-8
// inside the JSON string of text is replaced by U+FFFD (U+FFFD
// REPLACEMENT CHARACTER) by the JSON decoder, so the analysed text is always
// valid UTF-8 and the result's byte offsets refer to that decoded text.
//
// Memory stays bounded: Run never reads the whole input, and holds about
// Options.Window lines (read, analysed or waiting to be written in order) at
// a time, each at most Options.MaxLineSize bytes.
package stream

package topic

import "strings"

// CompareTableLines orders two data lines of a keyword or cue table
// (qcode<TAB>weight<TAB>term) the way the embedded tables are sorted: by
// qcode (stop terms "-" first), then by the term compared case-folded with
// its '*' and '=' markers ignored, then by the whole line. It is exported
// for the table formatter (topic/internal/kwfmt).
func CompareTableLines(a, b string) int {
	ca, ta := splitTableLine(a)
	cb, tb := splitTableLine(b)
	if c := strings.Compare(ca, cb); c != 0 {
		return c
	}
	if c := strings.Compare(termKey(ta), termKey(tb)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func splitTableLine(l string) (code, term string) {
	code, rest, _ := strings.Cut(l, "\t")
	_, term, _ = strings.Cut(rest, "\t")
	return code, term
}

func termKey(t string) string {
	t = strings.Trim(t, "*=")
	return fold(t)
}

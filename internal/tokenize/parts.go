package tokenize

// Parts returns the hyphen-separated parts of t as byte spans of the original
// text, appended to dst[:0]: Nato-Außenminister gives Nato and Außenminister,
// 10-Punkte-Plan gives 10, Punkte and Plan, Dipl.-Ing. gives Dipl. and Ing.
// Hyphens (-, U+2010, U+2011) and en dashes between word characters separate
// parts; a trailing or leading hyphen (Ein-, -Zeitung) is dropped. A word
// without hyphen, and every token that is not a Word and has no Hyphen flag
// (numbers such as -5, URLs, e-mail addresses), is one part: the whole token.
func Parts(t Token, dst []Span) []Span {
	dst = dst[:0]
	if t.Kind != Word && t.Flags&Hyphen == 0 {
		return append(dst, Span{t.Start, t.End})
	}
	s := t.Text
	seg := 0
	for i := 0; i < len(s); {
		if w := hyphenAt(s, i); w > 0 {
			if i > seg {
				dst = append(dst, Span{t.Start + seg, t.Start + i})
			}
			i += w
			seg = i
			continue
		}
		i++
	}
	if seg < len(s) {
		dst = append(dst, Span{t.Start + seg, t.Start + len(s)})
	}
	if len(dst) == 0 {
		dst = append(dst, Span{t.Start, t.End})
	}
	return dst
}

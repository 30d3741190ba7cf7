// Package sample holds a short German news article written for kenner's
// examples and tests in the style of a dpa report. It is original text by
// the kenner authors (Apache-2.0), not agency copy.
package sample

import _ "embed"

// Article is the bundled sample article: a headline line, a blank line and
// four paragraphs separated by blank lines.
//
//go:embed article.txt
var Article string

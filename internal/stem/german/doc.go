// Package german implements the Snowball German stemmer (the current
// algorithm, Snowball 3.x) on top of the word state of
// github.com/kljensen/snowball/snowballword.
//
// The single entry point is [Stem]. It lower-cases its input with Unicode
// case mapping, then runs the Snowball steps, one file each:
//
//	preprocess.go   mark u/y between vowels, ß→ss, ae/oe/ue→ä/ö/ü (not after q)
//	regions.go      R1 (at least 3 letters before it) and R2
//	step1.go        inflectional suffixes (-em -ern -er -e -en -es -erin -erinnen -s -ln -lns)
//	step2.go        -en -er -est -st -et
//	step3.go        derivational suffixes (-end -ung -ig -ik -isch -lich -heit -keit)
//	step4.go        trailing apostrophes ('s 'sch ')
//	postprocess.go  undo the u/y marks, remove umlauts (ä→a ö→o ü→u)
//
// Stem is safe for concurrent use, never panics (invalid UTF-8 is read as
// U+FFFD) and always returns valid UTF-8. When the stem is a prefix of the
// input it is returned as a substring of the input, without allocating.
//
// The implementation reproduces all 35,033 stems of the official Snowball
// German test vocabulary (testdata/voc.txt → testdata/output.txt).
//
// # Attribution
//
// The algorithm and the test vocabulary are from the Snowball project
// (https://snowballstem.org, github.com/snowballstem/snowball and
// snowball-data), Copyright (c) 2001, Dr Martin Porter and
// Copyright (c) 2004,2005, Richard Boulton, used under the BSD 3-clause
// licence reproduced in testdata/COPYING. The code layout follows
// github.com/kljensen/snowball (MIT).
package german

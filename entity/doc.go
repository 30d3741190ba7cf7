// Package entity finds the people, places, organisations and other named
// things a German news text mentions, links every surface form to its entity
// and gives byte offsets for each mention.
//
// An Extractor is built once with NewExtractor and is immutable afterwards:
// it is safe for concurrent use by many goroutines.
package entity

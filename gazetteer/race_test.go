//go:build race

package gazetteer

const raceEnabled = true

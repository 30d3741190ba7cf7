//go:build !race

package hardening

// raceEnabled reports whether the tests run with the race detector, which
// makes everything 5–20 times slower and timings meaningless.
const raceEnabled = false

package tagger

// Feature hashing: 64-bit FNV-1a over the bytes of a value, combined with a
// template id by a fixed mixing function. Both are part of the model format:
// changing them changes every feature (bump the feature set name).

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// HashString returns the 64-bit FNV-1a hash of s.
func HashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashBytes returns the 64-bit FNV-1a hash of b.
func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Mix combines a feature template id (or an earlier Mix result) with a value
// hash into a feature hash. It is a fixed function (a splitmix64-style
// finaliser), so feature hashes are the same on every run and platform.
func Mix(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ b
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	h *= 0x94d049bb133111eb
	h ^= h >> 32
	return h
}

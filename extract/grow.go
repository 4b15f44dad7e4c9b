package extract

import "slices"

// appendDoubling appends v, doubling the capacity when s is full. append
// grows large slices by a quarter, which allocates five times the final
// size over a long text; doubling allocates twice.
func appendDoubling[T any](s []T, v T) []T {
	if len(s) == cap(s) {
		s = slices.Grow(s, max(len(s), 8))
	}
	return append(s, v)
}

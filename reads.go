package duban

import "context"

type freshReadsKey struct{}

// WithFreshReads marks ctx for reads that must see every committed write,
// e.g. a decision about to be written from what it reads: a store with a
// read replica serves them from the primary, not the replica.
func WithFreshReads(ctx context.Context) context.Context {
	return context.WithValue(ctx, freshReadsKey{}, true)
}

// FreshReads reports whether ctx was marked by WithFreshReads.
func FreshReads(ctx context.Context) bool {
	fresh, _ := ctx.Value(freshReadsKey{}).(bool)
	return fresh
}

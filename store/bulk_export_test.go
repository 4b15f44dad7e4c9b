package store

import (
	"context"
	"sort"
)

// SecondaryIndexes lists "name: definition" of every index a bulk load drops
// and rebuilds.
func SecondaryIndexes(ctx context.Context, db *DB) ([]string, error) {
	var out []string
	err := db.read(ctx, func(t *tx) error {
		idx, err := db.droppableIndexes(ctx, sqlQueryer{t.Tx})
		for _, ix := range idx {
			out = append(out, ix[0]+": "+ix[1])
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

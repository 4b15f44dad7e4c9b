package store

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/duban-dev/duban"
)

// targetCache keeps, per SQLite database, the targets of indicators
// reported on recently, each stamped with its plan's updated_at when it was
// read. A batch then reads only the updated_at of the plans it touches, and
// the targets of a plan changed since are read again: every change to a
// plan's nodes, indicators or their units goes through ImportBundle, which
// sets updated_at, and the stamp is read inside the batch's transaction, so
// a change by another process counts too. (PostgreSQL reads and locks the
// indicators in every batch instead.)
type targetCache struct {
	mu      sync.Mutex
	entries map[int64]cachedTarget // by indicator id
}

type cachedTarget struct {
	target *duban.ReportTarget
	unitID int64 // the lead unit's id; 0 when the node has none
	stamp  time.Time
}

// maxCachedTargets bounds the cache (a target with its node and plan is a
// few kilobytes); past it the cache starts again empty.
const maxCachedTargets = 20_000

func (c *targetCache) lookup(ids []int64) (hits map[int64]cachedTarget, misses []int64) {
	hits = map[int64]cachedTarget{}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		if _, seen := hits[id]; seen {
			continue
		}
		if e, ok := c.entries[id]; ok {
			hits[id] = e
		} else {
			misses = append(misses, id)
		}
	}
	return hits, misses
}

func (c *targetCache) store(s *targetSet, ids []int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.entries)+len(ids) > maxCachedTargets {
		clear(c.entries)
	}
	for _, id := range ids {
		t, ok := s.target(id)
		if !ok {
			continue
		}
		c.entries[id] = cachedTarget{target: t, unitID: s.unitIDs[t.Node.LeadUnit], stamp: t.Plan.UpdatedAt}
	}
}

// loadTargetsCached is loadTargets through the cache.
func (t *tx) loadTargetsCached(ctx context.Context, ids []int64) (*targetSet, error) {
	c := t.db.targets
	hits, misses := c.lookup(ids)
	stamps, err := t.planStamps(ctx, hits)
	if err != nil {
		return nil, err
	}
	fresh := map[int64]cachedTarget{}
	for id, e := range hits {
		if stamp, ok := stamps[e.target.Plan.ID]; ok && stamp.Equal(e.stamp) {
			fresh[id] = e
		} else {
			misses = append(misses, id)
		}
	}
	s, err := t.loadTargets(ctx, misses, false)
	if err != nil {
		return nil, err
	}
	c.store(s, misses)
	if s.built == nil {
		s.built = map[int64]*duban.ReportTarget{}
	}
	for id, e := range fresh {
		s.built[id] = e.target
		if e.unitID != 0 {
			s.unitIDs[e.target.Node.LeadUnit] = e.unitID
		}
	}
	return s, nil
}

// planStamps reads the updated_at of the plans of the cached targets.
func (t *tx) planStamps(ctx context.Context, hits map[int64]cachedTarget) (map[int64]time.Time, error) {
	var planIDs []int64
	for _, e := range hits {
		planIDs = append(planIDs, e.target.Plan.ID)
	}
	stamps := map[int64]time.Time{}
	err := t.queryIn(ctx, "SELECT id, updated_at FROM plans WHERE id IN", int64Keys(planIDs), "",
		func(rows *sql.Rows) error {
			var id int64
			var at time.Time
			err := rows.Scan(&id, timeCol{&at})
			stamps[id] = at
			return err
		})
	return stamps, err
}

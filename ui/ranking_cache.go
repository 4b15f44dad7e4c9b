package ui

import (
	"sync"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
)

// rankTTL bounds how long a cached scoreboard may miss a change that does
// not pass through the tracker (a notice replied to through the API).
const rankTTL = 30 * time.Second

// rankCache keeps each plan's scoreboard for a period and day: building
// one reads every report and notice of the plan, which made the dashboard
// five times slower. An entry is used while the tracker has seen no report
// change on the plan and it is younger than rankTTL.
type rankCache struct {
	mu      sync.Mutex
	entries map[rankKey]rankEntry
}

type rankKey struct {
	plan   int64
	period string
	asOf   duban.Date
}

type rankEntry struct {
	board   rank.Board
	changes uint64
	at      time.Time
}

// maxRankEntries keeps the cache small; it is cleared when full.
const maxRankEntries = 256

func (c *rankCache) get(k rankKey, changes uint64, now time.Time) (rank.Board, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || e.changes != changes || now.Sub(e.at) > rankTTL || now.Before(e.at) {
		return rank.Board{}, false
	}
	return e.board, true
}

func (c *rankCache) put(k rankKey, b rank.Board, changes uint64, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxRankEntries {
		c.entries = map[rankKey]rankEntry{}
	}
	c.entries[k] = rankEntry{board: b, changes: changes, at: now}
}

// forget drops every entry, e.g. after a notice changed through the pages.
func (c *rankCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.entries)
}

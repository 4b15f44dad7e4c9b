package ui

import (
	"testing"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/rank"
)

func TestRankCache(t *testing.T) {
	var c rankCache
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	k := rankKey{plan: 1, period: "2021-07", asOf: duban.MustDate("2021-07-15")}
	board := rank.Board{Rows: []rank.Row{{Name: "区发改委"}}}
	c.put(k, board, 3, now)
	cases := []struct {
		name    string
		key     rankKey
		changes uint64
		at      time.Time
		hit     bool
	}{
		{"same plan, no report change, fresh", k, 3, now.Add(time.Second), true},
		{"a report changed the plan", k, 4, now.Add(time.Second), false},
		{"older than the TTL", k, 3, now.Add(rankTTL + time.Second), false},
		{"another day", rankKey{plan: 1, period: "2021-07", asOf: duban.MustDate("2021-07-16")}, 3, now, false},
		{"another plan", rankKey{plan: 2, period: "2021-07", asOf: k.asOf}, 3, now, false},
	}
	for _, tc := range cases {
		got, ok := c.get(tc.key, tc.changes, tc.at)
		if ok != tc.hit || (ok && got.Rows[0].Name != "区发改委") {
			t.Errorf("%s: hit %v, want %v", tc.name, ok, tc.hit)
		}
	}
	c.forget()
	if _, ok := c.get(k, 3, now); ok {
		t.Error("hit after forget")
	}
}

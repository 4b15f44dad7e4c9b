package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// StaleStatusPlans returns, in id order, the plans whose stored statuses
// do not all stand as of the day: the ones the periodic jobs bring up to
// date before the notice rules read them. A plan whose year ended before
// the day is left out unless closedYears: time passing changes nothing
// there, and reports that do change it update its statuses when approved.
// Three grouped scans, not a query per plan.
func (db *DB) StaleStatusPlans(ctx context.Context, asOf duban.Date, closedYears bool) ([]int64, error) {
	day := dateArg(asOf)
	var ids []int64
	err := db.read(ctx, func(t *tx) error {
		current, err := t.countByPlan(ctx, "SELECT s.plan_id, COUNT(*) FROM indicator_status s JOIN plans p ON p.id = s.plan_id WHERE "+
			statusStandsAsOf+" GROUP BY s.plan_id", day, day)
		if err != nil {
			return err
		}
		total, err := t.countByPlan(ctx, "SELECT plan_id, COUNT(*) FROM indicators GROUP BY plan_id")
		if err != nil {
			return err
		}
		query, args := "SELECT id FROM plans ORDER BY id", []any{}
		if !closedYears {
			query, args = "SELECT id FROM plans WHERE period_end >= ? ORDER BY id", []any{day}
		}
		return t.eachRow(ctx, query, args, func(r *sql.Rows) error {
			var id int64
			if err := r.Scan(&id); err != nil {
				return err
			}
			if current[id] != total[id] {
				ids = append(ids, id)
			}
			return nil
		})
	})
	return ids, wrap(err, "plans with stale statuses")
}

// statusStandsAsOf holds for a stored status row (s, of plan p) that
// stands as of the day given twice: every row of a judged plan stands as
// of the plan's day; a plan the store cannot judge keeps rows as given.
const statusStandsAsOf = "(p.status_as_of = ? OR (p.status_as_of IS NULL AND s.as_of = ?))"

func (t *tx) countByPlan(ctx context.Context, query string, args ...any) (map[int64]int, error) {
	counts := map[int64]int{}
	err := t.eachRow(ctx, query, args, func(r *sql.Rows) error {
		var id int64
		var n int
		err := r.Scan(&id, &n)
		counts[id] = n
		return err
	})
	return counts, err
}

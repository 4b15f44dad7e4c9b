package store

import (
	"context"
	"database/sql"
	"sort"

	"github.com/duban-dev/duban"
)

// areaStatusKey groups a plan's items for area_status_rollup.
type areaStatusKey struct{ area, status string }

type areaStatusSum struct {
	items    int
	progress float64
}

// areaStatusSums counts items and sums their progress by area and status:
// what the national rollup adds up across plans.
type areaStatusSums map[areaStatusKey]*areaStatusSum

func (s areaStatusSums) add(area, status string, progress float64) {
	k := areaStatusKey{area, status}
	if s[k] == nil {
		s[k] = &areaStatusSum{}
	}
	s[k].items++
	s[k].progress += progress
}

// replaceAreaRollup replaces the plan's rows of area_status_rollup: a
// delete and a few dozen rows (areas × statuses), in the transaction that
// changed the plan's stored statuses.
func (t *tx) replaceAreaRollup(ctx context.Context, planID int64, sums areaStatusSums) error {
	if _, err := t.exec(ctx, "DELETE FROM area_status_rollup WHERE plan_id = ?", planID); err != nil {
		return err
	}
	keys := make([]areaStatusKey, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].area != keys[j].area {
			return keys[i].area < keys[j].area
		}
		return keys[i].status < keys[j].status
	})
	rows := make([][]any, len(keys))
	for i, k := range keys {
		rows[i] = []any{planID, k.area, k.status, sums[k].items, sums[k].progress}
	}
	return t.bulkInsert(ctx, "area_status_rollup", []string{"plan_id", "area", "status", "items", "progress_sum"}, rows)
}

// rollupSQL is the national rollup's query grouped by province or area:
// stored plans are summed from their area_status_rollup rows (a few dozen
// a plan, not one per indicator); plans not stored yet, from their
// indicator_status rows as before. Both halves count the same thing: each
// indicator's status and progress.
func rollupSQL(col string, asOf bool) string {
	key := "p.province"
	if col == string(duban.RollupByArea) {
		key = "a.area"
	}
	storedWhere, rawWhere := "p.status_as_of IS NOT NULL", "p.status_as_of IS NULL"
	if asOf {
		storedWhere, rawWhere = "p.status_as_of = ?", rawWhere+" AND s.as_of = ?"
	}
	return "SELECT k, status, SUM(n), SUM(progress) FROM (" +
		"SELECT " + key + " AS k, a.status AS status, a.items AS n, a.progress_sum AS progress" +
		" FROM area_status_rollup a JOIN plans p ON p.id = a.plan_id WHERE " + storedWhere +
		" UNION ALL SELECT s." + col + ", s.status, 1, s.progress" +
		" FROM indicator_status s JOIN plans p ON p.id = s.plan_id WHERE " + rawWhere +
		") r GROUP BY k, status ORDER BY k, status"
}

// scanRollupGroups folds (key, status, count, progress sum) rows, ordered
// by key, into groups.
func scanRollupGroups(groups *[]duban.RollupGroup) func(*sql.Rows) error {
	index := map[string]int{}
	return func(rows *sql.Rows) error {
		var key, status string
		var n int
		var sum float64
		if err := rows.Scan(&key, &status, &n, &sum); err != nil {
			return err
		}
		i, ok := index[key]
		if !ok {
			i, index[key] = len(*groups), len(*groups)
			*groups = append(*groups, duban.RollupGroup{Key: key, Counts: map[string]int{}})
		}
		g := &(*groups)[i]
		g.Counts[status] += n
		g.Progress = (g.Progress*float64(g.Items) + sum) / float64(g.Items+n)
		g.Items += n
		return nil
	}
}

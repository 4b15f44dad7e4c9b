package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// SaveIndicatorStatuses replaces a plan's stored statuses in one
// transaction, with one audit entry giving the count.
func (db *DB) SaveIndicatorStatuses(ctx context.Context, planID int64, rows []duban.IndicatorStatus, actor string) error {
	err := db.write(ctx, func(t *tx) error {
		if _, err := t.exec(ctx, "DELETE FROM indicator_status WHERE plan_id = ?", planID); err != nil {
			return err
		}
		stmt, err := t.prepare(ctx, "INSERT INTO indicator_status ("+joinColumns(statusColumns)+") VALUES ("+
			placeholders(len(statusColumns))+")")
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rows {
			if r.PlanID != planID {
				return duban.Invalid("状态属于其他计划 (status of another plan)", duban.FieldError{Field: "plan_id", Message: "不一致 (mismatch)"})
			}
			if _, err := stmt.ExecContext(ctx, r.IndicatorID, r.PlanID, r.Province, r.Area, r.Status, r.Progress,
				dateArg(r.AsOf), t.now); err != nil {
				return mapErr(err)
			}
		}
		return t.audit(ctx, actor, "refresh_status", "plan", planID, nil, map[string]int{"indicators": len(rows)})
	})
	return wrap(err, "save statuses of plan %d", planID)
}

// Rollup counts stored statuses by province or by area with one GROUP BY
// over indicator_status; the (key, status) indexes cover it.
func (db *DB) Rollup(ctx context.Context, by duban.RollupBy, asOf duban.Date) ([]duban.RollupGroup, error) {
	if !by.Valid() {
		return nil, duban.Invalid("参数有误 (bad parameter)", duban.FieldError{Field: "by", Message: "应为 province 或 area (want province or area)"})
	}
	col := string(by) // validated: province or area
	where, args := "", []any{}
	if !asOf.IsZero() {
		where, args = " WHERE as_of = ?", append(args, dateArg(asOf))
	}
	var groups []duban.RollupGroup
	err := db.read(ctx, func(t *tx) error {
		index := map[string]int{}
		return t.eachRow(ctx, "SELECT "+col+", status, COUNT(*), SUM(progress) FROM indicator_status"+where+
			" GROUP BY "+col+", status ORDER BY "+col+", status", args, func(rows *sql.Rows) error {
			var key, status string
			var n int
			var sum float64
			if err := rows.Scan(&key, &status, &n, &sum); err != nil {
				return err
			}
			i, ok := index[key]
			if !ok {
				i, index[key] = len(groups), len(groups)
				groups = append(groups, duban.RollupGroup{Key: key, Counts: map[string]int{}})
			}
			g := &groups[i]
			g.Counts[status] += n
			g.Progress = (g.Progress*float64(g.Items) + sum) / float64(g.Items+n)
			g.Items += n
			return nil
		})
	})
	if groups == nil {
		groups = []duban.RollupGroup{}
	}
	return groups, wrap(err, "rollup by %s", by)
}

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
		for _, r := range rows {
			if r.PlanID != planID {
				return duban.Invalid("状态属于其他计划 (status of another plan)", duban.FieldError{Field: "plan_id", Message: "不一致 (mismatch)"})
			}
		}
		if err := t.insertStatuses(ctx, rows); err != nil {
			return err
		}
		return t.audit(ctx, actor, "refresh_status", "plan", planID, nil, map[string]int{"indicators": len(rows)})
	})
	return wrap(err, "save statuses of plan %d", planID)
}

// UpdateIndicatorStatuses replaces the stored statuses of some
// indicators, of any plans, in one transaction with one audit entry per plan.
func (db *DB) UpdateIndicatorStatuses(ctx context.Context, rows []duban.IndicatorStatus, actor string) error {
	if len(rows) == 0 {
		return nil
	}
	perPlan := map[int64]int{}
	var plans []int64
	for _, r := range rows {
		if perPlan[r.PlanID] == 0 {
			plans = append(plans, r.PlanID)
		}
		perPlan[r.PlanID]++
	}
	err := db.write(ctx, func(t *tx) error {
		for start := 0; start < len(rows); start += 500 {
			chunk := rows[start:min(start+500, len(rows))]
			ids := make([]any, len(chunk))
			for i, r := range chunk {
				ids[i] = r.IndicatorID
			}
			if _, err := t.exec(ctx, "DELETE FROM indicator_status WHERE indicator_id IN ("+placeholders(len(ids))+")", ids...); err != nil {
				return err
			}
		}
		if err := t.insertStatuses(ctx, rows); err != nil {
			return err
		}
		for _, p := range plans {
			if err := t.audit(ctx, actor, "update_status", "plan", p, nil, map[string]int{"indicators": perPlan[p]}); err != nil {
				return err
			}
		}
		return nil
	})
	return wrap(err, "update indicator statuses")
}

func (t *tx) insertStatuses(ctx context.Context, rows []duban.IndicatorStatus) error {
	stmt, err := t.prepare(ctx, "INSERT INTO indicator_status ("+joinColumns(statusColumns)+") VALUES ("+
		placeholders(len(statusColumns))+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.IndicatorID, r.PlanID, r.Province, r.Area, r.Status, r.Progress,
			dateArg(r.AsOf), t.now); err != nil {
			return mapErr(err)
		}
	}
	return nil
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

// ListIndicatorStatuses returns the stored status of each indicator of a
// plan, by indicator id.
func (db *DB) ListIndicatorStatuses(ctx context.Context, planID int64) ([]duban.IndicatorStatus, error) {
	list := []duban.IndicatorStatus{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT indicator_id, plan_id, province, area, status, progress, as_of
			FROM indicator_status WHERE plan_id = ? ORDER BY indicator_id`, []any{planID}, func(rows *sql.Rows) error {
			var r duban.IndicatorStatus
			err := rows.Scan(&r.IndicatorID, &r.PlanID, &r.Province, &r.Area, &r.Status, &r.Progress, dateCol{&r.AsOf})
			list = append(list, r)
			return err
		})
	})
	return list, wrap(err, "list statuses of plan %d", planID)
}

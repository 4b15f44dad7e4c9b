package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// SaveIndicatorStatuses stores a plan's statuses as of the rows' day: the
// store judges the whole plan itself (status.Evaluate over each
// indicator's reports) and replaces its stored state, so what it keeps is
// complete and consistent however the caller evaluated. One audit entry
// gives the count and one per indicator whose light changed.
func (db *DB) SaveIndicatorStatuses(ctx context.Context, planID int64, rows []duban.IndicatorStatus, actor string) error {
	day := db.today()
	for _, r := range rows {
		if r.PlanID != planID {
			return duban.Invalid("状态属于其他计划 (status of another plan)", duban.FieldError{Field: "plan_id", Message: "不一致 (mismatch)"})
		}
		day = r.AsOf
	}
	err := db.write(ctx, func(t *tx) error {
		st, err := t.loadPlanState(ctx, planID)
		if err != nil {
			return err
		}
		if st.unjudged {
			err = t.replaceStatuses(ctx, planID, rows, actor)
		} else {
			err = t.rebuildPlanState(ctx, st, day, actor)
		}
		if err != nil {
			return err
		}
		return t.audit(ctx, actor, "status.refresh", "plan", planID, nil, map[string]int{"indicators": len(rows)})
	})
	return wrap(err, "save statuses of plan %d", planID)
}

// replaceStatuses stores the rows as given, for a plan the store cannot
// judge itself (it names no known status profile).
func (t *tx) replaceStatuses(ctx context.Context, planID int64, rows []duban.IndicatorStatus, actor string) error {
	stored := map[int64]string{}
	err := t.eachRow(ctx, "SELECT indicator_id, status FROM indicator_status WHERE plan_id = ?", []any{planID}, scanStatus(stored))
	if err != nil {
		return err
	}
	if _, err := t.exec(ctx, "DELETE FROM indicator_status WHERE plan_id = ?", planID); err != nil {
		return err
	}
	sums := areaStatusSums{}
	for _, r := range rows {
		if _, err := t.exec(ctx, "INSERT INTO indicator_status ("+joinColumns(statusColumns)+") VALUES ("+
			placeholders(len(statusColumns))+")", r.IndicatorID, r.PlanID, r.Province, r.Area, r.Status, r.Progress,
			dateArg(r.AsOf), t.now); err != nil {
			return mapErr(err)
		}
		sums.add(r.Area, r.Status, r.Progress)
	}
	if err := t.replaceAreaRollup(ctx, planID, sums); err != nil {
		return err
	}
	return t.auditStatusChanges(ctx, stored, rows, actor)
}

// UpdateIndicatorStatuses re-judges some indicators, of any plans, from
// their reports as of their plans' stored day, in one transaction, and
// updates the rollups above them; it audits only lights that changed.
func (db *DB) UpdateIndicatorStatuses(ctx context.Context, rows []duban.IndicatorStatus, actor string) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.IndicatorID
	}
	err := db.write(ctx, func(t *tx) error { return t.refreshIndicators(ctx, ids, actor) })
	return wrap(err, "update indicator statuses")
}

// Rollup counts stored statuses by province or by area: it sums the
// stored plans' area_status_rollup rows (a few dozen a plan) and groups the
// indicator_status rows only of plans not stored yet.
func (db *DB) Rollup(ctx context.Context, by duban.RollupBy, asOf duban.Date) ([]duban.RollupGroup, error) {
	if !by.Valid() {
		return nil, duban.Invalid("参数有误 (bad parameter)", duban.FieldError{Field: "by", Message: "应为 province 或 area (want province or area)"})
	}
	var args []any
	if !asOf.IsZero() {
		args = []any{dateArg(asOf), dateArg(asOf)}
	}
	var groups []duban.RollupGroup
	err := db.readLag(ctx, func(t *tx) error {
		return t.eachRow(ctx, rollupSQL(string(by), !asOf.IsZero()), args, scanRollupGroups(&groups))
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
		return t.eachRow(ctx, `SELECT s.indicator_id, s.plan_id, s.province, s.area, s.status, s.progress,
			COALESCE(p.status_as_of, s.as_of) FROM indicator_status s JOIN plans p ON p.id = s.plan_id
			WHERE s.plan_id = ? ORDER BY s.indicator_id`, []any{planID}, func(rows *sql.Rows) error {
			var r duban.IndicatorStatus
			err := rows.Scan(&r.IndicatorID, &r.PlanID, &r.Province, &r.Area, &r.Status, &r.Progress, dateCol{&r.AsOf})
			list = append(list, r)
			return err
		})
	})
	return list, wrap(err, "list statuses of plan %d", planID)
}

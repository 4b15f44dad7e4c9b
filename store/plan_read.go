package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/duban-dev/duban"
)

const planColumns = `id, code, title, issuer, year, period_start, period_end, framework, public,
	description, profile, created_at, updated_at, bulletin_schedule, region_code, region_name, province`

// FindPlan returns the plan with the given id, ENOTFOUND if there is none.
func (db *DB) FindPlan(ctx context.Context, id int64) (*duban.Plan, error) {
	// One statement outside a transaction: one round trip instead of
	// three, on every dashboard and tree request (the access check).
	p, err := scanPlan(db.sql.QueryRowContext(ctx, db.rebind("SELECT "+planColumns+" FROM plans WHERE id = ?"), id))
	if isNoRows(err) {
		return nil, wrap(notFound("计划", id), "find plan %d", id)
	}
	if err != nil {
		return nil, wrap(err, "find plan %d", id)
	}
	return &p, nil
}

func (t *tx) findPlan(ctx context.Context, id int64) (*duban.Plan, error) {
	p, err := scanPlan(t.queryRow(ctx, "SELECT "+planColumns+" FROM plans WHERE id = ?", id))
	if isNoRows(err) {
		return nil, notFound("计划", id)
	}
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// ListPlans lists plans, newest year first, then by id, with the total
// number that match the filter.
func (db *DB) ListPlans(ctx context.Context, f duban.PlanFilter) ([]duban.PlanSummary, int, error) {
	page := f.Page.Normalize()
	where, args := "", []any{}
	if f.PublicOnly {
		where, args = " WHERE public = ?", append(args, true)
	}
	list := []duban.PlanSummary{}
	var total int
	err := db.readLag(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM plans"+where, args...).Scan(&total); err != nil {
			return err
		}
		rows, err := t.query(ctx, "SELECT id, code, title, year, public FROM plans"+where+
			" ORDER BY year DESC, id LIMIT ? OFFSET ?", append(args, page.PerPage, page.Offset())...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var s duban.PlanSummary
			if err := rows.Scan(&s.ID, &s.Code, &s.Title, &s.Year, &s.Public); err != nil {
				return err
			}
			list = append(list, s)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, wrap(err, "list plans")
	}
	return list, total, nil
}

const indicatorColumns = `i.id, i.plan_id, i.node_id, n.code, i.code, i.name, i.unit, i.baseline, i.target,
	i.comparator, i.tolerance, i.direction, i.kind, i.cadence, i.milestones`

// scanner is what *sql.Row and *sql.Rows share.
type scanner interface{ Scan(dest ...any) error }

func scanIndicator(s scanner, extra ...any) (duban.Indicator, error) {
	var in duban.Indicator
	var milestones []byte
	dest := []any{&in.ID, &in.PlanID, &in.NodeID, &in.NodeCode, &in.Code, &in.Name, &in.Unit,
		&in.Baseline, &in.Target, &in.Comparator, &in.Tolerance, &in.Direction, &in.Kind, &in.Cadence, &milestones}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return in, err
	}
	if err := json.Unmarshal(milestones, &in.Milestones); err != nil {
		return in, fmt.Errorf("store: decode milestones of %s: %w", in.Code, err)
	}
	if len(in.Milestones) == 0 {
		in.Milestones = nil
	}
	return in, nil
}

// FindIndicator returns the indicator with the given id, ENOTFOUND if there
// is none.
func (db *DB) FindIndicator(ctx context.Context, id int64) (*duban.Indicator, error) {
	var in duban.Indicator
	err := db.read(ctx, func(t *tx) error {
		var err error
		in, err = scanIndicator(t.queryRow(ctx, "SELECT "+indicatorColumns+
			" FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.id = ?", id))
		if isNoRows(err) {
			return notFound("指标", id)
		}
		return err
	})
	if err != nil {
		return nil, wrap(err, "find indicator %d", id)
	}
	return &in, nil
}

// ListIndicators lists a plan's indicators in tree order (pre-order, siblings
// by Order) and then in document order, with their node's deadline and
// commitment. An unknown plan is ENOTFOUND.
func (db *DB) ListIndicators(ctx context.Context, f duban.IndicatorFilter) ([]duban.IndicatorRow, int, error) {
	page := f.Page.Normalize()
	list := []duban.IndicatorRow{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if _, err := t.findPlan(ctx, f.PlanID); err != nil {
			return err
		}
		if err := t.queryRow(ctx, "SELECT COUNT(*) FROM indicators WHERE plan_id = ?", f.PlanID).Scan(&total); err != nil {
			return err
		}
		rows, err := t.query(ctx, "SELECT "+indicatorColumns+`, n.deadline, n.commitment
			FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.plan_id = ?
			ORDER BY n.tree_pos, i.seq LIMIT ? OFFSET ?`, f.PlanID, page.PerPage, page.Offset())
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r duban.IndicatorRow
			in, err := scanIndicator(rows, dateCol{&r.Deadline}, &r.Commitment)
			if err != nil {
				return err
			}
			r.Indicator = in
			list = append(list, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, 0, wrap(err, "list indicators of plan %d", f.PlanID)
	}
	return list, total, nil
}

// ListUnits returns every unit, ordered by code.
func (db *DB) ListUnits(ctx context.Context) ([]duban.Unit, error) {
	var list []duban.Unit
	err := db.read(ctx, func(t *tx) error {
		var err error
		list, err = t.units(ctx, "", "ORDER BY u.code")
		return err
	})
	return list, wrap(err, "list units")
}

// units reads units with their parent codes; join and order complete the
// query.
func (t *tx) units(ctx context.Context, join, order string, args ...any) ([]duban.Unit, error) {
	rows, err := t.query(ctx, `SELECT u.id, u.code, u.name, u.short_name, u.kind, COALESCE(p.code, ''), u.phone, u.address
		FROM units u LEFT JOIN units p ON p.id = u.parent_id `+join+" "+order, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []duban.Unit
	for rows.Next() {
		var u duban.Unit
		if err := rows.Scan(&u.ID, &u.Code, &u.Name, &u.ShortName, &u.Kind, &u.ParentCode, &u.Phone, &u.Address); err != nil {
			return nil, err
		}
		list = append(list, u)
	}
	return list, rows.Err()
}

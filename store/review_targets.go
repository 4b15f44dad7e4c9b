package store

import (
	"cmp"
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// targetSet is what checking a batch of reports needs of its indicators,
// read with one query per table (in chunks) rather than one per row.
type targetSet struct {
	indicators map[int64]duban.Indicator
	nodes      map[int64]duban.Node
	plans      map[int64]duban.Plan
	unitIDs    map[string]int64  // lead unit code → id
	unitNames  map[string]string // lead unit code → its short name, else its name
	files      map[string]duban.File
	// built holds the targets returned so far: a batch has many rows per
	// indicator, and a target is large to copy.
	built map[int64]*duban.ReportTarget
}

// target returns the indicator's target, false if the indicator is unknown.
// Callers share the returned target and must not change it.
func (s *targetSet) target(indicatorID int64) (*duban.ReportTarget, bool) {
	if t, ok := s.built[indicatorID]; ok {
		return t, true
	}
	ind, ok := s.indicators[indicatorID]
	if !ok {
		return nil, false
	}
	n := s.nodes[ind.NodeID]
	t := &duban.ReportTarget{Indicator: ind, Node: n, Plan: s.plans[ind.PlanID], LeadUnitName: s.unitNames[n.LeadUnit]}
	if s.built == nil {
		s.built = map[int64]*duban.ReportTarget{}
	}
	s.built[indicatorID] = t
	return t, true
}

// loadTargets reads the indicators (locking them on PostgreSQL when lock is
// set), their nodes, plans and lead units.
func (t *tx) loadTargets(ctx context.Context, indicatorIDs []int64, lock bool) (*targetSet, error) {
	s := &targetSet{indicators: map[int64]duban.Indicator{}, nodes: map[int64]duban.Node{},
		plans: map[int64]duban.Plan{}}
	suffix := ""
	if lock {
		suffix = "ORDER BY i.id" + t.lockRows("i")
	}
	err := t.queryIn(ctx, "SELECT "+indicatorColumns+" FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.id IN",
		int64Keys(indicatorIDs), suffix, func(rows *sql.Rows) error {
			in, err := scanIndicator(rows)
			s.indicators[in.ID] = in
			return err
		})
	if err != nil {
		return nil, err
	}
	if err := t.loadTargetNodes(ctx, s); err != nil {
		return nil, err
	}
	if err := t.loadTargetPlans(ctx, s); err != nil {
		return nil, err
	}
	return s, t.loadLeadUnits(ctx, s)
}

func (t *tx) loadTargetNodes(ctx context.Context, s *targetSet) error {
	var ids []int64
	for _, in := range s.indicators {
		ids = append(ids, in.NodeID)
	}
	return t.queryIn(ctx, nodeSelect+"WHERE n.id IN", int64Keys(ids), "", func(rows *sql.Rows) error {
		n, err := scanNode(rows)
		s.nodes[n.ID] = n
		return err
	})
}

func (t *tx) loadTargetPlans(ctx context.Context, s *targetSet) error {
	var ids []int64
	for _, in := range s.indicators {
		ids = append(ids, in.PlanID)
	}
	return t.queryIn(ctx, "SELECT "+planColumns+" FROM plans WHERE id IN", int64Keys(ids), "", func(rows *sql.Rows) error {
		p, err := scanPlan(rows)
		s.plans[p.ID] = p
		return err
	})
}

func (t *tx) loadLeadUnits(ctx context.Context, s *targetSet) error {
	var codes []any
	seen := map[string]bool{}
	for _, n := range s.nodes {
		if n.LeadUnit != "" && !seen[n.LeadUnit] {
			seen[n.LeadUnit] = true
			codes = append(codes, n.LeadUnit)
		}
	}
	s.unitIDs, s.unitNames = map[string]int64{}, map[string]string{}
	return t.queryIn(ctx, "SELECT code, id, name, short_name FROM units WHERE code IN", codes, "", func(rows *sql.Rows) error {
		var code, name, short string
		var id int64
		err := rows.Scan(&code, &id, &name, &short)
		s.unitIDs[code], s.unitNames[code] = id, cmp.Or(short, name)
		return err
	})
}

func scanPlan(s scanner) (duban.Plan, error) {
	var p duban.Plan
	var framework, schedule []byte
	err := s.Scan(&p.ID, &p.Code, &p.Title, &p.Issuer, &p.Year, dateCol{&p.PeriodStart}, dateCol{&p.PeriodEnd},
		&framework, &p.Public, &p.Description, &p.Profile, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt}, &schedule,
		&p.RegionCode, &p.RegionName, &p.Province)
	if err != nil {
		return p, err
	}
	if p.Framework, err = stringList(framework); err != nil {
		return p, err
	}
	p.Bulletin, err = bulletinSchedule(schedule)
	return p, err
}

// FindReportTarget returns what checking a report on the indicator needs:
// the indicator, its node and its plan. An unknown indicator is ENOTFOUND.
func (db *DB) FindReportTarget(ctx context.Context, indicatorID int64) (*duban.ReportTarget, error) {
	var target *duban.ReportTarget
	err := db.read(ctx, func(t *tx) error {
		s, err := t.loadTargets(ctx, []int64{indicatorID}, false)
		if err != nil {
			return err
		}
		var ok bool
		if target, ok = s.target(indicatorID); !ok {
			return notFound("指标", indicatorID)
		}
		return nil
	})
	if err != nil {
		return nil, wrap(err, "find report target %d", indicatorID)
	}
	return target, nil
}

package store

import (
	"context"
	"time"

	"github.com/duban-dev/duban"
)

// ImportBundle validates b and writes it in one transaction: units, people
// and mechanisms are upserted by code; the plan is created, or, when a plan
// with the same code exists, updated in place. A re-import is code-stable:
// nodes and indicators keep their ids when their codes stay, so reports
// survive; records whose codes are gone are deleted, and deleting an
// indicator that has reports is refused with ECONFLICT.
func (db *DB) ImportBundle(ctx context.Context, b *duban.Bundle, actor string) (int64, error) {
	if err := b.Validate(); err != nil {
		return 0, err
	}
	var planID int64
	err := db.write(ctx, func(t *tx) error {
		im := &importer{t: t, b: b, hook: db.importHook}
		var err error
		if planID, err = im.run(ctx, actor); err != nil {
			return err
		}
		return t.rebuildPlan(ctx, planID, db.today(), statusActor)
	})
	if err != nil {
		return 0, wrap(err, "import plan %s", b.Plan.Code)
	}
	return planID, nil
}

// importer carries the code → id maps one import builds up.
type importer struct {
	t      *tx
	b      *duban.Bundle
	hook   func(step string) error
	planID int64
	units  map[string]int64
	people map[string]int64
	mechs  map[string]int64
	nodes  map[string]int64
}

// planSummary is what the audit log records of a plan import.
type planSummary struct {
	Code       string `json:"code"`
	Title      string `json:"title"`
	Nodes      int    `json:"nodes"`
	Indicators int    `json:"indicators"`
}

func (im *importer) run(ctx context.Context, actor string) (int64, error) {
	before, err := im.existingSummary(ctx)
	if err != nil {
		return 0, err
	}
	steps := []struct {
		name string
		fn   func(context.Context) error
	}{
		{"units", im.upsertUnits},
		{"people", im.upsertPeople},
		{"mechanisms", im.upsertMechanisms},
		{"plan", im.upsertPlan},
		{"members", im.writeMembers},
		{"nodes", im.syncNodes},
		{"indicators", im.syncIndicators},
		{"stale_nodes", im.deleteStaleNodes},
	}
	for _, s := range steps {
		if err := s.fn(ctx); err != nil {
			return 0, err
		}
		if err := im.step(s.name); err != nil {
			return 0, err
		}
	}
	after := planSummary{im.b.Plan.Code, im.b.Plan.Title, len(im.b.Nodes), len(im.b.Indicators)}
	var beforeDoc any
	if before != nil {
		beforeDoc = before
	}
	return im.planID, im.t.audit(ctx, actor, "plan.import", "plan", im.planID, beforeDoc, after)
}

func (im *importer) step(name string) error {
	if im.hook == nil {
		return nil
	}
	return im.hook(name)
}

// existingSummary describes the plan being replaced, nil for a new plan.
// existingSummary reads the stored plan of the bundle's code, locking its
// row on PostgreSQL, and applies the bundle's IfUnchangedSince.
func (im *importer) existingSummary(ctx context.Context) (*planSummary, error) {
	var s planSummary
	var id int64
	var updated time.Time
	err := im.t.queryRow(ctx, `SELECT id, code, title,
		(SELECT COUNT(*) FROM nodes WHERE plan_id = p.id),
		(SELECT COUNT(*) FROM indicators WHERE plan_id = p.id), updated_at
		FROM plans p WHERE code = ?`+im.t.lockRows("p"), im.b.Plan.Code).
		Scan(&id, &s.Code, &s.Title, &s.Nodes, &s.Indicators, timeCol{&updated})
	if isNoRows(err) {
		if !im.b.IfUnchangedSince.IsZero() {
			return nil, planChanged(im.b.Plan.Code)
		}
		return nil, nil
	}
	if err != nil {
		return nil, wrap(err, "read plan")
	}
	if since := im.b.IfUnchangedSince; !since.IsZero() && !updated.Equal(since) {
		return nil, planChanged(im.b.Plan.Code)
	}
	im.planID = id
	return &s, nil
}

func planChanged(code string) error {
	return duban.Errorf(duban.ECONFLICT,
		"计划 %s 在读取之后已被修改，请重新读取后再导入 (plan %s changed after it was read; read it again and retry)", code, code)
}

func (im *importer) upsertPlan(ctx context.Context) error {
	p := &im.b.Plan
	framework, err := jsonArg(p.Framework)
	if err != nil {
		return err
	}
	schedule, err := bulletinScheduleArg(p.Bulletin)
	if err != nil {
		return err
	}
	args := []any{p.Title, p.Issuer, p.Year, dateArg(p.PeriodStart), dateArg(p.PeriodEnd),
		framework, p.Public, p.Description, p.Profile, schedule, p.RegionCode, p.RegionName, p.Province, im.t.now}
	if im.planID != 0 {
		_, err := im.t.exec(ctx, `UPDATE plans SET title = ?, issuer = ?, year = ?, period_start = ?,
			period_end = ?, framework = ?, public = ?, description = ?, profile = ?, bulletin_schedule = ?,
			region_code = ?, region_name = ?, province = ?, updated_at = ? WHERE id = ?`, append(args, im.planID)...)
		return wrap(err, "update plan")
	}
	im.planID, err = im.t.insertID(ctx, `INSERT INTO plans (title, issuer, year, period_start, period_end,
		framework, public, description, profile, bulletin_schedule, region_code, region_name, province, updated_at, code, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, append(args, p.Code, im.t.now)...)
	return wrap(err, "insert plan")
}

// writeMembers records which units, people and mechanisms the document
// lists, in its order, so an export gives the same lists back.
func (im *importer) writeMembers(ctx context.Context) error {
	lists := []struct {
		table, column string
		codes         []string
		ids           map[string]int64
	}{
		{"plan_units", "unit_id", unitCodes(im.b.Units), im.units},
		{"plan_people", "person_id", personCodes(im.b.People), im.people},
		{"plan_mechanisms", "mechanism_id", mechanismCodes(im.b.Mechanisms), im.mechs},
	}
	for _, l := range lists {
		if _, err := im.t.exec(ctx, "DELETE FROM "+l.table+" WHERE plan_id = ?", im.planID); err != nil {
			return wrap(err, "clear %s", l.table)
		}
		stmt, err := im.t.prepare(ctx, "INSERT INTO "+l.table+" (plan_id, "+l.column+", position) VALUES (?, ?, ?)")
		if err != nil {
			return wrap(err, "prepare %s", l.table)
		}
		defer stmt.Close()
		for i, code := range l.codes {
			if _, err := stmt.ExecContext(ctx, im.planID, l.ids[code], i); err != nil {
				return wrap(mapErr(err), "insert %s", l.table)
			}
		}
	}
	return nil
}

package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// ExportBundle reads a plan back as the document it was imported from: the
// same records in the same order. Fields the database assigns (ids, plan and
// node ids, created_at, updated_at) are filled in; empty lists read as nil.
// Units, people and mechanisms are those the last imported document listed,
// with their current contents (another plan's import may have updated them).
func (db *DB) ExportBundle(ctx context.Context, planID int64) (*duban.Bundle, error) {
	b := &duban.Bundle{}
	err := db.read(ctx, func(t *tx) error {
		p, err := t.findPlan(ctx, planID)
		if err != nil {
			return err
		}
		b.Plan = *p
		readers := []func(context.Context, *tx, *duban.Bundle) error{
			exportUnits, exportPeople, exportMechanisms, exportNodes, exportIndicators,
		}
		for _, read := range readers {
			if err := read(ctx, t, b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrap(err, "export plan %d", planID)
	}
	return b, nil
}

func exportUnits(ctx context.Context, t *tx, b *duban.Bundle) error {
	var err error
	b.Units, err = t.units(ctx, "JOIN plan_units m ON m.unit_id = u.id", "WHERE m.plan_id = ? ORDER BY m.position", b.Plan.ID)
	return err
}

func exportPeople(ctx context.Context, t *tx, b *duban.Bundle) error {
	rows, err := t.query(ctx, `SELECT p.id, p.code, p.name, p.title, u.code, p.role, p.phone, p.email
		FROM plan_people m JOIN people p ON p.id = m.person_id JOIN units u ON u.id = p.unit_id
		WHERE m.plan_id = ? ORDER BY m.position`, b.Plan.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p duban.Person
		if err := rows.Scan(&p.ID, &p.Code, &p.Name, &p.Title, &p.UnitCode, &p.Role, &p.Phone, &p.Email); err != nil {
			return err
		}
		b.People = append(b.People, p)
	}
	return rows.Err()
}

func exportMechanisms(ctx context.Context, t *tx, b *duban.Bundle) error {
	rows, err := t.query(ctx, `SELECT x.id, x.code, x.name, x.description, x.roles, x.cadence, x.checklist, x.stages
		FROM plan_mechanisms m JOIN mechanisms x ON x.id = m.mechanism_id
		WHERE m.plan_id = ? ORDER BY m.position`, b.Plan.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m duban.Mechanism
		var roles, checklist, stages []byte
		if err := rows.Scan(&m.ID, &m.Code, &m.Name, &m.Description, &roles, &m.Cadence, &checklist, &stages); err != nil {
			return err
		}
		for _, l := range []struct {
			raw []byte
			dst *[]string
		}{{roles, &m.Roles}, {checklist, &m.Checklist}, {stages, &m.Stages}} {
			if *l.dst, err = stringList(l.raw); err != nil {
				return err
			}
		}
		b.Mechanisms = append(b.Mechanisms, m)
	}
	return rows.Err()
}

func exportNodes(ctx context.Context, t *tx, b *duban.Bundle) error {
	coUnits, err := nodeLinks(ctx, t, b.Plan.ID, "node_co_units", "units", "unit_id")
	if err != nil {
		return err
	}
	mechs, err := nodeLinks(ctx, t, b.Plan.ID, "node_mechanisms", "mechanisms", "mechanism_id")
	if err != nil {
		return err
	}
	rows, err := t.query(ctx, `SELECT n.id, n.plan_id, n.code, COALESCE(pn.code, ''), n.kind, n.title,
		n.description, n.sort_order, COALESCE(lu.code, ''), COALESCE(pe.code, ''), n.start_date, n.deadline,
		n.commitment, n.weight, n.source_quote, n.tags, n.updated_at,
		pr.node_id, pr.total_investment, pr.year_investment, pr.completed_investment, pr.stage, pr.address, pr.lat, pr.lng
		FROM nodes n
		LEFT JOIN nodes pn ON pn.id = n.parent_id
		LEFT JOIN units lu ON lu.id = n.lead_unit_id
		LEFT JOIN people pe ON pe.id = n.leader_id
		LEFT JOIN projects pr ON pr.node_id = n.id
		WHERE n.plan_id = ? ORDER BY n.seq`, b.Plan.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		n, err := scanNode(rows)
		if err != nil {
			return err
		}
		n.CoUnits, n.Mechanisms = coUnits[n.ID], mechs[n.ID]
		b.Nodes = append(b.Nodes, n)
	}
	return rows.Err()
}

func scanNode(rows *sql.Rows) (duban.Node, error) {
	var n duban.Node
	var tags []byte
	var project struct {
		nodeID                 sql.NullInt64
		total, year, completed sql.NullFloat64
		stage, address         sql.NullString
		lat, lng               *float64
	}
	err := rows.Scan(&n.ID, &n.PlanID, &n.Code, &n.ParentCode, &n.Kind, &n.Title, &n.Description, &n.Order,
		&n.LeadUnit, &n.Leader, dateCol{&n.Start}, dateCol{&n.Deadline}, &n.Commitment, &n.Weight,
		&n.SourceQuote, &tags, timeCol{&n.UpdatedAt},
		&project.nodeID, &project.total, &project.year, &project.completed, &project.stage, &project.address,
		&project.lat, &project.lng)
	if err != nil {
		return n, err
	}
	if n.Tags, err = stringList(tags); err != nil {
		return n, err
	}
	if project.nodeID.Valid {
		n.Project = &duban.Project{
			TotalInvestment: project.total.Float64, YearInvestment: project.year.Float64,
			CompletedInvestment: project.completed.Float64, Stage: duban.ProjectStage(project.stage.String),
			Address: project.address.String, Lat: project.lat, Lng: project.lng,
		}
	}
	return n, nil
}

// nodeLinks reads a link table of a plan's nodes as node id → codes in
// position order.
func nodeLinks(ctx context.Context, t *tx, planID int64, table, target, column string) (map[int64][]string, error) {
	rows, err := t.query(ctx, `SELECT l.node_id, x.code FROM `+table+` l
		JOIN nodes n ON n.id = l.node_id JOIN `+target+` x ON x.id = l.`+column+`
		WHERE n.plan_id = ? ORDER BY l.node_id, l.position`, planID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	links := map[int64][]string{}
	for rows.Next() {
		var id int64
		var code string
		if err := rows.Scan(&id, &code); err != nil {
			return nil, err
		}
		links[id] = append(links[id], code)
	}
	return links, rows.Err()
}

func exportIndicators(ctx context.Context, t *tx, b *duban.Bundle) error {
	rows, err := t.query(ctx, "SELECT "+indicatorColumns+
		" FROM indicators i JOIN nodes n ON n.id = i.node_id WHERE i.plan_id = ? ORDER BY i.seq", b.Plan.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		in, err := scanIndicator(rows)
		if err != nil {
			return err
		}
		b.Indicators = append(b.Indicators, in)
	}
	return rows.Err()
}

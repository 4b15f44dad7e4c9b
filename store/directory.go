package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// nodeSelect reads nodes in the column order scanNode expects.
const nodeSelect = `SELECT n.id, n.plan_id, n.code, COALESCE(pn.code, ''), n.kind, n.title,
	n.description, n.sort_order, COALESCE(lu.code, ''), COALESCE(pe.code, ''), n.start_date, n.deadline,
	n.commitment, n.weight, n.source_quote, n.tags, n.updated_at,
	pr.node_id, pr.total_investment, pr.year_investment, pr.completed_investment, pr.stage, pr.address, pr.lat, pr.lng
	FROM nodes n
	LEFT JOIN nodes pn ON pn.id = n.parent_id
	LEFT JOIN units lu ON lu.id = n.lead_unit_id
	LEFT JOIN people pe ON pe.id = n.leader_id
	LEFT JOIN projects pr ON pr.node_id = n.id `

// ListPeople returns every person of the directory, by code.
func (db *DB) ListPeople(ctx context.Context) ([]duban.Person, error) {
	list := []duban.Person{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT p.id, p.code, p.name, p.title, u.code, p.role, p.phone, p.email
			FROM people p JOIN units u ON u.id = p.unit_id ORDER BY p.code`, nil, func(rows *sql.Rows) error {
			var p duban.Person
			err := rows.Scan(&p.ID, &p.Code, &p.Name, &p.Title, &p.UnitCode, &p.Role, &p.Phone, &p.Email)
			list = append(list, p)
			return err
		})
	})
	if err != nil {
		return nil, wrap(err, "list people")
	}
	return list, nil
}

// FindNode returns the node with its plan id, co-units and mechanisms,
// ENOTFOUND if there is none.
func (db *DB) FindNode(ctx context.Context, id int64) (*duban.Node, error) {
	var n *duban.Node
	err := db.read(ctx, func(t *tx) error {
		nodes, err := t.nodes(ctx, "WHERE n.id = ?", id)
		if err != nil {
			return err
		}
		if len(nodes) == 0 {
			return duban.Errorf(duban.ENOTFOUND, "事项不存在 (node not found): %d", id)
		}
		n = &nodes[0]
		return t.linkNodes(ctx, n.PlanID, nodes)
	})
	if err != nil {
		return nil, wrap(err, "find node %d", id)
	}
	return n, nil
}

// ListNodes returns a plan's nodes in pre-order (siblings by Order) with
// their ids; an unknown plan is ENOTFOUND.
func (db *DB) ListNodes(ctx context.Context, planID int64) ([]duban.Node, error) {
	var nodes []duban.Node
	err := db.read(ctx, func(t *tx) error {
		if _, err := t.findPlan(ctx, planID); err != nil {
			return err
		}
		var err error
		nodes, err = t.planNodes(ctx, planID)
		return err
	})
	if err != nil {
		return nil, wrap(err, "list nodes of plan %d", planID)
	}
	return nodes, nil
}

// planNodes reads a plan's nodes in pre-order with their links.
func (t *tx) planNodes(ctx context.Context, planID int64) ([]duban.Node, error) {
	nodes, err := t.nodes(ctx, "WHERE n.plan_id = ? ORDER BY n.tree_pos", planID)
	if err != nil {
		return nil, err
	}
	return nodes, t.linkNodes(ctx, planID, nodes)
}

// nodes reads nodes without their co-units and mechanisms; where completes
// nodeSelect.
func (t *tx) nodes(ctx context.Context, where string, args ...any) ([]duban.Node, error) {
	nodes := []duban.Node{}
	err := t.eachRow(ctx, nodeSelect+where, args, func(rows *sql.Rows) error {
		n, err := scanNode(rows)
		nodes = append(nodes, n)
		return err
	})
	return nodes, err
}

// linkNodes fills the co-units and mechanisms of nodes of one plan.
func (t *tx) linkNodes(ctx context.Context, planID int64, nodes []duban.Node) error {
	coUnits, err := nodeLinks(ctx, t, planID, "node_co_units", "units", "unit_id")
	if err != nil {
		return err
	}
	mechs, err := nodeLinks(ctx, t, planID, "node_mechanisms", "mechanisms", "mechanism_id")
	if err != nil {
		return err
	}
	for i := range nodes {
		nodes[i].CoUnits, nodes[i].Mechanisms = coUnits[nodes[i].ID], mechs[nodes[i].ID]
	}
	return nil
}

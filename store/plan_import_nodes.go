package store

import (
	"context"
	"sort"
	"strings"

	"github.com/duban-dev/duban"
)

// existingIDs maps the codes of a plan's rows in table to their ids.
func (im *importer) existingIDs(ctx context.Context, table string) (map[string]int64, error) {
	rows, err := im.t.query(ctx, "SELECT code, id FROM "+table+" WHERE plan_id = ?", im.planID)
	if err != nil {
		return nil, wrap(err, "read %s", table)
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return nil, wrap(err, "read %s", table)
		}
		ids[code] = id
	}
	return ids, wrap(rows.Err(), "read %s", table)
}

func (im *importer) syncNodes(ctx context.Context) error {
	existing, err := im.existingIDs(ctx, "nodes")
	if err != nil {
		return err
	}
	treePos := treePositions(im.b.Nodes)
	im.nodes = make(map[string]int64, len(im.b.Nodes))
	for i := range im.b.Nodes {
		n := &im.b.Nodes[i]
		id, err := im.writeNode(ctx, n, existing[n.Code], i, treePos[n.Code])
		if err != nil {
			return wrap(mapErr(err), "write node %s", n.Code)
		}
		im.nodes[n.Code] = id
	}
	return im.writeNodeLinks(ctx)
}

func (im *importer) writeNode(ctx context.Context, n *duban.Node, id int64, seq, treePos int) (int64, error) {
	tags, err := jsonArg(n.Tags)
	if err != nil {
		return 0, err
	}
	var parent, lead, leader any
	if n.ParentCode != "" {
		parent = im.nodes[n.ParentCode]
	}
	if n.LeadUnit != "" {
		lead = im.units[n.LeadUnit]
	}
	if n.Leader != "" {
		leader = im.people[n.Leader]
	}
	args := []any{parent, string(n.Kind), n.Title, n.Description, n.Order, seq, treePos, lead, leader,
		dateArg(n.Start), dateArg(n.Deadline), string(n.Commitment), n.Weight, n.SourceQuote, tags, im.t.now}
	if id != 0 {
		_, err := im.t.exec(ctx, `UPDATE nodes SET parent_id = ?, kind = ?, title = ?, description = ?,
			sort_order = ?, seq = ?, tree_pos = ?, lead_unit_id = ?, leader_id = ?, start_date = ?,
			deadline = ?, commitment = ?, weight = ?, source_quote = ?, tags = ?, updated_at = ?
			WHERE id = ?`, append(args, id)...)
		return id, err
	}
	return im.t.insertID(ctx, `INSERT INTO nodes (parent_id, kind, title, description, sort_order, seq,
		tree_pos, lead_unit_id, leader_id, start_date, deadline, commitment, weight, source_quote, tags,
		updated_at, plan_id, code) VALUES (`+placeholders(18)+`) RETURNING id`,
		append(args, im.planID, n.Code)...)
}

// writeNodeLinks rewrites co-units, mechanism links and project fields of
// every node of the plan.
func (im *importer) writeNodeLinks(ctx context.Context) error {
	for _, table := range []string{"node_co_units", "node_mechanisms", "projects"} {
		_, err := im.t.exec(ctx, "DELETE FROM "+table+" WHERE node_id IN (SELECT id FROM nodes WHERE plan_id = ?)", im.planID)
		if err != nil {
			return wrap(err, "clear %s", table)
		}
	}
	coUnit, err := im.t.prepare(ctx, "INSERT INTO node_co_units (node_id, position, unit_id) VALUES (?, ?, ?)")
	if err != nil {
		return wrap(err, "prepare co-units")
	}
	defer coUnit.Close()
	mech, err := im.t.prepare(ctx, "INSERT INTO node_mechanisms (node_id, position, mechanism_id) VALUES (?, ?, ?)")
	if err != nil {
		return wrap(err, "prepare node mechanisms")
	}
	defer mech.Close()
	for _, n := range im.b.Nodes {
		id := im.nodes[n.Code]
		for i, c := range n.CoUnits {
			if _, err := coUnit.ExecContext(ctx, id, i, im.units[c]); err != nil {
				return wrap(mapErr(err), "write co-units of node %s", n.Code)
			}
		}
		for i, m := range n.Mechanisms {
			if _, err := mech.ExecContext(ctx, id, i, im.mechs[m]); err != nil {
				return wrap(mapErr(err), "write mechanisms of node %s", n.Code)
			}
		}
		if err := im.writeProject(ctx, id, n.Project); err != nil {
			return wrap(err, "write project of node %s", n.Code)
		}
	}
	return nil
}

func (im *importer) writeProject(ctx context.Context, nodeID int64, p *duban.Project) error {
	if p == nil {
		return nil
	}
	_, err := im.t.exec(ctx, `INSERT INTO projects (node_id, total_investment, year_investment,
		completed_investment, stage, address, lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		nodeID, p.TotalInvestment, p.YearInvestment, p.CompletedInvestment, string(p.Stage), p.Address, p.Lat, p.Lng)
	return err
}

// deleteStaleNodes removes the nodes whose codes the document no longer
// has. Their indicators were moved or deleted before.
func (im *importer) deleteStaleNodes(ctx context.Context) error {
	existing, err := im.existingIDs(ctx, "nodes")
	if err != nil {
		return err
	}
	for code, id := range existing {
		if _, kept := im.nodes[code]; kept {
			continue
		}
		if _, err := im.t.exec(ctx, "DELETE FROM nodes WHERE id = ?", id); err != nil {
			return wrap(mapErr(err), "delete node %s", code)
		}
	}
	return nil
}

// treePositions numbers nodes in pre-order with siblings sorted by Order,
// ties kept in document order.
func treePositions(nodes []duban.Node) map[string]int {
	children := map[string][]*duban.Node{}
	for i := range nodes {
		n := &nodes[i]
		children[n.ParentCode] = append(children[n.ParentCode], n)
	}
	for _, list := range children {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Order < list[j].Order })
	}
	pos := make(map[string]int, len(nodes))
	var visit func(parent string)
	visit = func(parent string) {
		for _, n := range children[parent] {
			pos[n.Code] = len(pos)
			visit(n.Code)
		}
	}
	visit("")
	return pos
}

func (im *importer) syncIndicators(ctx context.Context) error {
	existing, err := im.existingIDs(ctx, "indicators")
	if err != nil {
		return err
	}
	if err := im.deleteStaleIndicators(ctx, existing); err != nil {
		return err
	}
	for i := range im.b.Indicators {
		in := &im.b.Indicators[i]
		if err := im.writeIndicator(ctx, in, existing[in.Code], i); err != nil {
			return wrap(mapErr(err), "write indicator %s", in.Code)
		}
	}
	return nil
}

func (im *importer) deleteStaleIndicators(ctx context.Context, existing map[string]int64) error {
	kept := make(map[string]bool, len(im.b.Indicators))
	for _, in := range im.b.Indicators {
		kept[in.Code] = true
	}
	var stale []int64
	var reported []string
	for code, id := range existing {
		if kept[code] {
			continue
		}
		has, err := im.hasReports(ctx, id)
		if err != nil {
			return err
		}
		if has {
			reported = append(reported, code)
		}
		stale = append(stale, id)
	}
	if len(reported) > 0 {
		sort.Strings(reported)
		return duban.Errorf(duban.ECONFLICT, "计划已有填报数据，不能删除指标 %s (these indicators have reports and cannot be removed)",
			strings.Join(reported, ", "))
	}
	for _, id := range stale {
		// notice_items has no key to cascade along (migration 0031).
		if _, err := im.t.exec(ctx, "DELETE FROM notice_items WHERE indicator_id = ?", id); err != nil {
			return wrap(mapErr(err), "delete indicator's notice items")
		}
		if _, err := im.t.exec(ctx, "DELETE FROM indicators WHERE id = ?", id); err != nil {
			return wrap(mapErr(err), "delete indicator")
		}
	}
	return nil
}

func (im *importer) hasReports(ctx context.Context, indicatorID int64) (bool, error) {
	var n int
	err := im.t.queryRow(ctx, "SELECT COUNT(*) FROM (SELECT 1 FROM reports WHERE indicator_id = ? LIMIT 1) r", indicatorID).Scan(&n)
	return n > 0, wrap(err, "count reports")
}

func (im *importer) writeIndicator(ctx context.Context, in *duban.Indicator, id int64, seq int) error {
	milestones, err := jsonArg(in.Milestones)
	if err != nil {
		return err
	}
	args := []any{im.nodes[in.NodeCode], seq, in.Name, in.Unit, in.Baseline, in.Target, string(in.Comparator),
		in.Tolerance, string(in.Direction), string(in.Kind), string(in.Cadence), milestones}
	if id != 0 {
		_, err := im.t.exec(ctx, `UPDATE indicators SET node_id = ?, seq = ?, name = ?, unit = ?, baseline = ?,
			target = ?, comparator = ?, tolerance = ?, direction = ?, kind = ?, cadence = ?, milestones = ?
			WHERE id = ?`, append(args, id)...)
		return err
	}
	_, err = im.t.exec(ctx, `INSERT INTO indicators (node_id, seq, name, unit, baseline, target, comparator,
		tolerance, direction, kind, cadence, milestones, plan_id, code) VALUES (`+placeholders(14)+`)`,
		append(args, im.planID, in.Code)...)
	return err
}

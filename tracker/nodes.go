package tracker

import (
	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// NodeRow is a node with its rollup: its own status is the worst status
// among the items under it, and its progress the weighted mean.
type NodeRow struct {
	duban.Node
	Area     string        `json:"area"` // code of the area the node lies in
	Depth    int           `json:"depth"`
	Status   status.Status `json:"status,omitempty"`
	Label    string        `json:"status_label,omitempty"`
	Rollup   Summary       `json:"rollup"`
	Items    []ItemStatus  `json:"items,omitempty"` // the node's own indicators
	Children []*NodeRow    `json:"children,omitempty"`
}

// NodeRows lists every node in tree order with its rollup.
func (ps *PlanStatus) NodeRows() []NodeRow {
	own := map[string][]ItemStatus{}
	for _, it := range ps.Items() {
		own[it.Node] = append(own[it.Node], it)
	}
	depth, area := map[string]int{}, map[string]string{}
	rows := make([]NodeRow, 0, len(ps.Nodes))
	for _, n := range ps.Nodes {
		agg, _ := ps.Rollup.Node(n.Code)
		row := NodeRow{Node: n, Rollup: summary(agg), Items: own[n.Code], Status: agg.Worst, Label: agg.Worst.Label()}
		if n.ParentCode != "" {
			row.Depth, row.Area = depth[n.ParentCode]+1, area[n.ParentCode]
		}
		if n.Kind == duban.KindArea {
			row.Area = n.Code
		}
		depth[n.Code], area[n.Code] = row.Depth, row.Area
		rows = append(rows, row)
	}
	return rows
}

// Tree nests flat rows (in pre-order) under their parents.
func Tree(rows []NodeRow) []*NodeRow {
	byCode := map[string]*NodeRow{}
	var roots []*NodeRow
	for i := range rows {
		r := &rows[i]
		byCode[r.Code] = r
		if p := byCode[r.ParentCode]; p != nil {
			p.Children = append(p.Children, r)
		} else {
			roots = append(roots, r)
		}
	}
	return roots
}

// Check lists the plan's inconsistencies (count targets against listed
// children, milestones outside their dates).
func (ps *PlanStatus) Check() []status.Finding {
	b := &duban.Bundle{Plan: ps.Plan, Nodes: ps.Nodes, Indicators: ps.Indicators}
	return status.Check(b)
}

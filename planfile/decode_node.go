package planfile

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// node reads a node, its indicators and then its children, so that
// Bundle.Nodes and Bundle.Indicators come out in tree pre-order.
func (d *decoder) node(n *yaml.Node, parent string, order int) {
	if d.ctx.Err() != nil {
		return // DecodeContext answers ctx.Err()
	}
	r := d.record("node", n, nodeKeys, "")
	if r == nil {
		return
	}
	d.b.Nodes = append(d.b.Nodes, duban.Node{
		Code: r.str("id"), ParentCode: parent, Kind: duban.NodeKind(r.str("kind")), Title: r.str("title"),
		Description: r.str("description"), Order: order, LeadUnit: r.str("lead_unit"),
		CoUnits: r.strs("co_units"), Leader: r.str("leader"), Start: r.date("start"),
		Deadline: r.date("deadline"), Commitment: duban.Commitment(r.str("commitment")),
		Weight: r.num("weight"), SourceQuote: r.str("quote"), Tags: r.strs("tags"),
		Mechanisms: r.strs("mechanisms"), Project: d.project(r),
	})
	indicators := r.items("indicators")
	for i, item := range indicators {
		d.indicator(item, defaultIndicatorID(r.key, i, len(indicators)))
	}
	for i, child := range r.items("children") {
		d.node(child, r.key, i)
	}
}

// defaultIndicatorID is the id of an indicator written without one: its
// node's id when the node has one indicator, else "<node id>-<n>".
func defaultIndicatorID(nodeID string, i, count int) string {
	if count == 1 {
		return nodeID
	}
	return fmt.Sprintf("%s-%d", nodeID, i+1)
}

func (d *decoder) project(node *record) *duban.Project {
	v := node.values["project"]
	if v == nil || isNull(v) {
		return nil
	}
	r := node.sub("project.", v, projectKeys)
	if r == nil {
		return nil
	}
	node.lines.merge(r.lines)
	return &duban.Project{
		TotalInvestment: r.num("total_investment"), YearInvestment: r.num("year_investment"),
		CompletedInvestment: r.num("completed_investment"), Stage: duban.ProjectStage(r.str("stage")),
		Address: r.str("address"), Lat: r.numPtr("lat"), Lng: r.numPtr("lng"),
	}
}

func (d *decoder) indicator(n *yaml.Node, defaultID string) {
	r := d.record("indicator", n, indicatorKeys, defaultID)
	if r == nil {
		return
	}
	r.str("id") // reports an id that is not a single value
	in := duban.Indicator{
		NodeCode: d.b.Nodes[len(d.b.Nodes)-1].Code, Code: r.key, Name: r.str("name"), Unit: r.str("unit"),
		Baseline: r.numPtr("baseline"), Target: r.numPtr("target"), Comparator: r.comparator(),
		Tolerance: r.num("tolerance"), Direction: duban.Direction(r.str("direction")),
		Kind: duban.IndicatorKind(r.str("kind")), Cadence: duban.Cadence(r.str("cadence")),
		Milestones: r.milestones(),
	}
	applyDefaults(&in)
	d.b.Indicators = append(d.b.Indicators, in)
}

// applyDefaults fills the fields a hand-written file may leave out.
func applyDefaults(in *duban.Indicator) {
	if in.Comparator == "" {
		in.Comparator = duban.Equal
	}
	if in.Direction == "" {
		in.Direction = duban.DefaultDirection(in.Comparator)
	}
	if in.Kind == "" {
		in.Kind = duban.Cumulative
	}
	if in.Cadence == "" {
		in.Cadence = duban.Monthly
	}
}

// comparator reads the comparator; a bare ~ means "about", though YAML
// would read it as null.
func (r *record) comparator() duban.Comparator {
	if v := r.values["comparator"]; v != nil && v.Kind == yaml.ScalarNode && v.Value == "~" {
		return duban.About
	}
	return duban.Comparator(r.str("comparator"))
}

func (r *record) milestones() []duban.Milestone {
	var out []duban.Milestone
	for _, item := range r.items("milestones") {
		m := r.sub("milestones.", item, milestoneKeys)
		if m == nil {
			continue
		}
		out = append(out, duban.Milestone{Date: m.date("date"), Value: m.numPtr("value"), Description: m.str("description")})
	}
	return out
}

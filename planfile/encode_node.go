package planfile

import (
	"sort"

	"go.yaml.in/yaml/v3"

	"github.com/duban-dev/duban"
)

// encodeTree nests the bundle's nodes and indicators and returns the
// top-level nodes.
func encodeTree(b *duban.Bundle) ([]*yaml.Node, error) {
	children := map[string][]*duban.Node{}
	known := map[string]bool{}
	for i := range b.Nodes {
		n := &b.Nodes[i]
		known[n.Code] = true
		children[n.ParentCode] = append(children[n.ParentCode], n)
	}
	indicators := map[string][]*duban.Indicator{}
	for i := range b.Indicators {
		in := &b.Indicators[i]
		if !known[in.NodeCode] {
			return nil, duban.Invalid("无法写出计划文件 (cannot encode plan)", duban.FieldError{
				Entity: "indicator", Key: in.Code, Field: "node", Message: "事项 " + in.NodeCode + " 不存在 (unknown node)"})
		}
		indicators[in.NodeCode] = append(indicators[in.NodeCode], in)
	}
	t := tree{children: children, indicators: indicators, written: map[*duban.Node]bool{}}
	top := t.level("")
	for i := range b.Nodes {
		if n := &b.Nodes[i]; !t.written[n] {
			return nil, duban.Invalid("无法写出计划文件 (cannot encode plan)", duban.FieldError{
				Entity: "node", Key: n.Code, Field: "parent", Message: "上级事项 " + n.ParentCode + " 不存在或形成循环 (unknown parent, or a cycle)"})
		}
	}
	return top, nil
}

type tree struct {
	children   map[string][]*duban.Node
	indicators map[string][]*duban.Indicator
	written    map[*duban.Node]bool
}

func (t tree) level(parent string) []*yaml.Node {
	nodes := t.children[parent]
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].Order < nodes[j].Order })
	var out []*yaml.Node
	for _, n := range nodes {
		if t.written[n] {
			continue
		}
		t.written[n] = true
		out = append(out, t.node(n))
	}
	return out
}

func (t tree) node(n *duban.Node) *yaml.Node {
	m := newMapping()
	m.str("id", n.Code)
	m.str("kind", string(n.Kind))
	m.str("title", n.Title)
	m.str("description", n.Description)
	m.str("lead_unit", n.LeadUnit)
	m.strs("co_units", n.CoUnits)
	m.str("leader", n.Leader)
	m.date("start", n.Start)
	m.date("deadline", n.Deadline)
	m.str("commitment", string(n.Commitment))
	m.num("weight", n.Weight)
	m.str("quote", n.SourceQuote)
	m.strs("tags", n.Tags)
	m.strs("mechanisms", n.Mechanisms)
	if n.Project != nil {
		m.add("project", encodeProject(n.Project))
	}
	inds := t.indicators[n.Code]
	m.list("indicators", len(inds), func(i int) *yaml.Node { return encodeIndicator(inds[i]) })
	if kids := t.level(n.Code); len(kids) > 0 {
		m.add("children", sequence(kids))
	}
	return m.n
}

func encodeProject(p *duban.Project) *yaml.Node {
	m := newMapping()
	m.num("total_investment", p.TotalInvestment)
	m.num("year_investment", p.YearInvestment)
	m.num("completed_investment", p.CompletedInvestment)
	m.str("stage", string(p.Stage))
	m.str("address", p.Address)
	m.numPtr("lat", p.Lat)
	m.numPtr("lng", p.Lng)
	return m.n
}

// encodeIndicator leaves out the fields equal to what Decode would default
// them to, so hand-written files and encoded ones look alike.
func encodeIndicator(in *duban.Indicator) *yaml.Node {
	m := newMapping()
	m.str("id", in.Code)
	m.str("name", in.Name)
	m.str("unit", in.Unit)
	m.numPtr("baseline", in.Baseline)
	m.numPtr("target", in.Target)
	m.str("comparator", string(unlessEqual(in.Comparator, duban.Equal)))
	m.num("tolerance", in.Tolerance)
	m.str("direction", string(unlessEqual(in.Direction, duban.DefaultDirection(orDefault(in.Comparator)))))
	m.str("kind", string(unlessEqual(in.Kind, duban.Cumulative)))
	m.str("cadence", string(unlessEqual(in.Cadence, duban.Monthly)))
	m.list("milestones", len(in.Milestones), func(i int) *yaml.Node { return encodeMilestone(&in.Milestones[i]) })
	return m.n
}

func encodeMilestone(ms *duban.Milestone) *yaml.Node {
	m := newMapping()
	m.date("date", ms.Date)
	m.numPtr("value", ms.Value)
	m.str("description", ms.Description)
	return m.n
}

func unlessEqual[T comparable](v, def T) T {
	var zero T
	if v == def {
		return zero
	}
	return v
}

func orDefault(c duban.Comparator) duban.Comparator {
	if c == "" {
		return duban.Equal
	}
	return c
}

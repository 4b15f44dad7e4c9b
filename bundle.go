package duban

import (
	"fmt"
	"time"
)

// Bundle is a whole plan as one document: the plan, the units, people and
// mechanisms it references, and its nodes and indicators. It is what plan
// files, Excel workbooks and the text extractor produce and what the store
// imports in one transaction. Nodes are in tree pre-order.
type Bundle struct {
	Plan       Plan
	Units      []Unit
	People     []Person
	Mechanisms []Mechanism
	Nodes      []Node
	Indicators []Indicator
	// IfUnchangedSince, when set, makes the import fail with ECONFLICT
	// unless the stored plan of the same code was last changed at exactly
	// this time: a caller that read the plan (Plan.UpdatedAt), merged
	// edits into it and imports the result cannot silently undo a change
	// made in between. It is not part of any file format.
	IfUnchangedSince time.Time
}

// Validate checks every record and every reference between them: duplicate
// codes, unknown units, people, parents and mechanisms, cycles in the unit
// tree, parents listed after their children. It returns nil or an EINVALID
// *Error listing every problem found.
func (b *Bundle) Validate() error {
	v := bundleValidator{b: b}
	v.run()
	if len(v.errs) == 0 {
		return nil
	}
	return Invalid("计划文件有误 (invalid plan)", v.errs...)
}

type bundleValidator struct {
	b    *Bundle
	errs []FieldError
}

func (v *bundleValidator) add(entity, key string, fes ...FieldError) {
	for _, fe := range fes {
		fe.Entity, fe.Key = entity, key
		v.errs = append(v.errs, fe)
	}
}

func (v *bundleValidator) addf(entity, key, field, format string, args ...any) {
	v.add(entity, key, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (v *bundleValidator) run() {
	v.add("plan", v.b.Plan.Code, v.b.Plan.Validate()...)
	units := v.units()
	people := v.people(units)
	mechs := v.mechanisms()
	nodes := v.nodes(units, people, mechs)
	v.indicators(nodes)
}

func (v *bundleValidator) units() map[string]*Unit {
	seen := map[string]*Unit{}
	for i := range v.b.Units {
		u := &v.b.Units[i]
		v.add("unit", u.Code, u.Validate()...)
		if seen[u.Code] != nil {
			v.addf("unit", u.Code, "id", "编号重复 (duplicate id)")
		}
		seen[u.Code] = u
	}
	for _, u := range v.b.Units {
		if u.ParentCode != "" && seen[u.ParentCode] == nil {
			v.addf("unit", u.Code, "parent", "上级单位 %q 不存在 (unknown unit)", u.ParentCode)
		}
	}
	v.unitCycles(seen)
	return seen
}

func (v *bundleValidator) unitCycles(byCode map[string]*Unit) {
	reported := map[string]bool{}
	for _, u := range v.b.Units {
		visited := map[string]bool{}
		for c := u.Code; c != ""; {
			if visited[c] {
				if !reported[u.Code] {
					v.addf("unit", u.Code, "parent", "上级单位形成循环 (a cycle in the unit tree)")
					reported[u.Code] = true
				}
				break
			}
			visited[c] = true
			p := byCode[c]
			if p == nil {
				break
			}
			c = p.ParentCode
		}
	}
}

func (v *bundleValidator) people(units map[string]*Unit) map[string]bool {
	seen := map[string]bool{}
	for i := range v.b.People {
		p := &v.b.People[i]
		v.add("person", p.Code, p.Validate()...)
		if seen[p.Code] {
			v.addf("person", p.Code, "id", "编号重复 (duplicate id)")
		}
		seen[p.Code] = true
		if p.UnitCode != "" && units[p.UnitCode] == nil {
			v.addf("person", p.Code, "unit", "单位 %q 不存在 (unknown unit)", p.UnitCode)
		}
	}
	return seen
}

func (v *bundleValidator) mechanisms() map[string]bool {
	seen := map[string]bool{}
	for i := range v.b.Mechanisms {
		m := &v.b.Mechanisms[i]
		v.add("mechanism", m.Code, m.Validate()...)
		if seen[m.Code] {
			v.addf("mechanism", m.Code, "id", "编号重复 (duplicate id)")
		}
		seen[m.Code] = true
	}
	return seen
}

func (v *bundleValidator) nodes(units map[string]*Unit, people, mechs map[string]bool) map[string]*Node {
	seen := map[string]*Node{}
	for i := range v.b.Nodes {
		n := &v.b.Nodes[i]
		v.add("node", n.Code, n.Validate()...)
		if seen[n.Code] != nil {
			v.addf("node", n.Code, "id", "编号重复 (duplicate id)")
		}
		if n.ParentCode == n.Code && n.Code != "" {
			v.addf("node", n.Code, "parent", "上级事项形成循环 (a cycle: node is its own parent)")
		} else if n.ParentCode != "" && seen[n.ParentCode] == nil {
			v.addf("node", n.Code, "parent", "上级事项 %q 不存在或排在其后 (unknown parent, or listed after this node)", n.ParentCode)
		}
		seen[n.Code] = n
		v.nodeRefs(n, units, people, mechs)
	}
	return seen
}

func (v *bundleValidator) nodeRefs(n *Node, units map[string]*Unit, people, mechs map[string]bool) {
	if n.LeadUnit != "" && units[n.LeadUnit] == nil {
		v.addf("node", n.Code, "lead_unit", "单位 %q 不存在 (unknown unit)", n.LeadUnit)
	}
	for _, c := range n.CoUnits {
		if units[c] == nil {
			v.addf("node", n.Code, "co_units", "单位 %q 不存在 (unknown unit)", c)
		}
	}
	if n.Leader != "" && !people[n.Leader] {
		v.addf("node", n.Code, "leader", "人员 %q 不存在 (unknown person)", n.Leader)
	}
	for _, m := range n.Mechanisms {
		if !mechs[m] {
			v.addf("node", n.Code, "mechanisms", "机制 %q 不存在 (unknown mechanism)", m)
		}
	}
	p := v.b.Plan
	if !n.Deadline.IsZero() && !p.PeriodStart.IsZero() && n.Deadline.Before(p.PeriodStart) {
		v.addf("node", n.Code, "deadline", "早于计划开始日期 %s (deadline before the plan starts)", p.PeriodStart)
	}
}

func (v *bundleValidator) indicators(nodes map[string]*Node) {
	seen := map[string]bool{}
	for i := range v.b.Indicators {
		in := &v.b.Indicators[i]
		v.add("indicator", in.Code, in.Validate()...)
		if seen[in.Code] {
			v.addf("indicator", in.Code, "id", "编号重复 (duplicate id)")
		}
		seen[in.Code] = true
		if nodes[in.NodeCode] == nil {
			v.addf("indicator", in.Code, "node", "事项 %q 不存在 (unknown node)", in.NodeCode)
		}
	}
}

package xlsx

import (
	"fmt"
	"slices"

	"github.com/duban-dev/duban"
)

// NodeChange names a node the import changes and the columns that differ.
type NodeChange struct {
	Code   string   `json:"code"`
	Title  string   `json:"title"`
	Fields []string `json:"fields"`
}

// Changes is what importing a sheet does to a plan.
type Changes struct {
	Added     []string     `json:"added"`
	Changed   []NodeChange `json:"changed"`
	Unchanged int          `json:"unchanged"`
}

// Empty reports whether the import changes nothing.
func (c *Changes) Empty() bool { return len(c.Added) == 0 && len(c.Changed) == 0 }

// merger applies sheet rows to a copy of the stored plan.
type merger struct {
	base    *duban.Bundle
	out     *duban.Bundle
	nodes   map[string]*duban.Node    // base nodes by code
	inds    map[string]int            // node code → index in out.Indicators of its first indicator
	rowOf   map[string]int            // node code → sheet row
	kinds   map[string]duban.NodeKind // node code → kind, for nodes written to out
	codes   map[string]bool           // indicator codes in out
	changes Changes
	errs    []duban.FieldError
}

// merge builds the plan the sheet describes: rows update nodes with the
// same 编号 and add new ones; nodes absent from the sheet stay as they are.
// The sheet's order and 层级 give each listed node its parent.
func merge(base *duban.Bundle, rows []sheetRow) (*duban.Bundle, *Changes, []duban.FieldError) {
	m := &merger{base: base, nodes: map[string]*duban.Node{}, inds: map[string]int{},
		rowOf: map[string]int{}, kinds: map[string]duban.NodeKind{}, codes: map[string]bool{}}
	out := *base
	out.Nodes = make([]duban.Node, 0, len(base.Nodes)+len(rows))
	out.Indicators = slices.Clone(base.Indicators)
	m.out = &out
	for i := range base.Nodes {
		m.nodes[base.Nodes[i].Code] = &base.Nodes[i]
	}
	for i := range out.Indicators {
		m.codes[out.Indicators[i].Code] = true
		if _, ok := m.inds[out.Indicators[i].NodeCode]; !ok {
			m.inds[out.Indicators[i].NodeCode] = i
		}
	}
	m.applyRows(rows)
	for _, n := range base.Nodes {
		if _, listed := m.rowOf[n.Code]; !listed {
			out.Nodes = append(out.Nodes, n)
		}
	}
	return m.out, &m.changes, m.errs
}

func (m *merger) applyRows(rows []sheetRow) {
	var stack []*sheetRow // the open ancestors, by depth
	lastChild := map[string]*duban.Node{}
	for i := range rows {
		r := &rows[i]
		if r.code == "" || r.depth == 0 {
			continue // already reported
		}
		if prev, dup := m.rowOf[r.code]; dup {
			m.errs = append(m.errs, cellError(r.row, colCode, "编号 %q 与第%d行重复 (duplicate 编号)", r.code, prev))
			continue
		}
		if r.depth > len(stack)+1 {
			m.errs = append(m.errs, cellError(r.row, colLevel, "比上一行深了不止一级 (more than one level below the row above)"))
			continue
		}
		stack = append(stack[:r.depth-1], r)
		parent := ""
		if r.depth > 1 {
			parent = stack[r.depth-2].code
		}
		m.rowOf[r.code] = r.row
		n := m.applyNode(r, parent, lastChild[parent])
		m.out.Nodes = append(m.out.Nodes, n)
		m.kinds[n.Code] = n.Kind
		lastChild[parent] = &m.out.Nodes[len(m.out.Nodes)-1]
	}
}

// applyNode returns the node the row describes and records the change.
func (m *merger) applyNode(r *sheetRow, parent string, prevSibling *duban.Node) duban.Node {
	old := m.nodes[r.code]
	var n duban.Node
	if old != nil {
		n = *old
	} else {
		n = duban.Node{Code: r.code, Kind: m.newKind(r, parent)}
	}
	if old == nil || old.ParentCode != parent {
		n.Order = 0
		if prevSibling != nil {
			n.Order = prevSibling.Order // ties keep the sheet's order
		}
	}
	n.ParentCode, n.Title, n.LeadUnit, n.CoUnits = parent, r.title, r.lead, r.co
	n.Leader, n.Deadline, n.Description = r.leader, r.deadline, r.description
	fields := m.applyIndicator(r, &n)
	if old == nil {
		m.changes.Added = append(m.changes.Added, r.code)
		return n
	}
	fields = append(nodeDiff(old, &n), fields...)
	if len(fields) == 0 {
		m.changes.Unchanged++
	} else {
		m.changes.Changed = append(m.changes.Changed, NodeChange{Code: n.Code, Title: n.Title, Fields: fields})
	}
	return n
}

// newKind guesses a new node's kind: an item when it has a target, else
// the level below its parent's.
func (m *merger) newKind(r *sheetRow, parent string) duban.NodeKind {
	if r.target != nil {
		return duban.KindItem
	}
	// The parent was written to out already (the sheet lists parents
	// first); a map, not a scan of out, or a sheet of new nodes costs the
	// square of its rows.
	kind, ok := m.kinds[parent]
	if !ok {
		if p := m.nodes[parent]; p != nil {
			kind, ok = p.Kind, true
		}
	}
	if !ok {
		return duban.KindGoal
	}
	i := slices.Index(duban.NodeKinds, kind)
	return duban.NodeKinds[min(i+1, len(duban.NodeKinds)-1)]
}

func nodeDiff(a, b *duban.Node) []string {
	var f []string
	add := func(changed bool, h string) {
		if changed {
			f = append(f, h)
		}
	}
	add(a.ParentCode != b.ParentCode, colLevel)
	add(a.Title != b.Title, colTitle)
	add(a.LeadUnit != b.LeadUnit, colLead)
	add(!slices.Equal(a.CoUnits, b.CoUnits), colCo)
	add(a.Leader != b.Leader, colLeader)
	add(a.Deadline != b.Deadline, colDeadline)
	add(a.Description != b.Description, colNote)
	return f
}

// applyIndicator updates the node's first indicator from the row, or adds
// one when a node without an indicator is given a target.
func (m *merger) applyIndicator(r *sheetRow, n *duban.Node) []string {
	i, ok := m.inds[n.Code]
	if !ok {
		if r.target != nil {
			m.addIndicator(r, n)
		}
		return nil
	}
	in := &m.out.Indicators[i]
	var f []string
	if !sameTarget(in.Target, r.target) {
		in.Target, f = r.target, append(f, colTarget)
	}
	if in.Unit != r.unit {
		in.Unit, f = r.unit, append(f, colUnit)
	}
	if in.Comparator != r.comparator {
		in.Comparator, in.Direction = r.comparator, duban.DefaultDirection(r.comparator)
		f = append(f, colComparator)
	}
	return f
}

func (m *merger) addIndicator(r *sheetRow, n *duban.Node) {
	cmp := r.comparator
	if cmp == "" {
		cmp = duban.AtLeast
	}
	code := n.Code
	for i := 2; m.indicatorCodeUsed(code); i++ {
		code = fmt.Sprintf("%s-%d", n.Code, i)
	}
	m.out.Indicators = append(m.out.Indicators, duban.Indicator{NodeCode: n.Code, Code: code, Name: n.Title,
		Unit: r.unit, Target: r.target, Comparator: cmp, Direction: duban.DefaultDirection(cmp),
		Kind: duban.Cumulative, Cadence: duban.Monthly})
	m.inds[n.Code] = len(m.out.Indicators) - 1
	m.codes[code] = true
}

func (m *merger) indicatorCodeUsed(code string) bool { return m.codes[code] }

func sameTarget(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

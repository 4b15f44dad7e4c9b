package projects

import (
	"fmt"
	"sort"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// DispatchItem is one line of a dispatch list: something the meeting must
// go through, on one node.
type DispatchItem struct {
	Kind        string        `json:"kind"` // lagging, step, problem, role, follow_up
	NodeID      int64         `json:"node_id"`
	NodeCode    string        `json:"node_code"`
	NodeTitle   string        `json:"node_title"`
	Project     bool          `json:"project"`
	LeadUnit    string        `json:"lead_unit"`
	Leader      string        `json:"leader,omitempty"`
	Status      status.Status `json:"status,omitempty"`
	ZH          string        `json:"zh"`
	EN          string        `json:"en"`
	Due         duban.Date    `json:"due"`
	Overdue     bool          `json:"overdue,omitempty"`
	IndicatorID int64         `json:"indicator_id,omitempty"`
	ProblemID   int64         `json:"problem_id,omitempty"`
	DecisionID  int64         `json:"decision_id,omitempty"`
}

// Dispatch is a mechanism's dispatch list (周调度清单) for the period of its
// cadence that holds the as-of day.
type Dispatch struct {
	Mechanism duban.Mechanism `json:"mechanism"`
	Period    string          `json:"period"`
	Start     duban.Date      `json:"start"`
	End       duban.Date      `json:"end"`
	AsOf      duban.Date      `json:"as_of"`
	Nodes     int             `json:"nodes"` // nodes the mechanism governs
	Lagging   []DispatchItem  `json:"lagging"`
	Steps     []DispatchItem  `json:"steps"`
	Problems  []DispatchItem  `json:"problems"`
	Roles     []DispatchItem  `json:"roles"`
	FollowUps []DispatchItem  `json:"follow_ups"`
	// Unchecked lists role slots duban cannot check from a node's fields
	// (e.g. 服务专员), said once rather than per node.
	Unchecked []string `json:"unchecked,omitempty"`
}

// Total is the number of lines on the list.
func (d *Dispatch) Total() int {
	return len(d.Lagging) + len(d.Steps) + len(d.Problems) + len(d.Roles) + len(d.FollowUps)
}

// StepsAhead is how far past the period's end a step's planned date may
// lie and still be on this week's list.
const StepsAhead = 14

// BuildDispatch makes the mechanism's dispatch list from a ledger, its
// input and the plan's open decisions.
func BuildDispatch(l *Ledger, in *Input, m duban.Mechanism, decisions []duban.Decision) *Dispatch {
	c := newContext(in)
	cad := m.Cadence
	if cad == "" {
		cad = duban.Weekly
	}
	p := duban.PeriodOf(cad, in.AsOf)
	d := &Dispatch{Mechanism: m, Period: p.String(), Start: p.Start, End: p.End, AsOf: in.AsOf}
	governed := map[string]bool{}
	for i := range in.Nodes {
		n := &in.Nodes[i]
		if g := c.mechanism(n); g != nil && g.Code == m.Code {
			governed[n.Code] = true
			d.Nodes++
		}
	}
	rows := map[string]*Row{}
	for i := range l.Rows {
		if governed[l.Rows[i].Code] {
			rows[l.Rows[i].Code] = &l.Rows[i]
		}
	}
	d.Lagging = lagging(c, governed, rows)
	d.Steps = stepsDue(rows, p.End.AddDays(StepsAhead))
	d.Problems = problems(c, governed, in.AsOf)
	d.Roles, d.Unchecked = roleGaps(c, governed, m)
	d.FollowUps = followUps(decisions, governed, c, in.AsOf)
	return d
}

func item(kind string, n *duban.Node) DispatchItem {
	return DispatchItem{Kind: kind, NodeID: n.ID, NodeCode: n.Code, NodeTitle: n.Title, Project: n.Kind == duban.KindProject,
		LeadUnit: n.LeadUnit, Leader: n.Leader}
}

// lagging lists the red projects (with their reasons) and the other
// governed nodes' indicators that are red, overdue or unreported.
func lagging(c *ledgerCtx, governed map[string]bool, rows map[string]*Row) []DispatchItem {
	var out []DispatchItem
	for i := range c.in.Nodes {
		n := &c.in.Nodes[i]
		if !governed[n.Code] {
			continue
		}
		if r := rows[n.Code]; r != nil {
			if r.Behind() || r.Status == status.NotReported {
				it := item("lagging", n)
				it.Status, it.IndicatorID = r.Status, r.IndicatorID
				it.ZH, it.EN = joinFindings(r.Findings, r.Status)
				out = append(out, it)
			}
			continue
		}
		for _, ind := range c.byNode[n.Code] {
			res, ok := c.in.Results[ind.Code]
			if !ok || (res.Status != status.Lagging && res.Status != status.Overdue && res.Status != status.NotReported) {
				continue
			}
			it := item("lagging", n)
			it.Status, it.IndicatorID, it.Due = res.Status, ind.ID, res.Deadline
			it.ZH, it.EN = ind.Name+"："+res.Explanation.ZH, ind.Name+": "+res.Explanation.EN
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Status.Worse(out[j].Status) })
	return out
}

// joinFindings keeps the findings as bad as the light, in order.
func joinFindings(fs []Finding, light status.Status) (string, string) {
	zh, en := "", ""
	for _, f := range fs {
		if f.Status != light {
			continue
		}
		if zh != "" {
			zh, en = zh+"；", en+"; "
		}
		zh, en = zh+f.ZH, en+f.EN
	}
	return zh, en
}

// stepsDue lists the governed projects' steps not yet reached that are late
// or fall due by until.
func stepsDue(rows map[string]*Row, until duban.Date) []DispatchItem {
	var out []DispatchItem
	for _, r := range rows {
		for _, s := range r.Steps {
			if s.Done || s.Planned.IsZero() || s.Planned.After(until) {
				continue
			}
			it := DispatchItem{Kind: "step", NodeID: r.NodeID, NodeCode: r.Code, NodeTitle: r.Title, Project: true,
				LeadUnit: r.LeadUnit, Leader: r.Leader, Due: s.Planned, Overdue: s.LateDays > 0, Status: status.OnTrack}
			if s.LateDays > 0 {
				it.Status = status.Warning
				if s.LateDays > RedAfterDays {
					it.Status = status.Lagging
				}
				it.ZH, it.EN = fmt.Sprintf("%s计划 %s，已延误 %d 天", s.Label, s.Planned, s.LateDays), fmt.Sprintf("%s due %s, %d days late", s.Label, s.Planned, s.LateDays)
			} else {
				it.ZH, it.EN = fmt.Sprintf("%s计划 %s 完成", s.Label, s.Planned), fmt.Sprintf("%s due %s", s.Label, s.Planned)
			}
			out = append(out, it)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Due.Compare(out[j].Due) != 0 {
			return out[i].Due.Before(out[j].Due)
		}
		return out[i].NodeCode < out[j].NodeCode
	})
	return out
}

func problems(c *ledgerCtx, governed map[string]bool, today duban.Date) []DispatchItem {
	var out []DispatchItem
	for _, p := range c.in.Problems {
		n := c.nodeByID(p.NodeID)
		if n == nil || !governed[n.Code] || !p.Open() {
			continue
		}
		it := item("problem", n)
		it.ProblemID, it.Due, it.Overdue = p.ID, p.Deadline, p.Overdue(today)
		it.Status = status.Warning
		if it.Overdue {
			it.Status = status.Lagging
		}
		needs := c.in.name(p.NeedsUnit)
		if p.NeedsLeader != "" {
			needs = join(needs, c.in.name(p.NeedsLeader))
		}
		it.ZH = fmt.Sprintf("【%s】%s（%s；需%s协调；%s）", p.Category.Label(), p.Title, p.State.Label(), needs, p.Deadline)
		it.EN = fmt.Sprintf("[%s] %s (%s; needs %s; by %s)", duban.TermEN(p.Category.Label()), p.Title, duban.TermEN(p.State.Label()), needs, p.Deadline)
		out = append(out, it)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "、" + b
}

// roleGaps checks each governed node that lists the mechanism itself, and
// each governed project, for the mechanism's role slots (三定: a leader, a
// lead unit, a deadline); a slot that maps to no node field is unchecked.
func roleGaps(c *ledgerCtx, governed map[string]bool, m duban.Mechanism) ([]DispatchItem, []string) {
	var out []DispatchItem
	var unchecked []string
	for _, role := range m.Roles {
		if _, ok := roleField[role]; !ok {
			unchecked = append(unchecked, role)
		}
	}
	for i := range c.in.Nodes {
		n := &c.in.Nodes[i]
		if !governed[n.Code] || (n.Kind != duban.KindProject && !lists(n.Mechanisms, m.Code)) {
			continue
		}
		var missing []string
		for _, role := range m.Roles {
			if has, ok := roleField[role]; ok && !has(n) {
				missing = append(missing, role)
			}
		}
		if len(missing) > 0 {
			it := item("role", n)
			it.Status = status.Warning
			it.ZH = fmt.Sprintf("「%s」未落实：缺%v", m.Name, missing)
			it.EN = fmt.Sprintf("%s: missing %v", m.Code, missing)
			out = append(out, it)
		}
	}
	return out, unchecked
}

var roleField = map[string]func(*duban.Node) bool{
	"责任领导": func(n *duban.Node) bool { return n.Leader != "" },
	"分包领导": func(n *duban.Node) bool { return n.Leader != "" },
	"牵头单位": func(n *duban.Node) bool { return n.LeadUnit != "" },
	"责任单位": func(n *duban.Node) bool { return n.LeadUnit != "" },
	"完成时限": func(n *duban.Node) bool { return !n.Deadline.IsZero() },
}

func lists(codes []string, code string) bool {
	for _, c := range codes {
		if c == code {
			return true
		}
	}
	return false
}

func followUps(ds []duban.Decision, governed map[string]bool, c *ledgerCtx, today duban.Date) []DispatchItem {
	var out []DispatchItem
	for _, d := range ds {
		n := c.nodeByID(d.NodeID)
		if n == nil || d.State != duban.DecisionOpen || !governed[n.Code] {
			continue
		}
		it := item("follow_up", n)
		it.DecisionID, it.Due, it.Overdue, it.LeadUnit = d.ID, d.Due, d.Overdue(today), d.Owner
		it.Status = status.OnTrack
		if it.Overdue {
			it.Status = status.Lagging
		}
		owner := c.in.name(d.Owner)
		it.ZH = fmt.Sprintf("%s调度决定：%s（%s负责，%s 前）", status.PeriodLabel(c.cadence(d.Mechanism), d.Period), d.Text, owner, d.Due)
		it.EN = fmt.Sprintf("Decision of %s: %s (%s, by %s)", d.Period, d.Text, owner, d.Due)
		out = append(out, it)
	}
	return out
}

// cadence is the mechanism's cadence, weekly when it states none.
func (c *ledgerCtx) cadence(code string) duban.Cadence {
	if m := c.mechs[code]; m != nil && m.Cadence != "" {
		return m.Cadence
	}
	return duban.Weekly
}

func (c *ledgerCtx) nodeByID(id int64) *duban.Node {
	if c.byID == nil {
		c.byID = make(map[int64]*duban.Node, len(c.in.Nodes))
		for i := range c.in.Nodes {
			c.byID[c.in.Nodes[i].ID] = &c.in.Nodes[i]
		}
	}
	return c.byID[id]
}

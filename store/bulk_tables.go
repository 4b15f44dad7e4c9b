package store

import (
	"encoding/json"
	"time"

	"github.com/duban-dev/duban"
)

// bulkTable says how to write one table from dataset parts: its columns and
// row i of a part, resolved against the codes seen so far.
type bulkTable struct {
	name    string
	columns []string
	count   func(p *duban.DatasetPart) int
	row     func(r *bulkRefs, p *duban.DatasetPart, i int) []any
	ids     bool // ids are given, so PostgreSQL's identity must move past them
}

// bulkTables are in foreign-key order.
var bulkTables = []bulkTable{
	{"units", []string{"id", "code", "name", "short_name", "kind", "parent_id", "phone", "address"},
		func(p *duban.DatasetPart) int { return len(p.Units) }, unitRow, true},
	{"people", []string{"id", "code", "name", "title", "unit_id", "role", "phone", "email"},
		func(p *duban.DatasetPart) int { return len(p.People) }, personRow, true},
	{"plans", []string{"id", "code", "title", "issuer", "year", "period_start", "period_end", "framework", "public",
		"description", "profile", "region_code", "region_name", "province", "created_at", "updated_at"},
		func(p *duban.DatasetPart) int { return len(p.Plans) }, planRow, true},
	{"nodes", []string{"id", "plan_id", "code", "parent_id", "kind", "title", "description", "sort_order", "seq",
		"tree_pos", "lead_unit_id", "leader_id", "start_date", "deadline", "commitment", "weight", "source_quote",
		"tags", "updated_at"},
		func(p *duban.DatasetPart) int { return len(p.Nodes) }, nodeRow, true},
	{"indicators", []string{"id", "plan_id", "node_id", "code", "seq", "name", "unit", "baseline", "target",
		"comparator", "tolerance", "direction", "kind", "cadence", "milestones"},
		func(p *duban.DatasetPart) int { return len(p.Indicators) }, indicatorRow, true},
	{"reports", append(append([]string(nil), reportColumns...), "period_start"),
		func(p *duban.DatasetPart) int { return len(p.Reports) }, reportRow, false},
	{"notices", []string{"id", "plan_id", "year", "seq", "node_id", "indicator_id", "unit_id", "trigger_kind",
		"level", "state", "issue", "action", "reply_due", "reply", "created_by", "created_at", "updated_at"},
		func(p *duban.DatasetPart) int { return len(p.Notices) }, noticeRow, true},
	{"users", []string{"id", "username", "display_name", "role", "unit_id", "password_hash", "created_at"},
		func(p *duban.DatasetPart) int { return len(p.Users) }, userRow, true},
	{"indicator_status", statusColumns,
		func(p *duban.DatasetPart) int { return len(p.Statuses) }, statusRow, false},
}

var statusColumns = []string{"indicator_id", "plan_id", "province", "area", "status", "progress", "as_of", "updated_at"}

// bulkRefs resolves codes to ids and encodes values the way the dialect's
// bulk primitive wants them: COPY takes dates as time and JSON as bytes.
type bulkRefs struct {
	pg      bool
	now     time.Time
	units   map[string]int64
	people  map[string]int64
	nodes   map[nodeKey]int64
	cadence map[int64]duban.Cadence
	pos     map[int64]int // next tree position per plan
}

type nodeKey struct {
	plan int64
	code string
}

func newBulkRefs(pg bool, now time.Time) *bulkRefs {
	return &bulkRefs{pg: pg, now: now, units: map[string]int64{}, people: map[string]int64{},
		nodes: map[nodeKey]int64{}, cadence: map[int64]duban.Cadence{}, pos: map[int64]int{}}
}

// learn records a part's codes before its rows are written. Node and
// indicator maps only serve the part itself, so they are reset.
func (r *bulkRefs) learn(p *duban.DatasetPart) {
	for _, u := range p.Units {
		r.units[u.Code] = u.ID
	}
	for _, ps := range p.People {
		r.people[ps.Code] = ps.ID
	}
	clear(r.nodes)
	clear(r.cadence)
	for _, n := range p.Nodes {
		r.nodes[nodeKey{n.PlanID, n.Code}] = n.ID
	}
	for _, in := range p.Indicators {
		r.cadence[in.ID] = in.Cadence
	}
}

func (r *bulkRefs) date(d duban.Date) any {
	if d.IsZero() {
		return nil
	}
	if r.pg {
		return d.Time()
	}
	return d.String()
}

func (r *bulkRefs) json(v any) any {
	s, err := jsonArg(v)
	if err != nil {
		s = "[]" // lists of strings and milestones always encode
	}
	if r.pg {
		return json.RawMessage(s)
	}
	return s
}

func (r *bulkRefs) ref(m map[string]int64, code string) any {
	if code == "" {
		return nil
	}
	return nullID(m[code])
}

func ts(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

func unitRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	u := p.Units[i]
	return []any{u.ID, u.Code, u.Name, u.ShortName, string(u.Kind), r.ref(r.units, u.ParentCode), u.Phone, u.Address}
}

func personRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	ps := p.People[i]
	return []any{ps.ID, ps.Code, ps.Name, ps.Title, r.units[ps.UnitCode], string(ps.Role), ps.Phone, ps.Email}
}

func planRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	pl := p.Plans[i]
	return []any{pl.ID, pl.Code, pl.Title, pl.Issuer, pl.Year, r.date(pl.PeriodStart), r.date(pl.PeriodEnd),
		r.json(pl.Framework), pl.Public, pl.Description, pl.Profile, pl.RegionCode, pl.RegionName, pl.Province,
		ts(pl.CreatedAt), ts(pl.UpdatedAt)}
}

func nodeRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	n := p.Nodes[i]
	pos := r.pos[n.PlanID]
	r.pos[n.PlanID] = pos + 1
	var parent any
	if n.ParentCode != "" {
		parent = r.nodes[nodeKey{n.PlanID, n.ParentCode}]
	}
	return []any{n.ID, n.PlanID, n.Code, parent, string(n.Kind), n.Title, n.Description, n.Order, pos, pos,
		r.ref(r.units, n.LeadUnit), r.ref(r.people, n.Leader), r.date(n.Start), r.date(n.Deadline),
		string(n.Commitment), n.Weight, n.SourceQuote, r.json(n.Tags), ts(n.UpdatedAt)}
}

func indicatorRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	in := p.Indicators[i]
	return []any{in.ID, in.PlanID, in.NodeID, in.Code, i, in.Name, in.Unit, in.Baseline, in.Target,
		string(in.Comparator), in.Tolerance, string(in.Direction), string(in.Kind), string(in.Cadence),
		r.json(in.Milestones)}
}

func reportRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	rep := &p.Reports[i]
	var start any
	if per, err := duban.ParsePeriod(r.cadence[rep.IndicatorID], rep.Period); err == nil {
		start = r.date(per.Start)
	}
	row := resolvedReport{Report: rep, unitID: r.units[rep.UnitCode]}.values()
	return append(row, start)
}

func noticeRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	n := p.Notices[i]
	return []any{n.ID, n.PlanID, n.Year, n.Seq, n.NodeID, nullID(n.IndicatorID), r.units[n.UnitCode],
		string(n.Trigger), int(n.Level), string(n.State), n.Issue, n.Action, r.date(n.ReplyDue), n.Reply,
		n.CreatedBy, ts(n.CreatedAt), ts(n.UpdatedAt)}
}

func userRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	u := p.Users[i]
	return []any{u.ID, u.Username, u.DisplayName, string(u.Role), r.ref(r.units, u.UnitCode), u.PasswordHash, ts(u.CreatedAt)}
}

func statusRow(r *bulkRefs, p *duban.DatasetPart, i int) []any {
	s := p.Statuses[i]
	return []any{s.IndicatorID, s.PlanID, s.Province, s.Area, s.Status, s.Progress, r.date(s.AsOf), r.now}
}

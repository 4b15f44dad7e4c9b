package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/duban-dev/duban"
)

const (
	problemFields = `SELECT p.id, p.plan_id, p.node_id, n.code, n.title, u.code, p.category, p.title, p.detail,
	COALESCE(nu.code, ''), COALESCE(pe.code, ''), p.deadline, p.state, p.level, p.answer, p.raised_by, p.raised_at, p.updated_at`
	problemFrom = ` FROM problems p JOIN nodes n ON n.id = p.node_id JOIN units u ON u.id = p.unit_id
	LEFT JOIN units nu ON nu.id = p.needs_unit_id LEFT JOIN people pe ON pe.id = p.needs_leader_id `
)

func scanProblem(s scanner) (duban.Problem, error) {
	var p duban.Problem
	err := s.Scan(&p.ID, &p.PlanID, &p.NodeID, &p.NodeCode, &p.NodeTitle, &p.UnitCode, &p.Category, &p.Title, &p.Detail,
		&p.NeedsUnit, &p.NeedsLeader, dateCol{&p.Deadline}, &p.State, &p.Level, &p.Answer, &p.RaisedBy,
		timeCol{&p.RaisedAt}, timeCol{&p.UpdatedAt})
	return p, err
}

// CreateProblem records a problem raised on a node: by the node's lead unit
// (a reporter) or by the supervision office on its behalf. Audited as
// problem.raise and announced to the webhooks.
func (db *DB) CreateProblem(ctx context.Context, actor *duban.User, in duban.ProblemInput, today duban.Date) (*duban.Problem, error) {
	if err := in.Check(today); err != nil {
		return nil, err
	}
	var p duban.Problem
	err := db.write(ctx, func(t *tx) error {
		nodes, err := t.nodes(ctx, "WHERE n.id = ?", in.NodeID)
		if err != nil {
			return err
		}
		if len(nodes) == 0 {
			return duban.Invalid("事项不存在 (unknown item)", duban.FieldError{Field: "node_id", Message: "事项不存在 (no such item)"})
		}
		n := &nodes[0]
		if !duban.CanRaiseProblem(actor, n) {
			return duban.Errorf(duban.EFORBIDDEN, "无权为「%s」提出问题：该事项由%s牵头 (not your unit's item)", n.Title, t.unitLabel(ctx, n.LeadUnit))
		}
		raiser := n.LeadUnit
		if actor.Role == duban.RoleReporter {
			raiser = actor.UnitCode
		}
		ids, err := t.problemRefs(ctx, raiser, in.NeedsUnit, in.NeedsLeader)
		if err != nil {
			return err
		}
		id, err := t.insertID(ctx, `INSERT INTO problems (plan_id, node_id, unit_id, category, title, detail, needs_unit_id,
			needs_leader_id, deadline, state, level, answer, raised_by, raised_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?, ?) RETURNING id`, n.PlanID, n.ID, ids[0], string(in.Category),
			in.Title, in.Detail, nullID(ids[1]), nullID(ids[2]), dateArg(in.Deadline), string(duban.ProblemOpen),
			actor.Username, t.now, t.now)
		if err != nil {
			return err
		}
		if p, err = t.findProblem(ctx, id, ""); err != nil {
			return err
		}
		if err := t.audit(ctx, actor.Username, "problem.raise", "problem", id, nil, p); err != nil {
			return err
		}
		return t.announceProblem(ctx, "raise", &p, actor, "")
	})
	if err != nil {
		return nil, wrap(err, "create problem")
	}
	return &p, nil
}

// problemRefs resolves the raising unit, the needed unit and the leader.
func (t *tx) problemRefs(ctx context.Context, raiser, unit, leader string) ([3]int64, error) {
	var ids [3]int64
	var err error
	if raiser == "" {
		return ids, duban.Invalid("事项没有牵头单位 (the item has no lead unit)", duban.FieldError{Field: "node_id", Message: "没有牵头单位"})
	}
	if ids[0], err = t.unitID(ctx, raiser); err != nil {
		return ids, err
	}
	if ids[1], err = t.unitID(ctx, unit); err != nil {
		return ids, duban.Invalid("单位不存在 (unknown unit)", duban.FieldError{Field: "needs_unit", Message: "单位 " + unit + " 不存在"})
	}
	if leader != "" {
		err = t.queryRow(ctx, "SELECT id FROM people WHERE code = ?", leader).Scan(&ids[2])
		if isNoRows(err) {
			return ids, duban.Invalid("领导不存在 (unknown leader)", duban.FieldError{Field: "needs_leader", Message: "人员 " + leader + " 不存在"})
		}
	}
	return ids, err
}

func (t *tx) findProblem(ctx context.Context, id int64, lock string) (duban.Problem, error) {
	p, err := scanProblem(t.queryRow(ctx, problemFields+problemFrom+"WHERE p.id = ?"+lock, id))
	if isNoRows(err) {
		return p, duban.Errorf(duban.ENOTFOUND, "问题不存在 (problem not found): %d", id)
	}
	return p, err
}

// FindProblem returns a problem, ENOTFOUND if there is none.
func (db *DB) FindProblem(ctx context.Context, id int64) (*duban.Problem, error) {
	var p duban.Problem
	err := db.read(ctx, func(t *tx) error {
		var err error
		p, err = t.findProblem(ctx, id, "")
		return err
	})
	if err != nil {
		return nil, wrap(err, "find problem %d", id)
	}
	return &p, nil
}

// ApplyProblem takes one lifecycle step (duban.CanActOnProblem decides who
// may), audited as problem.<action> with before and after and announced to
// the webhooks (all steps but closing).
func (db *DB) ApplyProblem(ctx context.Context, actor *duban.User, id int64, act duban.ProblemAction, s duban.ProblemStep) (*duban.Problem, error) {
	var p duban.Problem
	err := db.write(ctx, func(t *tx) error {
		before, err := t.findProblem(ctx, id, t.lockRows("p"))
		if err != nil {
			return err
		}
		if !duban.SeesProblem(actor, &before) {
			return duban.Errorf(duban.ENOTFOUND, "问题不存在 (problem not found): %d", id)
		}
		if !duban.CanActOnProblem(actor, &before, act) {
			return duban.Errorf(duban.EFORBIDDEN, "无权对问题 #%d 执行此操作 (you may not do this to the problem)", id)
		}
		p = before
		if err := p.Apply(act, s); err != nil {
			return err
		}
		return t.saveProblem(ctx, actor, act, &before, &p, s.Text)
	})
	if err != nil {
		return nil, wrap(err, "apply %s to problem %d", act, id)
	}
	return &p, nil
}

// ListProblems lists problems, open ones with the nearest deadline first,
// then closed ones newest first, with the total that match.
func (db *DB) ListProblems(ctx context.Context, f duban.ProblemFilter) ([]duban.Problem, int, error) {
	page := f.Page.Normalize()
	where, args := problemWhere(f)
	list := []duban.Problem{}
	var total int
	err := db.read(ctx, func(t *tx) error {
		if err := t.queryRow(ctx, "SELECT COUNT(*)"+problemFrom+where, args...).Scan(&total); err != nil {
			return err
		}
		return t.eachRow(ctx, problemFields+problemFrom+where+
			" ORDER BY CASE WHEN p.state = 'closed' THEN 1 ELSE 0 END, p.deadline, p.id LIMIT ? OFFSET ?",
			append(args, page.PerPage, page.Offset()), func(rows *sql.Rows) error {
				p, err := scanProblem(rows)
				list = append(list, p)
				return err
			})
	})
	if err != nil {
		return nil, 0, wrap(err, "list problems")
	}
	return list, total, nil
}

func problemWhere(f duban.ProblemFilter) (string, []any) {
	var conds []string
	var args []any
	add := func(cond string, a ...any) { conds, args = append(conds, cond), append(args, a...) }
	if f.PlanID != 0 {
		add("p.plan_id = ?", f.PlanID)
	}
	if f.NodeID != 0 {
		add("p.node_id = ?", f.NodeID)
	}
	if f.UnitCode != "" {
		add("(u.code = ? OR nu.code = ?)", f.UnitCode, f.UnitCode)
	}
	if f.State != "" {
		add("p.state = ?", string(f.State))
	}
	if f.OpenOnly {
		add("p.state <> ?", string(duban.ProblemClosed))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

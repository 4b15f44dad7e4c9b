package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/duban-dev/duban"
)

// ProjectSteps returns the dated steps of every project of the plan by
// node id, stages first, each in position order.
func (db *DB) ProjectSteps(ctx context.Context, planID int64) (map[int64][]duban.ProjectStep, error) {
	out := map[int64][]duban.ProjectStep{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT s.node_id, s.kind, s.name, s.position, s.planned, s.actual
			FROM project_steps s JOIN nodes n ON n.id = s.node_id WHERE n.plan_id = ?
			ORDER BY s.node_id, s.kind DESC, s.position`, []any{planID}, func(rows *sql.Rows) error {
			s, err := scanStep(rows)
			out[s.NodeID] = append(out[s.NodeID], s)
			return err
		})
	})
	return out, wrap(err, "project steps of plan %d", planID)
}

func scanStep(s scanner) (duban.ProjectStep, error) {
	var st duban.ProjectStep
	err := s.Scan(&st.NodeID, &st.Kind, &st.Name, &st.Position, dateCol{&st.Planned}, dateCol{&st.Actual})
	return st, err
}

func (t *tx) nodeSteps(ctx context.Context, nodeID int64) ([]duban.ProjectStep, error) {
	var out []duban.ProjectStep
	err := t.eachRow(ctx, `SELECT node_id, kind, name, position, planned, actual FROM project_steps
		WHERE node_id = ? ORDER BY kind DESC, position`, []any{nodeID}, func(rows *sql.Rows) error {
		s, err := scanStep(rows)
		out = append(out, s)
		return err
	})
	return out, err
}

// SaveProjectSteps sets the dates of steps of one project node in one
// transaction: the project's lead unit may report actual dates, the
// supervision office also planned ones. A step not stored yet is added at
// the end of its kind. Audited as project.steps with before and after.
func (db *DB) SaveProjectSteps(ctx context.Context, actor *duban.User, nodeID int64, ins []duban.ProjectStepInput) ([]duban.ProjectStep, error) {
	var after []duban.ProjectStep
	err := db.write(ctx, func(t *tx) error {
		var err error
		after, _, err = t.saveSteps(ctx, actor, nodeID, ins, 0)
		return err
	})
	if err != nil {
		return nil, wrap(err, "save steps of node %d", nodeID)
	}
	return after, nil
}

// ImportProjectSteps applies the step dates of many projects of a plan
// (by node code) in one transaction, all or nothing, and reports how many
// projects changed; with dryRun it writes nothing. Field errors carry the
// 1-based position of the project in the list as Row.
func (db *DB) ImportProjectSteps(ctx context.Context, actor *duban.User, planID int64, byCode map[string][]duban.ProjectStepInput, dryRun bool) (int, error) {
	changed := 0
	errDry := errors.New("dry run")
	err := db.write(ctx, func(t *tx) error {
		nodes, err := t.nodes(ctx, "WHERE n.plan_id = ? AND n.kind = ?", planID, string(duban.KindProject))
		if err != nil {
			return err
		}
		ids := map[string]int64{}
		for _, n := range nodes {
			ids[n.Code] = n.ID
		}
		var errs []duban.FieldError
		for code, ins := range byCode {
			id, ok := ids[code]
			if !ok {
				errs = append(errs, duban.FieldError{Field: "编号", Message: "计划中没有项目 " + code + " (no such project)"})
				continue
			}
			after, before, err := t.saveSteps(ctx, actor, id, ins, 0)
			if err != nil {
				return err
			}
			if !slices.Equal(after, before) {
				changed++
			}
		}
		if len(errs) > 0 {
			return duban.Invalid("工作簿有误 (invalid workbook)", errs...)
		}
		if dryRun {
			return errDry
		}
		return nil
	})
	if errors.Is(err, errDry) {
		err = nil
	}
	return changed, wrap(err, "import project steps of plan %d", planID)
}

// saveSteps checks and writes one project's steps and audits them when
// they changed; it returns the steps after and before.
func (t *tx) saveSteps(ctx context.Context, actor *duban.User, nodeID int64, ins []duban.ProjectStepInput, row int) ([]duban.ProjectStep, []duban.ProjectStep, error) {
	n, err := t.projectNode(ctx, nodeID)
	if err != nil {
		return nil, nil, err
	}
	if !duban.CanReport(actor, n) {
		return nil, nil, duban.Errorf(duban.EFORBIDDEN, "无权修改「%s」的节点：该项目由%s牵头 (not your unit's project)", n.Title, t.unitLabel(ctx, n.LeadUnit))
	}
	var errs []duban.FieldError
	for i := range ins {
		errs = append(errs, ins[i].Check(actor, row+i+1)...)
	}
	if len(errs) > 0 {
		return nil, nil, duban.Invalid("节点内容有误 (invalid steps)", errs...)
	}
	before, err := t.nodeSteps(ctx, nodeID)
	if err != nil {
		return nil, nil, err
	}
	for _, in := range ins {
		if err := t.saveStep(ctx, nodeID, before, in); err != nil {
			return nil, nil, err
		}
	}
	after, err := t.nodeSteps(ctx, nodeID)
	if err != nil || slices.Equal(after, before) {
		return after, before, err
	}
	return after, before, t.audit(ctx, actor.Username, "project.steps", "node", nodeID, before, after)
}

func (t *tx) saveStep(ctx context.Context, nodeID int64, existing []duban.ProjectStep, in duban.ProjectStepInput) error {
	i := slices.IndexFunc(existing, func(s duban.ProjectStep) bool { return s.Kind == in.Kind && s.Name == in.Name })
	if i < 0 {
		pos := 0
		for _, s := range existing {
			if s.Kind == in.Kind {
				pos = max(pos, s.Position+1)
			}
		}
		s := duban.ProjectStep{Kind: in.Kind, Name: in.Name, Position: pos}
		applyStepInput(&s, in)
		if s.Planned.IsZero() && s.Actual.IsZero() {
			return nil // nothing to keep
		}
		_, err := t.exec(ctx, `INSERT INTO project_steps (node_id, kind, name, position, planned, actual, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, nodeID, string(s.Kind), s.Name, s.Position, dateArg(s.Planned), dateArg(s.Actual), t.now)
		return mapErr(err)
	}
	s := existing[i]
	applyStepInput(&s, in)
	_, err := t.exec(ctx, `UPDATE project_steps SET planned = ?, actual = ?, updated_at = ? WHERE node_id = ? AND kind = ? AND name = ?`,
		dateArg(s.Planned), dateArg(s.Actual), t.now, nodeID, string(s.Kind), s.Name)
	return err
}

func applyStepInput(s *duban.ProjectStep, in duban.ProjectStepInput) {
	if in.Planned != nil {
		s.Planned = *in.Planned
	}
	if in.Actual != nil {
		s.Actual = *in.Actual
	}
	if in.Clear {
		s.Actual = duban.Date{}
	}
}

// projectNode reads a node that must be a project.
func (t *tx) projectNode(ctx context.Context, nodeID int64) (*duban.Node, error) {
	nodes, err := t.nodes(ctx, "WHERE n.id = ?", nodeID)
	if err != nil {
		return nil, err
	}
	if len(nodes) == 0 || nodes[0].Kind != duban.KindProject {
		return nil, duban.Errorf(duban.ENOTFOUND, "项目不存在 (project not found): %d", nodeID)
	}
	return &nodes[0], nil
}

// PrepSteps is the plan's list of 前期手续, duban.DefaultPrepSteps when the
// plan sets none.
func (db *DB) PrepSteps(ctx context.Context, planID int64) ([]string, error) {
	var names []string
	err := db.read(ctx, func(t *tx) error {
		if _, err := t.findPlan(ctx, planID); err != nil {
			return err
		}
		return t.eachRow(ctx, "SELECT name FROM plan_prep_steps WHERE plan_id = ? ORDER BY position", []any{planID},
			func(rows *sql.Rows) error {
				var s string
				err := rows.Scan(&s)
				names = append(names, s)
				return err
			})
	})
	if err != nil {
		return nil, wrap(err, "prep steps of plan %d", planID)
	}
	if len(names) == 0 {
		return slices.Clone(duban.DefaultPrepSteps), nil
	}
	return names, nil
}

// SetPrepSteps replaces the plan's list of 前期手续 (administrators and
// supervisors), audited as plan.prep_steps.
func (db *DB) SetPrepSteps(ctx context.Context, actor *duban.User, planID int64, names []string) error {
	if !duban.CanDispatch(actor) {
		return duban.Errorf(duban.EFORBIDDEN, "只有督查室和管理员可以配置前期手续 (supervisors and administrators only)")
	}
	var errs []duban.FieldError
	for i, n := range names {
		in := duban.ProjectStepInput{Kind: duban.StepPrep, Name: n}
		errs = append(errs, in.Check(actor, i+1)...)
		if slices.Index(names, n) < i {
			errs = append(errs, duban.FieldError{Field: "name", Row: i + 1, Message: "重复 (duplicate)"})
		}
	}
	if len(errs) > 0 {
		return duban.Invalid("前期手续有误 (invalid list)", errs...)
	}
	before, err := db.PrepSteps(ctx, planID)
	if err != nil {
		return err
	}
	err = db.write(ctx, func(t *tx) error {
		if _, err := t.exec(ctx, "DELETE FROM plan_prep_steps WHERE plan_id = ?", planID); err != nil {
			return err
		}
		for i, n := range names {
			if _, err := t.exec(ctx, "INSERT INTO plan_prep_steps (plan_id, position, name) VALUES (?, ?, ?)", planID, i, n); err != nil {
				return mapErr(err)
			}
		}
		return t.audit(ctx, actor.Username, "plan.prep_steps", "plan", planID, before, names)
	})
	return wrap(err, "set prep steps of plan %d", planID)
}

var _ duban.ProjectService = (*DB)(nil)

// PlanMechanisms returns the mechanisms the plan's document lists, in its
// order.
func (db *DB) PlanMechanisms(ctx context.Context, planID int64) ([]duban.Mechanism, error) {
	var b duban.Bundle
	b.Plan.ID = planID
	err := db.read(ctx, func(t *tx) error { return exportMechanisms(ctx, t, &b) })
	return b.Mechanisms, wrap(err, "mechanisms of plan %d", planID)
}

// InsertProjectSteps writes the steps of many projects in one transaction
// (the demo and bulk loads), replacing what those projects had; one audit
// entry per plan records the count.
func (db *DB) InsertProjectSteps(ctx context.Context, actor string, planID int64, steps map[int64][]duban.ProjectStep) error {
	err := db.write(ctx, func(t *tx) error {
		var rows [][]any
		var ids []int64
		for node, list := range steps {
			ids = append(ids, node)
			for _, s := range list {
				rows = append(rows, []any{node, string(s.Kind), s.Name, s.Position, dateArg(s.Planned), dateArg(s.Actual), t.now})
			}
		}
		keys := int64Keys(ids)
		for start := 0; start < len(keys); start += lookupChunk {
			chunk := keys[start:min(start+lookupChunk, len(keys))]
			if _, err := t.exec(ctx, "DELETE FROM project_steps WHERE node_id IN ("+placeholders(len(chunk))+")", chunk...); err != nil {
				return err
			}
		}
		if err := t.insertRows(ctx, "project_steps", []string{"node_id", "kind", "name", "position", "planned", "actual", "updated_at"},
			rows, "", nil); err != nil {
			return err
		}
		return t.audit(ctx, actor, "project.steps_load", "plan", planID, nil, map[string]int{"projects": len(ids), "steps": len(rows)})
	})
	return wrap(err, "insert project steps")
}

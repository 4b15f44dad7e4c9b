package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/duban-dev/duban"
)

// EscalateOverdueProblems raises every open problem (of every plan) whose
// deadline passed before today one level with a new deadline, in one
// transaction: each with its audit entry (problem.escalate) and outbox
// message. Problems at duban.MaxProblemLevel stay as they are. It returns
// the escalated problems.
func (db *DB) EscalateOverdueProblems(ctx context.Context, actor *duban.User, today duban.Date) ([]duban.Problem, error) {
	if !supervises(actor) {
		return nil, duban.Errorf(duban.EFORBIDDEN, "只有管理员和督查人员可以升级问题 (only administrators and supervisors escalate problems)")
	}
	escalated := []duban.Problem{}
	err := db.write(ctx, func(t *tx) error {
		due, err := t.overdueProblems(ctx, today)
		if err != nil {
			return err
		}
		for _, before := range due {
			p := before
			if !p.EscalateOverdue(today) {
				continue
			}
			if err := t.saveProblem(ctx, actor, duban.ProblemEscalate, &before, &p, duban.ProblemEscalationNote); err != nil {
				return err
			}
			escalated = append(escalated, p)
		}
		return nil
	})
	if err != nil {
		return nil, wrap(err, "escalate overdue problems")
	}
	return escalated, nil
}

// overdueProblems reads, locking them on PostgreSQL, the open problems
// below the top level whose deadline is before today, oldest first.
func (t *tx) overdueProblems(ctx context.Context, today duban.Date) ([]duban.Problem, error) {
	var list []duban.Problem
	err := t.eachRow(ctx, problemFields+problemFrom+"WHERE p.state <> ? AND p.deadline < ? AND p.level < ? ORDER BY p.id"+t.lockRows("p"),
		[]any{string(duban.ProblemClosed), dateArg(today), duban.MaxProblemLevel}, func(rows *sql.Rows) error {
			p, err := scanProblem(rows)
			list = append(list, p)
			return err
		})
	return list, err
}

// saveProblem writes a problem's step: its row, the audit entry and, for
// the steps that ask someone to act, the outbox message.
func (t *tx) saveProblem(ctx context.Context, actor *duban.User, act duban.ProblemAction, before, p *duban.Problem, text string) error {
	ids, err := t.problemRefs(ctx, p.UnitCode, p.NeedsUnit, p.NeedsLeader)
	if err != nil {
		return err
	}
	p.UpdatedAt = t.now
	_, err = t.exec(ctx, `UPDATE problems SET needs_unit_id = ?, needs_leader_id = ?, deadline = ?, state = ?, level = ?,
		answer = ?, updated_at = ? WHERE id = ?`, nullID(ids[1]), nullID(ids[2]), dateArg(p.Deadline), string(p.State),
		p.Level, p.Answer, t.now, p.ID)
	if err != nil {
		return err
	}
	if err := t.audit(ctx, actor.Username, "problem."+string(act), "problem", p.ID, before, p); err != nil {
		return err
	}
	return t.announceProblem(ctx, string(act), p, actor, text)
}

// problemEvents are the problem steps announced to the webhooks.
var problemEvents = map[string]string{
	"raise": "problem.raised", "assign": "problem.assigned", "answer": "problem.answered", "escalate": "problem.escalated",
}

var problemActionLabels = map[string]string{"raise": "提出", "assign": "交办", "answer": "答复", "escalate": "升级"}

// announceProblem writes the outbox message of a step, naming the actor
// by its display name (an automatic escalation by the jobs' 自动督办, not
// "system"); closing is not announced (nobody has to act on it).
func (t *tx) announceProblem(ctx context.Context, action string, p *duban.Problem, actor *duban.User, text string) error {
	event, ok := problemEvents[action]
	if !ok {
		return nil
	}
	names, err := t.problemNames(ctx, p)
	if err != nil {
		return err
	}
	md := fmt.Sprintf("**事项**：%s\n\n**问题**：%s（%s）\n\n**提出单位**：%s\n\n**需协调**：%s\n\n**解决期限**：%s\n\n**状态**：%s，%s（%s %s）",
		duban.EscapeMarkdown(p.NodeTitle), duban.EscapeMarkdown(p.Title), p.Category.Label(), names[0], names[1],
		p.Deadline, p.State.Label(), p.LevelLabel(), actorName(actor), problemActionLabels[action])
	if text != "" {
		md += "\n\n**说明**：" + duban.EscapeMarkdown(text)
	}
	return t.enqueue(ctx, duban.Message{
		Event: event,
		Title: fmt.Sprintf("问题 #%d：%s（%s）", p.ID, p.Title, problemActionLabels[action]),
		Text:  md,
		URL:   fmt.Sprintf("/plans/%d/problems", p.PlanID),
		Data: map[string]any{"problem_id": p.ID, "plan_id": p.PlanID, "node_id": p.NodeID, "unit_code": p.UnitCode,
			"needs_unit": p.NeedsUnit, "needs_leader": p.NeedsLeader, "deadline": p.Deadline.String(),
			"state": string(p.State), "level": p.Level, "action": action},
	})
}

// actorName is the user's display name without an English gloss, else
// the username.
func actorName(u *duban.User) string {
	name, _, _ := strings.Cut(u.DisplayName, " (")
	return cmp.Or(strings.TrimSpace(name), u.Username)
}

// problemNames is the raising unit's name and the needed unit and leader.
func (t *tx) problemNames(ctx context.Context, p *duban.Problem) ([2]string, error) {
	var out [2]string
	unit := func(code string) (string, error) {
		var name string
		err := t.queryRow(ctx, "SELECT name FROM units WHERE code = ?", code).Scan(&name)
		if isNoRows(err) {
			return code, nil
		}
		return name, err
	}
	var err error
	if out[0], err = unit(p.UnitCode); err != nil {
		return out, err
	}
	var needs []string
	if p.NeedsUnit != "" {
		n, err := unit(p.NeedsUnit)
		if err != nil {
			return out, err
		}
		needs = append(needs, n)
	}
	if p.NeedsLeader != "" {
		var name string
		err := t.queryRow(ctx, "SELECT name FROM people WHERE code = ?", p.NeedsLeader).Scan(&name)
		if err != nil && !isNoRows(err) {
			return out, err
		}
		needs = append(needs, cmp.Or(name, p.NeedsLeader))
	}
	out[1] = strings.Join(needs, "、")
	return out, nil
}

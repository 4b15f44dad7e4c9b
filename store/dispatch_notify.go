package store

import (
	"context"
	"fmt"

	"github.com/duban-dev/duban"
)

// announceDecision tells the webhooks that a dispatch meeting assigned a
// decision to its owner unit (decision.assigned).
func (t *tx) announceDecision(ctx context.Context, d *duban.Decision, actor string) error {
	var owner string
	if err := t.queryRow(ctx, "SELECT name FROM units WHERE code = ?", d.Owner).Scan(&owner); err != nil {
		return err
	}
	md := fmt.Sprintf("**事项**：%s\n\n**调度决定**：%s\n\n**落实单位**：%s\n\n**完成时限**：%s\n\n**调度期次**：%s（%s 记录）",
		duban.EscapeMarkdown(d.NodeTitle), duban.EscapeMarkdown(d.Text), owner, d.Due, d.Period, actor)
	return t.enqueue(ctx, duban.Message{
		Event: "decision.assigned",
		Title: fmt.Sprintf("调度决定 #%d：%s（交%s落实）", d.ID, d.NodeTitle, owner),
		Text:  md,
		URL:   fmt.Sprintf("/plans/%d/dispatch", d.PlanID),
		Data: map[string]any{"decision_id": d.ID, "plan_id": d.PlanID, "node_id": d.NodeID, "problem_id": d.ProblemID,
			"owner": d.Owner, "due": d.Due.String(), "period": d.Period, "mechanism": d.Mechanism},
	})
}

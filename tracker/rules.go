package tracker

import (
	"fmt"
	"slices"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// ReplyDays is how long a unit has to reply to a rule-issued notice.
const ReplyDays = 7

var ruleTriggers = map[status.Status]duban.NoticeTrigger{
	status.Lagging:     duban.TriggerLagging,
	status.Overdue:     duban.TriggerOverdue,
	status.NotReported: duban.TriggerMissing,
}

var ruleActions = map[duban.NoticeTrigger]string{
	duban.TriggerLagging: "请分析滞后原因，制定赶超措施，明确完成时间节点，于反馈期限前书面反馈。",
	duban.TriggerOverdue: "请说明逾期原因，提出整改方案和新的完成时限，于反馈期限前书面反馈。",
	duban.TriggerMissing: "请立即补报进展情况，并说明未按时报送的原因。",
}

// RuleStatuses are the statuses the notice rules act on.
func RuleStatuses() []string {
	out := make([]string, 0, len(ruleTriggers))
	for st := range ruleTriggers {
		out = append(out, string(st))
	}
	slices.Sort(out)
	return out
}

// NoticeCandidates lists the notices the rules call for as of the status
// date: one per indicator that is red, overdue or missing a report, unless
// that indicator already has an open notice (hasOpen).
func (ps *PlanStatus) NoticeCandidates(hasOpen func(indicatorID int64) bool) []duban.NoticeInput {
	var out []duban.NoticeInput
	for _, it := range ps.Items() {
		trigger, ok := ruleTriggers[it.Status]
		if !ok || hasOpen(it.IndicatorID) {
			continue
		}
		out = append(out, duban.NoticeInput{
			PlanID: ps.Plan.ID, NodeID: it.NodeID, IndicatorID: it.IndicatorID,
			Trigger: trigger, Level: duban.LevelRemind,
			Issue:    fmt.Sprintf("「%s」%s：%s", it.NodeTitle, it.Status.Label(), it.Explanation.ZH),
			Action:   ruleActions[trigger],
			ReplyDue: ps.AsOf.AddDays(ReplyDays),
		})
	}
	return out
}

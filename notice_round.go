package duban

import (
	"fmt"
	"strings"
)

// NoticePolicy says how one round of the notice rules groups the items
// that need a notice.
type NoticePolicy string

const (
	// PolicyPerUnit issues one notice per responsible unit and plan in a
	// round, listing all its red, overdue and unreported items: what a
	// supervision office can read. The default.
	PolicyPerUnit NoticePolicy = "unit"
	// PolicyPerItem issues one notice per item.
	PolicyPerItem NoticePolicy = "item"
)

// Valid reports whether the policy is known.
func (p NoticePolicy) Valid() bool { return p == PolicyPerUnit || p == PolicyPerItem }

// RuleRound is one round of the notice rules over the stored statuses.
type RuleRound struct {
	AsOf   Date
	Policy NoticePolicy // PolicyPerUnit when empty
	// ClosedYears includes plans whose period ended before AsOf; by
	// default a closed year gets no more notices.
	ClosedYears bool
}

// RoundResult counts what a round issued.
type RoundResult struct {
	Notices int // notices issued
	Items   int // items they list
}

// RuleItem is an item the rules act on: an indicator whose stored status
// is red, overdue or unreported and that no open notice lists.
type RuleItem struct {
	PlanID, IndicatorID, NodeID, UnitID int64
	UnitCode, UnitName                  string
	NodeTitle, Indicator                string
	Status                              string // lagging, overdue or not_reported
	Progress                            float64
}

// ruleTriggers maps the statuses the rules act on to notice triggers, most
// severe first.
var ruleTriggers = []struct {
	status, label string
	trigger       NoticeTrigger
}{
	{"overdue", "逾期", TriggerOverdue},
	{"lagging", "滞后（红灯）", TriggerLagging},
	{"not_reported", "未报送", TriggerMissing},
}

// RuleStatuses are the stored statuses the notice rules act on.
func RuleStatuses() []string {
	out := make([]string, len(ruleTriggers))
	for i, r := range ruleTriggers {
		out[i] = r.status
	}
	return out
}

// RuleTrigger returns the trigger of a status the rules act on, its rank
// (0 most severe) and label; ok is false for any other status.
func RuleTrigger(status string) (trigger NoticeTrigger, rank int, label string, ok bool) {
	for i, r := range ruleTriggers {
		if r.status == status {
			return r.trigger, i, r.label, true
		}
	}
	return "", 0, "", false
}

// RuleReplyDays is how long a unit has to reply to a rule-issued notice.
const RuleReplyDays = 7

var ruleActions = map[NoticeTrigger]string{
	TriggerLagging: "请分析滞后原因，制定赶超措施，明确完成时间节点，于反馈期限前书面反馈。",
	TriggerOverdue: "请说明逾期原因，提出整改方案和新的完成时限，于反馈期限前书面反馈。",
	TriggerMissing: "请立即补报进展情况，并说明未按时报送的原因。",
}

// RuleNotice is a notice a round issues with the items it lists; items are
// in the order given to GroupRuleItems within each notice.
type RuleNotice struct {
	Notice
	UnitID int64
	Items  []RuleItem
}

// GroupRuleItems turns the items of one round into notices by the policy:
// per item, or per plan and responsible unit listing the unit's items, the
// most severe first. The notice points at its first item's node; a
// per-unit notice names no indicator and takes its first item's trigger.
func GroupRuleItems(policy NoticePolicy, asOf Date, items []RuleItem) []RuleNotice {
	var out []RuleNotice
	index := map[[2]int64]int{}
	for _, it := range items {
		key := [2]int64{it.PlanID, it.UnitID}
		if policy == PolicyPerItem {
			key = [2]int64{it.PlanID, -it.IndicatorID}
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, RuleNotice{UnitID: it.UnitID})
		}
		out[i].Items = append(out[i].Items, it)
	}
	for i := range out {
		sortBySeverity(out[i].Items)
		out[i].Notice = ruleNotice(policy, asOf, out[i].Items)
	}
	return out
}

func sortBySeverity(items []RuleItem) {
	rank := func(it RuleItem) int { _, r, _, _ := RuleTrigger(it.Status); return r }
	for i := 1; i < len(items); i++ { // insertion sort: stable, lists are short
		for j := i; j > 0 && rank(items[j]) < rank(items[j-1]); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

func ruleNotice(policy NoticePolicy, asOf Date, items []RuleItem) Notice {
	first := items[0]
	trigger, _, label, _ := RuleTrigger(first.Status)
	n := Notice{PlanID: first.PlanID, NodeID: first.NodeID, UnitCode: first.UnitCode, Trigger: trigger,
		Level: LevelRemind, State: NoticeIssued, ReplyDue: asOf.AddDays(RuleReplyDays)}
	if policy == PolicyPerItem {
		n.IndicatorID = first.IndicatorID
		n.Issue = fmt.Sprintf("「%s」%s：%s，截至 %s %s", first.NodeTitle, label, first.Indicator, asOf, progress(first))
		n.Action = ruleActions[trigger]
		return n
	}
	n.Issue = unitIssue(asOf, items)
	n.Action = unitAction(items)
	return n
}

func unitIssue(asOf Date, items []RuleItem) string {
	counts := make([]int, len(ruleTriggers))
	for _, it := range items {
		_, r, _, _ := RuleTrigger(it.Status)
		counts[r]++
	}
	var parts []string
	for i, c := range counts {
		if c > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 项", ruleTriggers[i].label, c))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "截至 %s，%s牵头的 %d 项指标需要督办：%s。", asOf, items[0].UnitName, len(items), strings.Join(parts, "，"))
	for i, it := range items {
		_, _, label, _ := RuleTrigger(it.Status)
		fmt.Fprintf(&b, "\n%d.「%s」%s：%s，%s", i+1, it.NodeTitle, it.Indicator, label, progress(it))
	}
	return b.String()
}

func unitAction(items []RuleItem) string {
	seen := map[NoticeTrigger]bool{}
	var parts []string
	for _, it := range items {
		t, _, _, _ := RuleTrigger(it.Status)
		if !seen[t] {
			seen[t] = true
			parts = append(parts, ruleActions[t])
		}
	}
	return "请逐项落实：" + strings.Join(parts, "")
}

func progress(it RuleItem) string {
	if it.Status == "not_reported" {
		return "未报送"
	}
	return fmt.Sprintf("完成 %.0f%%", it.Progress*100)
}

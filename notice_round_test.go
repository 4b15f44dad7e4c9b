package duban

import (
	"strings"
	"testing"
)

func TestGroupRuleItems(t *testing.T) {
	day := MustDate("2021-07-15")
	items := []RuleItem{
		{PlanID: 1, IndicatorID: 11, NodeID: 101, UnitID: 7, UnitCode: "jsj", UnitName: "区建设局", NodeTitle: "道路", Indicator: "里程", Status: "not_reported"},
		{PlanID: 1, IndicatorID: 12, NodeID: 102, UnitID: 7, UnitCode: "jsj", UnitName: "区建设局", NodeTitle: "管网", Indicator: "长度", Status: "overdue", Progress: 0.4},
		{PlanID: 1, IndicatorID: 13, NodeID: 103, UnitID: 8, UnitCode: "fgw", UnitName: "区发改委", NodeTitle: "项目", Indicator: "投资", Status: "lagging", Progress: 0.25},
		{PlanID: 2, IndicatorID: 21, NodeID: 201, UnitID: 7, UnitCode: "jsj", UnitName: "区建设局", NodeTitle: "桥梁", Indicator: "座数", Status: "lagging", Progress: 0.5},
	}
	tests := []struct {
		policy   NoticePolicy
		want     []int // items per notice
		triggers []NoticeTrigger
	}{
		{PolicyPerUnit, []int{2, 1, 1}, []NoticeTrigger{TriggerOverdue, TriggerLagging, TriggerLagging}},
		{PolicyPerItem, []int{1, 1, 1, 1}, []NoticeTrigger{TriggerMissing, TriggerOverdue, TriggerLagging, TriggerLagging}},
	}
	for _, tt := range tests {
		got := GroupRuleItems(tt.policy, day, append([]RuleItem(nil), items...))
		if len(got) != len(tt.want) {
			t.Fatalf("%s: %d notices, want %d", tt.policy, len(got), len(tt.want))
		}
		for i, n := range got {
			if len(n.Items) != tt.want[i] || n.Trigger != tt.triggers[i] || n.ReplyDue != day.AddDays(RuleReplyDays) {
				t.Errorf("%s notice %d: %d items, trigger %s, due %s", tt.policy, i, len(n.Items), n.Trigger, n.ReplyDue)
			}
			if (tt.policy == PolicyPerItem) != (n.IndicatorID != 0) {
				t.Errorf("%s notice %d names indicator %d", tt.policy, i, n.IndicatorID)
			}
		}
	}
	unit := GroupRuleItems(PolicyPerUnit, day, items[:2])[0]
	for _, want := range []string{"区建设局牵头的 2 项指标", "逾期 1 项，未报送 1 项", "1.「管网」长度：逾期，完成 40%", "2.「道路」里程：未报送"} {
		if !strings.Contains(unit.Issue, want) {
			t.Errorf("issue %q lacks %q", unit.Issue, want)
		}
	}
	if unit.NodeID != 102 || !strings.Contains(unit.Action, "逾期") || !strings.Contains(unit.Action, "补报") {
		t.Errorf("per-unit notice points at node %d, action %q", unit.NodeID, unit.Action)
	}
}

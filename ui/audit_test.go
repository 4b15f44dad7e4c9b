package ui

import (
	"encoding/json"
	"testing"

	"github.com/duban-dev/duban"
)

func TestAuditWhat(t *testing.T) {
	change := duban.AuditEntry{Action: "status.change", Entity: "indicator", EntityID: 7,
		Before: json.RawMessage(`{"status":"on_track"}`), After: json.RawMessage(`{"status":"lagging","progress":0.31}`)}
	cases := []struct {
		name, lang string
		entry      duban.AuditEntry
		want       string
	}{
		{"status change", "zh", change, "红黄绿灯变化：正常 → 滞后"},
		{"status change in English", langEN, change, "Status changed: on track → lagging"},
		{"known action", "zh", duban.AuditEntry{Action: "report.approve"}, "审核通过"},
		{"newer action", "zh", duban.AuditEntry{Action: "webhook.update"}, "修改 Webhook 推送"},
		{"unknown action", "zh", duban.AuditEntry{Action: "thing.happen"}, "thing.happen"},
		{"status change without documents", "zh", duban.AuditEntry{Action: "status.change"}, "红黄绿灯变化"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := auditWhat(c.lang, c.entry); got != c.want {
				t.Errorf("auditWhat = %q, want %q", got, c.want)
			}
		})
	}
	if rows := auditRows("zh", []duban.AuditEntry{change}, nil); rows[0].Record != "指标（记录 7）" {
		t.Errorf("record %q, want 指标（记录 7）", rows[0].Record)
	}
}

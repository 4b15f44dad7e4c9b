package ui

// The words of notice levels and states, so English pages translate them.
func init() {
	for k, v := range map[string][2]string{
		"actor.tracker":        {"系统（红黄绿灯判定）", "System (status lights)"},
		"actor.system":         {"系统（自动督办）", "System (automatic supervision)"},
		"unit.kind.government": {"党委政府", "Party committee or government"},
		"unit.kind.department": {"部门", "Department"},
		"unit.kind.street":     {"街道（镇、乡）", "Subdistrict or township"},
		"unit.kind.community":  {"社区（村）", "Community or village"},
		"unit.kind.company":    {"区属企业", "District-owned company"},
		"notice.level.1":       {"提醒", "Reminder"},
		"notice.level.2":       {"督办", "Supervision"},
		"notice.level.3":       {"通报", "Public circular"},
		"notice.level.4":       {"约谈", "Summons to a meeting"},
		"notice.state.issued":  {"已下发", "Issued"},
		"notice.state.signed":  {"已签收", "Signed for"},
		"notice.state.replied": {"已反馈", "Replied"},
		"notice.state.closed":  {"已办结", "Closed"},
	} {
		catalog[k] = v
	}
}

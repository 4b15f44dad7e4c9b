package ui

// The texts of the headline explanation, the wall screen and the phone
// layout, added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"head.how":          {"这个数怎么算的", "How is this computed"},
		"head.part":         {"组成部分", "Part"},
		"head.weight":       {"权重", "Weight"},
		"head.share":        {"占比", "Share"},
		"head.contribution": {"贡献（百分点）", "Contribution (points)"},
		"head.sum":          {"合计", "Total"},
		"head.progress":     {"总体进度", "Overall progress"},
		"head.behind":       {"落后序时进度的部分", "Parts behind schedule"},
		"head.rates":        {"只看灯色的水平类指标", "Rates judged by light only"},
		"screen.updated":    {"数据更新于", "Data updated"},
		"screen.stale":      {"数据刷新失败，显示的是上次的数据", "Refresh failed: showing the last data"},
		"screen.chart":      {"各部分指标状态（项）", "Items by status in each part (count)"},
		"screen.more":       {"另有 %d 项未列出", "%d more not listed"},
		"screen.parts_more": {"另有 %d 个部分未列出", "%d more parts not listed"},
		"screen.links":      {"大屏展示链接", "Wall-screen display links"},
		"screen.links_lead": {"展示链接只能打开本计划的大屏，只读、长期有效，不需要登录；撤销后立即失效。", "A display link opens this plan's wall screen only, read-only and long-lived, without signing in; revoking it ends it at once."},
		"screen.new_link":   {"新建的展示链接", "The new display link"},
		"screen.once":       {"链接只显示这一次，请现在复制到大屏浏览器中。", "The link is shown only this once: copy it to the wall screen's browser now."},
		"screen.label":      {"放置位置", "Where it hangs"},
		"screen.label_hint": {"如 三楼会议室", "e.g. meeting room 3"},
		"screen.create":     {"生成展示链接", "Create a display link"},
		"screen.existing":   {"已有链接", "Links"},
		"screen.created_by": {"创建人", "Created by"},
		"screen.created_at": {"创建时间", "Created at"},
		"screen.revoked":    {"已撤销", "Revoked"},
		"screen.active":     {"有效", "Active"},
		"screen.revoke":     {"撤销", "Revoke"},
		"screen.created":    {"展示链接已生成", "Display link created"},
		"screen.manage":     {"大屏展示链接", "Display links"},
	} {
		catalog[k] = v
	}
}

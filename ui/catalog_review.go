package ui

// The texts of the report form's carried photos, the review card and the
// notice list's filters, added to the catalog.
func init() {
	for k, v := range map[string][2]string{
		"report.carried":       {"上一版的照片", "Photos of the earlier version"},
		"report.carried_hint":  {"更正时这些照片会保留在新版本中，勾选「移除」的除外", "A correction keeps these photos in the new version, except those ticked 'Remove'"},
		"report.remove_photo":  {"移除", "Remove"},
		"review.period_name":   {"报送期", "Period"},
		"review.previous":      {"上次通过的值", "Last approved value"},
		"review.no_previous":   {"尚无通过的报送", "Nothing approved yet"},
		"review.milestones":    {"个节点", "milestones"},
		"review.if_approved":   {"通过后的灯色", "Light if approved"},
		"review.implausible":   {"数值可疑，请先核实再通过：", "Implausible value: check it before approving:"},
		"review.checked":       {"已核实数值无误", "I have checked the value"},
		"notices.filters":      {"筛选督办单", "Filter notices"},
		"notices.state":        {"状态", "State"},
		"notices.overdue_only": {"只看反馈逾期", "Overdue replies only"},
		"notices.overdue":      {"反馈逾期", "Reply overdue"},
		"notices.overdue_days": {"已逾期 %d 天", "%d days overdue"},
		"notices.total":        {"共 %d 份", "%d notices"},
		"notices.print":        {"打印督办单", "Print the notice"},
		"notices.pdf":          {"下载 PDF", "Download PDF"},
	} {
		catalog[k] = v
	}
}

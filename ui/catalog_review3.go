package ui

// The texts added after a screenshot review of the demo: the items outside
// the areas, rate items, the area card's light, the returned report, date
// fields, display links.
func init() {
	for k, v := range map[string][2]string{
		"dash.outside":             {"其他（不属任何领域）", "Outside the areas"},
		"dash.outside_lead":        {"这些事项直接列在计划之下，不属任何领域；总数含这些事项。", "These items sit directly under the plan, in no area; the total counts them."},
		"screen.other":             {"其他（不属以上各部分）", "Not in the parts above"},
		"screen.other_one":         {"%s：%d项，按灯色计入总数", "%s: %d item, counted in the total by its light"},
		"screen.other_many":        {"%s：%d项，按灯色计入总数", "%s: %d items, counted in the total by their lights"},
		"dash.worst_item":          {"最差事项：", "Worst item: "},
		"dash.worst_why":           {"卡片的灯是本领域最差一项的灯；进度对比序时进度见下一行。", "The card's light is its worst item's; progress against schedule is on the next line."},
		"report.return_reason":     {"退回理由：", "Reason for the return: "},
		"report.no_reason":         {"（审核人未写理由）", "(the reviewer gave none)"},
		"report.returned_by":       {"退回人：", "Returned by "},
		"report.already":           {"%s 已报送 %s%s（%s，第 %d 版）；再次提交将作为更正生成新版本，审核通过后替代它。", "%s is already reported as %s %s (%s, version %d); submitting again makes a correction, a new version that replaces it once approved."},
		"review.milestones_n_one":  {"%d 个节点", "%d milestone"},
		"review.milestones_n_many": {"%d 个节点", "%d milestones"},
		"screen.copy":              {"复制链接", "Copy the link"},
		"screen.copied":            {"已复制", "Copied"},
		"screen.copy_failed":       {"无法自动复制，请选中上面的链接手动复制", "Could not copy: select the link above and copy it"},
		"screen.once_note":         {"链接只在创建时显示一次：系统只保存链接的摘要，无法再次显示。找不到链接时，请新建一个并撤销旧的。", "A link is shown only once, when it is created: only a hash of it is kept, so it cannot be shown again. If one is lost, create a new one and revoke the old one."},
		"rate.text":                {"当前 %s，目标%s", "Value %s, target %s"},
		"rate.overdue":             {"截止日期 %s 已过，", "Deadline %s passed; "},
		"rate.value":               {"当前值", "Value"},
		"item.by_milestones":       {"按里程碑", "by milestones"},
	} {
		catalog[k] = v
	}
}

package ui

// The texts saying what each chart measures, in its unit.
func init() {
	for k, v := range map[string][2]string{
		"chart.areas.title":     {"各领域事项状态分布（项）", "Items by status in each area (count)"},
		"chart.areas.axis":      {"事项数（项）", "Items (count)"},
		"chart.ranking.title":   {"各单位完成进度与序时进度（%）", "Each unit's progress against expected (%)"},
		"chart.progress.axis":   {"完成目标的比例（%）", "Share of target reached (%)"},
		"chart.milestones.axis": {"已完成里程碑的比例（%）", "Share of milestones reached (%)"},
		"chart.trend.title":     {"：每月末完成进度与序时进度（%）", ": progress against expected at each month end (%)"},
		"chart.trend.default":   {"默认显示权重最大的累计类事项（数量逐月增长，趋势即进展）。", "By default the cumulative item of the largest weight (a growing count, so its trend is progress)."},
		"chart.score.title":     {"争先排名得分（分）", "Scoreboard score (points)"},
		"chart.score.axis":      {"得分（分）", "Score (points)"},
		"chart.history.title":   {"各期已审核报送值", "Approved value of each period"},
		"chart.history.axis":    {"报送值", "Reported value"},
		"chart.ms.title":        {"各期已完成里程碑（个）", "Milestones reached by each period (count)"},
		"chart.ms.axis":         {"里程碑（个）", "Milestones (count)"},
		"chart.ms.done":         {"已完成", "Reached"},
		"chart.ms.due":          {"应完成", "Due"},
		"chart.none":            {"尚无已审核的报送，暂无图表。", "No approved reports yet, so no chart."},
	} {
		catalog[k] = v
	}
}

package ui

// The texts added after the second screenshot review of the demo (as of
// 2021-07-15): the plan tree's worst-item light, the dashboard's indicator
// deadlines, the wall chart's short name for the items in no area.
func init() {
	for k, v := range map[string][2]string{
		"screen.other_short": {"其他", "Other"},
		"tree.worst_why":     {"节点的灯是其下最差一项的灯；进度对比序时进度见进度条。", "A node's light is its worst item's; progress against schedule is in the bar."},
	} {
		catalog[k] = v
	}
}

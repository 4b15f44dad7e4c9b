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
	} {
		catalog[k] = v
	}
}

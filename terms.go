package duban

// termsEN holds the English of the fixed words the product stores or
// shows in Chinese: project stages (a mechanism's pipeline names them in
// its own words), the default 前期手续, problem categories and states, and
// decision states. English pages show these; a word not listed (a plan's
// own 前期手续 or stage) stays as the plan wrote it.
var termsEN = map[string]string{
	"洽谈": "Negotiating", "谋划": "Planning", "签约": "Signed", "开工": "Started", "在建": "Under construction",
	"竣工": "Completed", "投产": "In operation", "运营": "In operation",
	"立项": "Project approval", "用地": "Land", "规划": "Planning permit", "环评": "Environmental assessment",
	"施工许可": "Construction permit",
	"资金":   "Funds", "审批手续": "Approvals", "征迁": "Demolition and relocation", "水电气暖": "Utilities",
	"规划调整": "Planning change", "其他": "Other",
	"已提出": "Raised", "已交办": "Assigned", "已答复": "Answered", "已解决": "Solved",
	"待落实": "Open", "已落实": "Done",
}

// TermEN is the English of one of the product's fixed Chinese words, or
// the word itself when it has none.
func TermEN(zh string) string {
	if en, ok := termsEN[zh]; ok {
		return en
	}
	return zh
}

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

// unitsEN holds the English of the measuring units plans write after their
// numbers. Counting words (个, 条, 项, 家 …) have none: 12个 reads 12.
var unitsEN = map[string]string{
	"万元": "10k yuan", "亿元": "100 million yuan", "元": "yuan", "万美元": "10k US dollars", "亿美元": "100 million US dollars",
	"个": "", "条": "", "项": "", "家": "", "所": "", "座": "", "处": "", "批": "", "件": "", "份": "", "次": "",
	"公里": "km", "千米": "km", "米": "m", "平方米": "m²", "万平方米": "10k m²", "平方公里": "km²", "亩": "mu",
	"吨": "t", "万吨": "10k t", "人": "people", "万人": "10k people", "人次": "visits", "户": "households",
	"辆": "vehicles", "套": "units", "天": "days", "小时": "hours", "倍": "times", "个百分点": "percentage points",
}

// UnitEN is the English of a unit as a plan writes it: 万元 → "10k yuan",
// 公里 → "km", a counting word such as 个 → "" (the number stands alone);
// a unit not listed stays as written (%, μg/m³).
func UnitEN(zh string) string {
	if en, ok := unitsEN[zh]; ok {
		return en
	}
	return zh
}

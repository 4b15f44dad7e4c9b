package xlsx

import "github.com/duban-dev/duban"

// The plan sheet's columns, in order. Import finds columns by these
// headers, so a user may hide or reorder them but not rename them.
const (
	colCode       = "编号"
	colLevel      = "层级"
	colTitle      = "名称"
	colLead       = "牵头单位"
	colCo         = "配合单位"
	colLeader     = "责任领导"
	colTarget     = "目标值"
	colUnit       = "单位"
	colComparator = "比较"
	colDeadline   = "完成时限"
	colValue      = "当前值"
	colExpected   = "序时进度"
	colProgress   = "完成率"
	colStatus     = "状态"
	colNote       = "说明"
)

var planHeaders = []string{colCode, colLevel, colTitle, colLead, colCo, colLeader, colTarget, colUnit,
	colComparator, colDeadline, colValue, colExpected, colProgress, colStatus, colNote}

var planWidths = []float64{12, 6, 40, 16, 22, 10, 10, 8, 8, 12, 10, 10, 10, 12, 40}

// Sheet names.
const (
	SheetPlan    = "计划"
	SheetHistory = "报送记录"
	SheetInfo    = "说明"
	sheetLists   = "选项"
)

// comparatorWords reads a comparator in words; import accepts the words
// and the symbols.
var comparatorWords = map[duban.Comparator]string{
	duban.AtLeast: "不低于", duban.AtMost: "不高于", duban.Equal: "等于", duban.About: "左右",
}

func parseComparator(s string) (duban.Comparator, bool) {
	if c := duban.Comparator(s); c.Valid() {
		return c, true
	}
	switch s {
	case "≥", "＞＝":
		return duban.AtLeast, true
	case "≤", "＜＝":
		return duban.AtMost, true
	}
	for c, w := range comparatorWords {
		if w == s {
			return c, true
		}
	}
	return "", false
}

// column returns the spreadsheet letter of the 0-based column i.
func column(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func indexOf(headers []string, h string) int {
	for i, v := range headers {
		if v == h {
			return i
		}
	}
	return -1
}

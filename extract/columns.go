package extract

import "strings"

// columnKind is what a column of a task table holds, read from its header
// row (| 序号 | 工作任务 | 年度目标 | 进展情况 | 完成时限 |).
type columnKind int

const (
	columnOther    columnKind = iota
	columnName                // 项目名称, 工作任务: what the row is about
	columnProgress            // 进展情况, 完成情况: what is done so far
)

var columnWords = []struct {
	word string
	kind columnKind
}{
	{"进展", columnProgress}, {"完成情况", columnProgress}, {"进度", columnProgress}, {"推进情况", columnProgress},
	{"项目名称", columnName}, {"工作任务", columnName}, {"任务名称", columnName}, {"名称", columnName}, {"项目", columnName},
}

// cells splits a table row into its cells, without the outer bars.
func cells(t []rune) []string {
	s := strings.Trim(strings.TrimSpace(string(t)), "|")
	return strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '\t' })
}

// headerColumns reads a header row: a row with words and no digits. It
// returns nil for any other row.
func headerColumns(t []rune) []columnKind {
	if !isTableRow(t) || containsAny(t, "0123456789") {
		return nil
	}
	cs := cells(t)
	kinds := make([]columnKind, len(cs))
	words := false
	for i, c := range cs {
		c = strings.TrimSpace(c)
		words = words || strings.Trim(c, "-: ") != ""
		for _, w := range columnWords {
			if strings.Contains(c, w.word) {
				kinds[i] = w.kind
				break
			}
		}
	}
	if !words {
		return nil
	}
	return kinds
}

// cellAt returns the index of the cell of a table row holding pos.
func cellAt(t []rune, pos int) int {
	k := 0
	for i := 0; i < pos && i < len(t); i++ {
		if t[i] == '|' || t[i] == '\t' {
			k++
		}
	}
	if lead := strings.TrimLeft(string(t), " "); strings.HasPrefix(lead, "|") {
		k--
	}
	return k
}

// column returns the kind of the column holding pos, or columnOther.
func (c context) column(t []rune, pos int) columnKind {
	if c.columns == nil || !isTableRow(t) {
		return columnOther
	}
	if k := cellAt(t, pos); k >= 0 && k < len(c.columns) {
		return c.columns[k]
	}
	return columnOther
}

// rowName returns the text of the row's name cell, or "".
func (c context) rowName(t []rune) string {
	for k, kind := range c.columns {
		if kind == columnName {
			if cs := cells(t); k < len(cs) {
				return strings.TrimSpace(cs[k])
			}
		}
	}
	return ""
}

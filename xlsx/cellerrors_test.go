package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// TestImportCellErrors edits one cell per case and expects exactly one
// error naming that row and column.
func TestImportCellErrors(t *testing.T) {
	fx := newFixture(t)
	// An item in the middle of the sheet, with a sibling after it.
	var item duban.Node
	for i, n := range fx.bundle.Nodes[:len(fx.bundle.Nodes)-1] {
		if n.Kind == duban.KindItem && fx.bundle.Nodes[i+1].ParentCode == n.ParentCode {
			item = n
			break
		}
	}
	row := rowOf(t, fx, item.Code)
	depth := depthOf(fx.bundle, item.Code) + 1
	cases := []struct {
		name string
		cell string
		at   int // row of the cell
		val  any
		want string
	}{
		{"bad date", "J", row, "2021-13-45", "完成时限: 不是有效日期 (not a valid date)"},
		{"date before the plan", "J", row, "2020-06-30", "完成时限: 早于开始日期 (deadline before start)"},
		{"target not a number", "G", row, "七点五", "目标值: 不是数字 (not a number)"},
		{"unknown comparator", "I", row, "大约", "比较: 应为 不低于、不高于、等于 或 左右 (want >=, <=, = or ~)"},
		{"level not a number", "B", row, "二", "层级: 应为从 1 起的整数 (want a whole number from 1)"},
		{"level jumps two", "B", row + 1, depth + 2, "层级: 比上一行深了不止一级 (more than one level below the row above)"},
		{"duplicate code", "A", row + 1, item.Code, fmt.Sprintf("编号: 编号 %q 与第%d行重复 (duplicate 编号)", item.Code, row)},
		{"unknown leader", "F", row, "无名氏", "责任领导: 人员 \"无名氏\" 不存在 (unknown person)"},
		{"missing title", "C", row, "", "名称: 必填 (required)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := fx.export(t)
			if err := f.SetCellValue(xlsx.SheetPlan, fmt.Sprintf("%s%d", tc.cell, tc.at), tc.val); err != nil {
				t.Fatal(err)
			}
			_, err := fx.svc.ImportPlan(context.Background(), bytes.NewReader(saveBook(t, f)), true, "test")
			want := []string{fmt.Sprintf("第%d行 %s", tc.at, tc.want)}
			if got := xlsx.Lines(err); !slices.Equal(got, want) {
				t.Fatalf("errors %q, want %q", got, want)
			}
			if msg := duban.ErrorMessage(err); !strings.Contains(msg, "未作任何修改") {
				t.Errorf("message %q does not say nothing was changed", msg)
			}
		})
	}
}

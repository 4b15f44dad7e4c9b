package xlsx_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

func TestExportPlanSheet(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	rows, err := f.GetRows(xlsx.SheetPlan)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"编号", "层级", "名称", "牵头单位", "配合单位", "责任领导", "目标值", "单位", "比较",
		"完成时限", "当前值", "序时进度", "完成率", "状态", "说明"}
	if !slices.Equal(rows[0], want) {
		t.Fatalf("header = %v, want %v", rows[0], want)
	}
	if got := len(rows) - 1; got != len(fx.bundle.Nodes) {
		t.Fatalf("%d node rows, want %d", got, len(fx.bundle.Nodes))
	}
	depth := map[string]int{}
	for i, n := range fx.bundle.Nodes {
		row := i + 2
		if rows[i+1][0] != n.Code {
			t.Fatalf("row %d holds %q, want %q (pre-order)", row, rows[i+1][0], n.Code)
		}
		if n.ParentCode != "" {
			depth[n.Code] = depth[n.ParentCode] + 1
		}
		lvl, err := f.GetRowOutlineLevel(xlsx.SheetPlan, row)
		if err != nil || int(lvl) != min(depth[n.Code], 7) {
			t.Fatalf("row %d outline level %d, want %d", row, lvl, depth[n.Code])
		}
		if rows[i+1][1] != fmt.Sprint(depth[n.Code]+1) {
			t.Fatalf("row %d 层级 %q, want %d", row, rows[i+1][1], depth[n.Code]+1)
		}
	}
	props, err := f.GetSheetProps(xlsx.SheetPlan)
	if err != nil || props.OutlineSummaryBelow == nil || *props.OutlineSummaryBelow {
		t.Errorf("outline summary rows: %v, %v; want parents above their children", props.OutlineSummaryBelow, err)
	}
	panes, err := f.GetPanes(xlsx.SheetPlan)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Fatalf("panes = %+v, %v; want the header row frozen", panes, err)
	}
}

func TestExportValidationsAndFilter(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	dvs, err := f.GetDataValidations(xlsx.SheetPlan)
	if err != nil {
		t.Fatal(err)
	}
	last := len(fx.bundle.Nodes) + 1
	want := map[string]string{
		fmt.Sprintf("D2:D%d", last): "'选项'!$A$1:$A$",
		fmt.Sprintf("I2:I%d", last): "'选项'!$B$1:$B$4",
		fmt.Sprintf("N2:N%d", last): "'选项'!$C$1:$C$7",
	}
	for _, dv := range dvs {
		prefix, ok := want[dv.Sqref]
		if !ok || dv.Type != "list" || !strings.HasPrefix(dv.Formula1, prefix) {
			t.Errorf("validation %s %s %q unexpected", dv.Sqref, dv.Type, dv.Formula1)
		}
		delete(want, dv.Sqref)
	}
	if len(want) > 0 {
		t.Errorf("missing drop-down lists on %v", want)
	}
	units, _ := f.GetCols("选项")
	if len(units) < 3 || len(units[0]) != len(fx.bundle.Units) || !slices.Contains(units[2], "红灯 滞后") {
		t.Errorf("lists sheet = %v", units)
	}
	if vis, _ := f.GetSheetVisible("选项"); vis {
		t.Error("the lists sheet is visible")
	}
	found := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == xlsx.SheetPlan {
			found = strings.HasSuffix(dn.RefersTo, fmt.Sprintf("$A$1:$O$%d", last))
		}
	}
	if !found {
		t.Errorf("no auto filter over A1:O%d: %+v", last, f.GetDefinedName())
	}
}

func TestExportStatusCellsColouredAndWorded(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	rows, _ := f.GetRows(xlsx.SheetPlan)
	fills := map[string]string{"绿灯 正常": "2E7D32", "黄灯 预警": "F9A825", "红灯 滞后": "C62828",
		"逾期": "7F0000", "已完成": "1565C0", "未报送": "EF6C00", "未开始": "9E9E9E"}
	seen := map[string]int{}
	for i, r := range rows[1:] {
		if len(r) < 14 || r[13] == "" {
			continue
		}
		want, ok := fills[r[13]]
		if !ok {
			t.Fatalf("row %d status %q is not one of the worded statuses", i+2, r[13])
		}
		id, _ := f.GetCellStyle(xlsx.SheetPlan, fmt.Sprintf("N%d", i+2))
		st, err := f.GetStyle(id)
		if err != nil || len(st.Fill.Color) == 0 || !strings.EqualFold(st.Fill.Color[0], want) {
			t.Fatalf("row %d status %q fill = %+v, want %s", i+2, r[13], st.Fill, want)
		}
		seen[r[13]]++
	}
	for _, s := range []string{"绿灯 正常", "红灯 滞后", "已完成"} {
		if seen[s] == 0 {
			t.Errorf("no %s row in the demo export: %v", s, seen)
		}
	}
}

func TestExportAreaAndHistorySheets(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.export(t)
	var areas []duban.Node
	for _, n := range fx.bundle.Nodes {
		if n.Kind == duban.KindArea {
			areas = append(areas, n)
		}
	}
	sheets := f.GetSheetList()
	for _, a := range areas {
		if !slices.Contains(sheets, a.Title) {
			t.Errorf("no sheet for area %s in %v", a.Title, sheets)
			continue
		}
		rows, _ := f.GetRows(a.Title)
		if len(rows) < 2 || rows[1][0] != a.Code {
			t.Errorf("area sheet %s does not start with its area", a.Title)
		}
	}
	hist, err := f.GetRows(xlsx.SheetHistory)
	if err != nil {
		t.Fatal(err)
	}
	reps, total, err := fx.db.ListReportsFiltered(t.Context(), duban.ReportFilter{PlanID: fx.planID, Page: duban.Page{PerPage: 1}.Normalize()})
	if err != nil || len(reps) == 0 {
		t.Fatal(err)
	}
	if len(hist)-1 != total || hist[0][0] != "指标编号" {
		t.Errorf("history has %d rows, want %d", len(hist)-1, total)
	}
}

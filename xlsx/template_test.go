package xlsx_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/xlsx"
)

// monthlyUnit picks a unit leading at least two monthly cumulative
// indicators, and returns the codes of all indicators it must report in
// July 2021.
func monthlyUnit(t *testing.T, fx *fixture) (string, []string) {
	t.Helper()
	lead := map[string]string{}
	for _, n := range fx.bundle.Nodes {
		lead[n.Code] = n.LeadUnit
	}
	monthly, due := map[string]int{}, map[string][]string{}
	for _, in := range fx.bundle.Indicators {
		u := lead[in.NodeCode]
		switch in.Cadence {
		case duban.Monthly:
			due[u] = append(due[u], in.Code)
			if in.Kind == duban.Cumulative {
				monthly[u]++
			}
		case duban.Weekly:
			for range 4 { // weeks 2021-W26 … W29 end in July; W30 ends on 1 August
				due[u] = append(due[u], in.Code)
			}
		}
	}
	for _, u := range fx.bundle.Units {
		if monthly[u.Code] >= 2 {
			return u.Code, due[u.Code]
		}
	}
	t.Fatal("no unit with two monthly cumulative indicators")
	return "", nil
}

func (fx *fixture) template(t *testing.T, unit, period string) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := fx.svc.ReportTemplate(context.Background(), &buf, unit, period); err != nil {
		t.Fatalf("ReportTemplate: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestReportTemplate(t *testing.T) {
	fx := newFixture(t)
	unit, due := monthlyUnit(t, fx)
	f := fx.template(t, unit, "2021-07")
	rows, err := f.GetRows(xlsx.SheetTemplate)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"指标ID", "指标编号", "事项", "指标名称", "目标值", "单位", "报送期", "上期审核值", "本期值", "进展说明", "完成投资（万元）", "形象进度"}
	if !slices.Equal(rows[0], want) {
		t.Fatalf("header %v", rows[0])
	}
	var codes []string
	for _, r := range rows[1:] {
		codes = append(codes, r[1])
	}
	slices.Sort(codes)
	slices.Sort(due)
	if !slices.Equal(codes, due) {
		t.Fatalf("template lists %v, want %v", codes, due)
	}
	prevSeen := false
	for i, r := range rows[1:] {
		if len(r) > 7 && r[7] != "" {
			prevSeen = true
		}
		locked := lockedAt(t, f, fmt.Sprintf("H%d", i+2))
		open := lockedAt(t, f, fmt.Sprintf("I%d", i+2))
		if !locked || open {
			t.Fatalf("row %d: H locked %v, I locked %v; want descriptive columns locked and inputs open", i+2, locked, open)
		}
	}
	if !prevSeen {
		t.Error("no row shows the previous approved value")
	}
	if prot, err := f.GetSheetProtection(xlsx.SheetTemplate); err != nil || !prot.SelectUnlockedCells || !prot.AutoFilter {
		t.Errorf("template sheet protection = %+v, %v; want protected, inputs selectable", prot, err)
	}
	dvs, _ := f.GetDataValidations(xlsx.SheetTemplate)
	onValue := 0
	for _, dv := range dvs {
		if dv.Sqref[0] == 'I' && (dv.Type == "decimal" || dv.Type == "whole") {
			onValue++
		}
	}
	if onValue != len(rows)-1 {
		t.Errorf("%d value validations for %d rows", onValue, len(rows)-1)
	}
}

func lockedAt(t *testing.T, f *excelize.File, cell string) bool {
	t.Helper()
	id, err := f.GetCellStyle(xlsx.SheetTemplate, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Protection == nil || st.Protection.Locked
}

// fillMonthly fills every monthly cumulative row with its previous value
// plus one and returns how many it filled.
func fillMonthly(t *testing.T, f *excelize.File, fx *fixture, bump float64) []int {
	t.Helper()
	kinds := map[string]duban.IndicatorKind{}
	for _, in := range fx.bundle.Indicators {
		kinds[in.Code] = in.Kind
	}
	rows, _ := f.GetRows(xlsx.SheetTemplate)
	var filled []int
	for i, r := range rows[1:] {
		if kinds[r[1]] != duban.Cumulative || len(r[6]) != 7 {
			continue
		}
		prev, _ := strconv.ParseFloat(r[7], 64)
		row := i + 2
		must(t, f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", row), prev+bump))
		must(t, f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("J%d", row), "按计划推进"))
		filled = append(filled, row)
	}
	return filled
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUploadSubmitsReports(t *testing.T) {
	forEachEngine(t, testUploadSubmits)
}

func testUploadSubmits(t *testing.T, fx *fixture) {
	unit, _ := monthlyUnit(t, fx)
	f := fx.template(t, unit, "2021-07")
	filled := fillMonthly(t, f, fx, 1)
	ctx := context.Background()
	reps, err := fx.svc.UploadReports(ctx, bytes.NewReader(saveBook(t, f)), fx.user(t, unit), asOf)
	if err != nil {
		t.Fatalf("UploadReports: %v", err)
	}
	if len(reps) != len(filled) {
		t.Fatalf("%d reports for %d filled rows", len(reps), len(filled))
	}
	for _, r := range reps {
		if r.State != duban.Submitted || r.UnitCode != unit || r.Period != "2021-07" || r.Note != "按计划推进" || r.SubmittedBy != unit {
			t.Errorf("report %+v", r)
		}
	}
	list, _, err := fx.db.ListReportsFiltered(ctx, duban.ReportFilter{UnitCode: unit, State: duban.Submitted, Page: duban.Page{}.Normalize()})
	if err != nil {
		t.Fatal(err)
	}
	stored := 0
	for _, r := range list {
		if r.Period == "2021-07" && r.SubmittedBy == unit {
			stored++
		}
	}
	if stored != len(filled) {
		t.Errorf("%d stored submitted reports, want %d", stored, len(filled))
	}
}

func TestUploadRowErrors(t *testing.T) {
	fx := newFixture(t)
	unit, _ := monthlyUnit(t, fx)
	ctx := context.Background()
	cases := []struct {
		name  string
		user  string
		edit  func(f *excelize.File, rows []int)
		code  string
		lines func(rows []int) []string
	}{
		{"negative count", unit, func(f *excelize.File, rows []int) {
			must(t, f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", rows[1]), -5))
		}, duban.EINVALID, func(rows []int) []string {
			return []string{fmt.Sprintf("第%d行 本期值: 累计数不能为负 (a cumulative count must not be negative)", rows[1])}
		}},
		{"not a number and bad stage", unit, func(f *excelize.File, rows []int) {
			must(t, f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("I%d", rows[0]), "三十"))
			must(t, f.SetCellValue(xlsx.SheetTemplate, fmt.Sprintf("L%d", rows[1]), "快完了"))
		}, duban.EINVALID, func(rows []int) []string {
			return []string{fmt.Sprintf("第%d行 本期值: 不是数字 (not a number)", rows[0]),
				fmt.Sprintf("第%d行 形象进度: 应为 谋划、签约、开工、在建、竣工 或 投产 (unknown stage)", rows[1])}
		}},
		{"another unit's reporter", "jyj", func(*excelize.File, []int) {}, duban.EFORBIDDEN, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := fx.template(t, unit, "2021-07")
			rows := fillMonthly(t, f, fx, 2)
			tc.edit(f, rows)
			_, totalBefore, _ := fx.db.ListReportsFiltered(ctx, duban.ReportFilter{PlanID: fx.planID, Page: duban.Page{PerPage: 1}.Normalize()})
			_, err := fx.svc.UploadReports(ctx, bytes.NewReader(saveBook(t, f)), fx.user(t, tc.user), asOf)
			if duban.ErrorCode(err) != tc.code {
				t.Fatalf("err = %v, want %s", err, tc.code)
			}
			if tc.lines != nil {
				got := xlsx.Lines(err)
				if !slices.Equal(got, tc.lines(rows)) {
					t.Errorf("errors %q, want %q", got, tc.lines(rows))
				}
			}
			_, totalAfter, _ := fx.db.ListReportsFiltered(ctx, duban.ReportFilter{PlanID: fx.planID, Page: duban.Page{PerPage: 1}.Normalize()})
			if totalAfter != totalBefore {
				t.Errorf("reports %d → %d; want nothing written", totalBefore, totalAfter)
			}
		})
	}
}

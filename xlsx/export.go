package xlsx

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// PlanBook is what a plan workbook shows: the plan as imported, its status
// as of a date (Rows from tracker.PlanStatus.NodeRows, nil for no status)
// and its report history.
type PlanBook struct {
	Bundle  *duban.Bundle
	Rows    []tracker.NodeRow
	AsOf    duban.Date
	Reports []duban.Report
}

// WritePlan writes the plan workbook: 计划 (every node), one sheet per area
// (its subtree), 报送记录 (the report history), 说明 (which plan, as of
// when) and a hidden 选项 sheet holding the drop-down lists.
func WritePlan(w io.Writer, pb PlanBook) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	nm := newNames(pb.Bundle)
	rows := planRows(pb, nm)
	if err := writeLists(f, nm); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", SheetPlan); err != nil {
		return err
	}
	if err := printSetup(f, SheetPlan, 1); err != nil {
		return err
	}
	if err := writeNodeSheet(f, st, SheetPlan, rows, len(nm.unitList)); err != nil {
		return err
	}
	for _, area := range areaSheets(rows) {
		if _, err := f.NewSheet(area.name); err != nil {
			return err
		}
		if err := printSetup(f, area.name, 1); err != nil {
			return err
		}
		if err := writeNodeSheet(f, st, area.name, area.rows, len(nm.unitList)); err != nil {
			return err
		}
	}
	if err := writeHistory(f, st, pb, nm); err != nil {
		return err
	}
	if err := writeInfo(f, st, pb); err != nil {
		return err
	}
	// 计划 is the first sheet and so the active one; SetActiveSheet would
	// parse every streamed sheet back into memory.
	_, err = f.WriteTo(w)
	return err
}

// nodeRow is one node as the sheet shows it.
type nodeRow struct {
	code  string
	depth int // 0 for a root
	area  string
	cells []any
}

func planRows(pb PlanBook, nm *names) []nodeRow {
	status := map[string]*tracker.NodeRow{}
	for i := range pb.Rows {
		status[pb.Rows[i].Code] = &pb.Rows[i]
	}
	first := map[string]*duban.Indicator{}
	for i := range pb.Bundle.Indicators {
		in := &pb.Bundle.Indicators[i]
		if first[in.NodeCode] == nil {
			first[in.NodeCode] = in
		}
	}
	depth, area := map[string]int{}, map[string]string{}
	out := make([]nodeRow, 0, len(pb.Bundle.Nodes))
	for _, n := range pb.Bundle.Nodes {
		r := nodeRow{code: n.Code}
		if n.ParentCode != "" {
			r.depth, r.area = depth[n.ParentCode]+1, area[n.ParentCode]
		}
		if n.Kind == duban.KindArea {
			r.area = n.Code
		}
		depth[n.Code], area[n.Code] = r.depth, r.area
		r.cells = nodeCells(&n, r.depth, first[n.Code], status[n.Code], nm)
		out = append(out, r)
	}
	return out
}

func nodeCells(n *duban.Node, depth int, ind *duban.Indicator, row *tracker.NodeRow, nm *names) []any {
	c := make([]any, len(planHeaders))
	c[0], c[1], c[2] = n.Code, depth+1, n.Title
	c[3], c[4], c[5] = nm.unitLabel[n.LeadUnit], nm.units(n.CoUnits), nm.personLabel[n.Leader]
	if ind != nil {
		if ind.Target != nil {
			c[6] = *ind.Target
		}
		c[7], c[8] = ind.Unit, comparatorWords[ind.Comparator]
	}
	if !n.Deadline.IsZero() {
		c[9] = n.Deadline.Time()
	}
	if row != nil && row.Rollup.Items > 0 {
		c[11], c[12], c[13] = row.Rollup.Expected, row.Rollup.Progress, row.Status
		if len(row.Items) > 0 {
			it := row.Items[0]
			if it.Value != nil {
				c[10] = *it.Value
			}
			c[11], c[12], c[13] = it.Expected, it.Actual, it.Status
		}
	}
	c[14] = n.Description
	return c
}

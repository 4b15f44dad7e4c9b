package synth

import (
	"fmt"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/tracker"
)

// reports writes every indicator's monthly cumulative reports: each
// indicator keeps its own pace, most reports are approved, and of the last
// month some are still submitted and a few were returned.
func (x *district) reports() {
	for i, ind := range x.part.Indicators {
		pace := 0.55 + 0.7*x.rng.Float64() // share of the target reached by December
		unit := UnitCode(x.d, TaskUnit(i/IndicatorsPerTask))
		for m := 1; m <= x.c.Months; m++ {
			value := float64(int(*ind.Target*pace*float64(m)/12 + 0.5))
			x.part.Reports = append(x.part.Reports, x.report(ind, unit, m, value, m == x.c.Months))
		}
	}
}

func (x *district) report(ind duban.Indicator, unit string, month int, value float64, last bool) duban.Report {
	at := time.Date(Year, time.Month(month+1), 3, 9, 0, 0, 0, time.UTC)
	reviewed := at.Add(24 * time.Hour)
	r := duban.Report{PlanID: ind.PlanID, IndicatorID: ind.ID, UnitCode: unit, Version: 1,
		Period: fmt.Sprintf("%d-%02d", Year, month), Value: &value, State: duban.Approved,
		SubmittedBy: unit, SubmittedAt: at, ReviewedBy: SupervisorUsername, ReviewedAt: &reviewed}
	if last {
		switch roll := x.rng.IntN(100); {
		case roll < 10:
			r.State, r.ReviewedBy, r.ReviewedAt = duban.Submitted, "", nil
		case roll < 15:
			r.State, r.ReturnReason = duban.Returned, "数据与佐证材料不一致，请核实后重报"
		}
	}
	return r
}

// notices issues one supervision notice per 50 indicators on evenly spread
// indicators; half are signed.
func (x *district) notices() {
	n := x.c.NoticesPerDistrict()
	step := max(1, x.c.Items/n)
	for k := 0; k < n; k++ {
		i := min(k*step, x.c.Items-1)
		ind := x.part.Indicators[i]
		state := duban.NoticeIssued
		if k%2 == 1 {
			state = duban.NoticeSigned
		}
		at := x.c.AsOf().Time().Add(9 * time.Hour)
		x.part.Notices = append(x.part.Notices, duban.Notice{ID: int64(x.d*n+k) + 1, PlanID: ind.PlanID, Year: Year,
			Seq: k + 1, NodeID: ind.NodeID, IndicatorID: ind.ID, UnitCode: UnitCode(x.d, TaskUnit(i/IndicatorsPerTask)),
			Trigger: duban.TriggerLagging, Level: duban.LevelRemind, State: state,
			Issue:  fmt.Sprintf("「%s」进度滞后于序时进度", ind.Name),
			Action: "请分析滞后原因，制定赶超措施，于反馈期限前书面反馈。", ReplyDue: x.c.AsOf().AddDays(7),
			CreatedBy: SupervisorUsername, CreatedAt: at, UpdatedAt: at})
	}
}

// statuses evaluates the plan as the tracker would and keeps each
// indicator's status with its province and area.
func (x *district) statuses() error {
	snap := &duban.Snapshot{Plan: x.part.Plans[0], Nodes: x.part.Nodes, Indicators: x.part.Indicators}
	for _, r := range x.part.Reports {
		if r.State == duban.Approved || r.State == duban.Submitted {
			snap.Reports = append(snap.Reports, r)
		}
	}
	asOf := x.c.AsOf()
	ps, err := tracker.Evaluate(snap, asOf)
	if err != nil {
		return err
	}
	x.part.Statuses = ps.StatusRows()
	return nil
}

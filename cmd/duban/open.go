package main

import (
	"context"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
)

// openExisting opens the database of a command that needs one already made
// (export, report, rollup, bulletin, jobs, user set/list): where there is
// none it says how to make one instead of leaving an empty file behind.
func openExisting(ctx context.Context, dsn string) (*store.DB, error) {
	if f := store.MissingFile(dsn); f != "" {
		return nil, duban.Errorf(duban.ENOTFOUND,
			"数据库文件 %s 不存在：请用 --db 指定已有的数据库，或先运行 duban demo、duban migrate 或 duban plan import 建库 (no database at %s: name one with --db, or create it first)", f, f)
	}
	return store.Open(ctx, dsn)
}

// planAsOf is the day a command without --as-of judges a plan: today, or
// the plan's last day when its year is over (a 2021 plan read in 2026 is
// judged as it ended, not as five years overdue).
func planAsOf(p *duban.Plan, today duban.Date) duban.Date {
	if !p.PeriodEnd.IsZero() && p.PeriodEnd.Before(today) {
		return p.PeriodEnd
	}
	return today
}

// latestPlanEnd is planAsOf over every plan: today, or the last day of the
// latest year's plan when every plan has ended.
func latestPlanEnd(ctx context.Context, db *store.DB, today duban.Date) (duban.Date, error) {
	list, _, err := db.ListPlans(ctx, duban.PlanFilter{Page: duban.Page{PerPage: duban.MaxPerPage}.Normalize()})
	if err != nil || len(list) == 0 {
		return today, err
	}
	latest := list[0]
	for _, p := range list[1:] {
		if p.Year > latest.Year {
			latest = p
		}
	}
	p, err := db.FindPlan(ctx, latest.ID)
	if err != nil {
		return today, err
	}
	return planAsOf(p, today), nil
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/bulletin"
	"github.com/duban-dev/duban/demo"
	"github.com/duban-dev/duban/projects"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
)

// Registered here rather than in the commands literal, whose alignment
// gofmt would otherwise rewrite for the longer name.
func init() { commands["bulletin"] = runBulletin }

// cliActor issues bulletins from the command line, scheduleActor on the
// plans' schedules.
var (
	cliActor      = &duban.User{Username: "duban-cli", DisplayName: "命令行", Role: duban.RoleAdmin}
	scheduleActor = &duban.User{Username: "duban-schedule", DisplayName: "定期通报", Role: duban.RoleAdmin}
)

// issueDemoBulletins lets the supervision office issue the bulletins the
// demo plan's schedule calls for by the demo's day (June's, on 15 July).
func issueDemoBulletins(ctx context.Context, db *store.DB, asOf duban.Date) error {
	supervisor, err := db.FindUserByUsername(ctx, demo.SupervisorUsername)
	if err != nil {
		return err
	}
	_, err = bulletinService(db).IssueDue(ctx, supervisor, demoClock(asOf)())
	return err
}

// runBulletinSchedule issues the bulletins the plans' schedules call for,
// at start and then every interval, until ctx ends. Each round evaluates
// afresh, so no cached status outlives it.
func runBulletinSchedule(ctx context.Context, db *store.DB, log *slog.Logger, interval time.Duration, now func() time.Time) {
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		svc := bulletinService(db)
		issued, err := svc.IssueDue(ctx, scheduleActor, now())
		for _, b := range issued {
			log.Info("bulletin issued on schedule", "plan", b.PlanID, "period", b.Period, "number", b.Number)
		}
		if err != nil {
			log.Error("scheduled bulletin failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

type bulletinOptions struct {
	db, plan, period, format, out string
	asOf                          duban.Date
	issue, force                  bool
}

// runBulletin renders a plan's bulletin on a period: the stored one when
// it has been issued, else a preview built now; --issue stores (numbers,
// audits and announces) it first.
func runBulletin(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseBulletinFlags(args, stderr)
	if err != nil {
		return err
	}
	db, err := openExisting(ctx, o.db)
	if err != nil {
		return err
	}
	defer db.Close()
	planID, err := resolvePlan(ctx, db, o.plan)
	if err != nil {
		return err
	}
	started := time.Now()
	d, err := bulletinData(ctx, bulletin.NewService(db, tracker.NewService(db)), db, planID, o)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := bulletin.Render(ctx, &buf, o.format, d); err != nil {
		return err
	}
	if err := writeOut(o.out, buf.Bytes(), stdout); err != nil {
		return err
	}
	if o.out != "" && o.out != "-" {
		fmt.Fprintf(stderr, "%s %s → %s (%d 字节, %d ms)\n", d.Number, d.Title(), o.out, buf.Len(), time.Since(started).Milliseconds())
	}
	if o.format == "pdf" {
		fmt.Fprintln(stderr, bulletin.FontReport(bulletin.PDFFaces(buf.Bytes())))
	}
	return nil
}

func bulletinData(ctx context.Context, svc *bulletin.Service, db *store.DB, planID int64, o bulletinOptions) (*bulletin.Data, error) {
	if o.issue {
		asOf, err := bulletin.IssueAsOf(o.period, o.asOf, duban.DateOf(time.Now()), o.force)
		if err != nil {
			return nil, err
		}
		_, d, err := svc.Create(ctx, cliActor, planID, o.period, asOf)
		return d, err
	}
	list, err := db.ListBulletins(ctx, planID)
	if err != nil {
		return nil, err
	}
	for _, b := range list {
		if b.Period == o.period {
			_, d, err := svc.Load(ctx, b.ID)
			return d, err
		}
	}
	d, err := svc.Prepare(ctx, planID, o.period, o.asOf)
	if err != nil {
		return nil, err
	}
	d.Preview(duban.DateOf(time.Now()))
	return d, nil
}

func parseBulletinFlags(args []string, stderr io.Writer) (bulletinOptions, error) {
	fs, dsn := newFlags("bulletin", stderr)
	var o bulletinOptions
	fs.StringVar(&o.plan, "plan", "", "计划编号或代码 (plan id or code)")
	fs.StringVar(&o.period, "period", "", "通报期，如 2021-06 或 2021-Q2 (period)")
	fs.StringVar(&o.format, "format", "html", "html、pdf、docx 或 xlsx")
	fs.StringVar(&o.out, "out", "-", "输出文件，- 为标准输出 (output file)")
	asOf := fs.String("as-of", "", "数据截至日期，缺省为通报期末 (as-of date; default the period's end)")
	fs.BoolVar(&o.issue, "issue", false, "编号、存档并通知 (number, store and announce the bulletin)")
	fs.BoolVar(&o.force, "force", false, "通报期尚未结束时仍然发布 (issue on a period not yet ended)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.db = *dsn
	if _, err := bulletin.ParsePeriod(o.period); err != nil {
		return o, err
	}
	if *asOf != "" {
		d, err := duban.ParseDate(*asOf)
		if err != nil {
			return o, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "as-of", Message: "不是有效日期，应为 YYYY-MM-DD (not a valid date)"})
		}
		o.asOf = d
	}
	if _, ok := bulletin.Formats[o.format]; !ok {
		return o, duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "format", Message: "须为 html、pdf、docx 或 xlsx (want html, pdf, docx or xlsx)"})
	}
	return o, nil
}

func writeOut(path string, data []byte, stdout io.Writer) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// bulletinService builds bulletins with the open problems and the
// forecast of the plans' projects.
func bulletinService(db *store.DB) *bulletin.Service {
	tr := tracker.NewService(db)
	return bulletin.NewService(db, tr).WithProjects(projects.NewService(db, tr))
}

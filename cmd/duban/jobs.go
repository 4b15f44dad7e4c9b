package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/jobs"
	"github.com/duban-dev/duban/store"
)

// noticeFlags are the notice-rule settings serve and jobs share.
type noticeFlags struct {
	policy      *string
	closedYears *bool
}

func addNoticeFlags(fs *flag.FlagSet) noticeFlags {
	return noticeFlags{
		policy: fs.String("notice-policy", string(duban.PolicyPerUnit),
			"自动督办单：unit 每个责任单位每轮一单，item 每个事项一单 (unit: one notice per unit and round; item: one per item)"),
		closedYears: fs.Bool("notice-closed-years", false, "对年度已结束的计划也下发督办单 (also issue notices for plans whose year has ended)"),
	}
}

func (f noticeFlags) config() (jobs.Config, error) {
	p := duban.NoticePolicy(*f.policy)
	if !p.Valid() {
		return jobs.Config{}, duban.Invalid("督办方式有误 (invalid notice policy)",
			duban.FieldError{Field: "notice-policy", Message: "须为 unit 或 item (want unit or item)"})
	}
	return jobs.Config{Policy: p, ClosedYears: *f.closedYears}, nil
}

// runJobs runs the periodic jobs once, as serve does every hour, and says
// what they did and how long they took: for cron, and to measure them.
func runJobs(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("jobs", stderr)
	today := fs.String("today", "", "按此日期运行 YYYY-MM-DD，默认今天 (run as of this day; default today)")
	notices := addNoticeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := notices.config()
	if err != nil {
		return err
	}
	day, err := dateFlag("today", *today)
	if err != nil {
		return err
	}
	db, err := openExisting(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	now := day.Time().Add(9 * time.Hour)
	db.Now = func() time.Time { return now }
	fill(&cfg, db, slog.New(slog.NewTextHandler(stderr, nil)), db.Now)
	started := time.Now()
	res, err := jobs.New(cfg).RunOnce(ctx)
	fmt.Fprintf(stdout, "%s: 升级 (escalated) %d, 问题升级 (problems escalated) %d, 刷新计划 (plans refreshed) %d, 重新判定 (re-judged) %d 项 (整体判定 (whole) %d 个计划, %.2f s), 下发督办单 (notices issued) %d 列 (listing) %d 项, 清理会话 (sessions removed) %d, skipped %v — %.2f s\n",
		day, res.Escalated, res.ProblemsEscalated, res.Refreshed, res.Rejudged, res.Whole, res.RefreshTime.Seconds(), res.Issued, res.Listed, res.SessionsRemoved, res.Skipped, time.Since(started).Seconds())
	return err
}

// fill wires a job configuration to the store: every service, the leader
// lock included.
func fill(cfg *jobs.Config, db *store.DB, logger *slog.Logger, now func() time.Time) {
	cfg.Notices, cfg.Rules, cfg.Sessions, cfg.Statuses, cfg.Leader = db, db, db, db, db
	cfg.Problems = db
	cfg.Logger, cfg.Now = logger, now
}

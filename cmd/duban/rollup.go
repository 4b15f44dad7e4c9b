package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"time"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/store"
	"github.com/duban-dev/duban/tracker"
	"github.com/duban-dev/duban/web"
)

// statusAdvanceCheck is how often the server looks whether the day has
// changed since it last moved the stored statuses to it.
const statusAdvanceCheck = time.Minute

// refreshStatuses runs until ctx ends: at start and whenever the server's
// day changes it moves every stored plan to the day (store.AdvanceStatuses:
// only indicators whose next change falls due are judged again), on one
// server at a time (the "statuses" leader lock); a server that finds the
// lock taken asks again at the next check and then finds nothing to move.
// Reports update the stored statuses in their own transactions, so nothing
// else is left to refresh.
func refreshStatuses(ctx context.Context, srv *web.Server, db *store.DB, log *slog.Logger) {
	tick := time.NewTicker(statusAdvanceCheck)
	defer tick.Stop()
	var done duban.Date
	for {
		if day := srv.Today(); day != done && advanceAsLeader(ctx, srv.Tracker(), db, day, log) {
			done = day
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// advanceAsLeader moves the stored statuses to day when this server takes
// the lock, and says whether it did.
func advanceAsLeader(ctx context.Context, tr *tracker.Service, db *store.DB, day duban.Date, log *slog.Logger) bool {
	release, ok, err := db.TryLead(ctx, "statuses")
	if err != nil || !ok {
		if err != nil && ctx.Err() == nil {
			log.Error("leader lock", "job", "statuses", "err", err)
		}
		return false
	}
	defer release()
	started := time.Now()
	adv, err := db.AdvanceStatuses(ctx, day, "jobs")
	if err != nil {
		log.Error("advance statuses", "err", err)
		return false
	}
	log.Info("advance statuses", "day", day, "plans", adv.Plans, "rejudged", adv.Rejudged,
		"rebuilt", adv.Rebuilt, "took", time.Since(started).Round(time.Millisecond))
	warmPages(ctx, tr, db, day, log)
	return true
}

// warmPages builds the stored dashboard and tree of every plan whose pages
// are missing or older than its state, so that no reader on any server
// meets a cold plan after the daily move (which changes every plan's
// version); a change later in the day leaves the rebuild to its next
// reader.
func warmPages(ctx context.Context, tr *tracker.Service, db *store.DB, day duban.Date, log *slog.Logger) {
	started, n := time.Now(), 0
	for _, page := range []string{tracker.PageDashboard, tracker.PageTree} {
		ids, err := db.PlansWithStalePages(ctx, day, page)
		if err != nil {
			log.Error("warm pages", "page", page, "err", err)
			return
		}
		for _, id := range ids {
			if ctx.Err() != nil {
				return
			}
			if err := tr.WarmPage(ctx, id, day, page); err != nil {
				log.Error("warm page", "page", page, "plan", id, "err", err)
				continue
			}
			n++
		}
	}
	log.Info("warm pages", "day", day, "pages", n, "took", time.Since(started).Round(time.Millisecond))
}

// runRollup prints the national rollup, optionally re-evaluating every
// plan first.
func runRollup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, dsn := newFlags("rollup", stderr)
	by := fs.String("by", "province", "按省 province 或领域 area 汇总 (group by province or area)")
	asOfFlag := fs.String("as-of", "", "只统计该日评估的状态 (only statuses evaluated as of YYYY-MM-DD)")
	refresh := fs.Bool("refresh", false, "先按 --as-of（缺省今天，所有计划都已结束则为最后一个计划的末日）重新评估所有计划 (re-evaluate every plan as of --as-of first; default today, or the latest plan's end once all are over)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var asOf duban.Date
	if *asOfFlag != "" {
		var err error
		if asOf, err = duban.ParseDate(*asOfFlag); err != nil {
			return duban.Invalid("参数有误 (bad flag)", duban.FieldError{Field: "as-of", Message: err.Error()})
		}
	}
	db, err := openExisting(ctx, *dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	if *refresh {
		if err := refreshAll(ctx, db, asOf, stdout); err != nil {
			return err
		}
	}
	started := time.Now()
	groups, err := db.Rollup(ctx, duban.RollupBy(*by), asOf)
	if err != nil {
		return err
	}
	printRollup(stdout, groups, time.Since(started))
	return nil
}

// refreshAll judges every plan anew as of the day and replaces its stored
// state.
func refreshAll(ctx context.Context, db *store.DB, asOf duban.Date, stdout io.Writer) error {
	if asOf.IsZero() {
		var err error
		if asOf, err = latestPlanEnd(ctx, db, duban.DateOf(time.Now())); err != nil {
			return err
		}
	}
	started := time.Now()
	n, err := db.RebuildStatuses(ctx, asOf, "duban-cli")
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "已重新评估 (re-evaluated) %d 个计划 (plans) as of %s in %.1f s\n", n, asOf, time.Since(started).Seconds())
	return nil
}

func printRollup(w io.Writer, groups []duban.RollupGroup, took time.Duration) {
	var statuses []string
	seen := map[string]bool{}
	for _, g := range groups {
		for s := range g.Counts {
			if !seen[s] {
				seen[s] = true
				statuses = append(statuses, s)
			}
		}
	}
	sort.Strings(statuses)
	fmt.Fprintf(w, "%-18s %9s %8s", "key", "items", "progress")
	for _, s := range statuses {
		fmt.Fprintf(w, " %12s", s)
	}
	fmt.Fprintln(w)
	total := 0
	for _, g := range groups {
		total += g.Items
		fmt.Fprintf(w, "%-18s %9d %7.1f%%", g.Key, g.Items, g.Progress*100)
		for _, s := range statuses {
			fmt.Fprintf(w, " %12d", g.Counts[s])
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%d 个指标 (indicators), %d 组 (groups), 查询 (query) %.1f ms\n", total, len(groups), float64(took.Microseconds())/1000)
}

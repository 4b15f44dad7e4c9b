package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"runtime"

	"github.com/duban-dev/duban"
	"github.com/duban-dev/duban/status"
)

// Advance is what one run of AdvanceStatuses did.
type Advance = duban.StatusAdvance

// advanceChunk is how many plans one transaction of AdvanceStatuses moves:
// enough to spread the cost of a commit, few enough that a write waiting
// behind it on SQLite waits a moment, not minutes.
const advanceChunk = 8

// AdvanceStatuses moves every stored plan whose state is judged as of an
// earlier day to day. Only indicators whose light may flip by the day
// (next_change_on) are judged again, from their stored inputs; the rows
// that change and the rollups above them are updated as deltas and the
// plans stamped (moveDay), a bounded chunk of plans per transaction
// (several at once on PostgreSQL), so readers see each plan whole as of
// one day or the other. Plans never stored are judged whole.
func (db *DB) AdvanceStatuses(ctx context.Context, day duban.Date, actor string) (Advance, error) {
	var adv Advance
	chunks, err := db.moveChunks(ctx, day)
	if err != nil {
		return adv, wrap(err, "advance statuses")
	}
	never, err := db.plansNeverStored(ctx)
	if err != nil {
		return adv, wrap(err, "advance statuses")
	}
	perWorker := make([]Advance, planWorkers(db.dialect))
	err = db.runChunks(ctx, chunks, len(perWorker), func(t *tx, worker int, ids []int64) error {
		return t.moveDay(ctx, ids, day, actor, &perWorker[worker])
	})
	if err == nil {
		err = db.forChunks(ctx, never, len(perWorker), func(t *tx, worker int, id int64) error {
			return t.advancePlan(ctx, id, day, actor, &perWorker[worker])
		})
	}
	for _, a := range perWorker {
		adv.Plans += a.Plans + a.Unchanged
		adv.Rejudged, adv.Rebuilt, adv.Unchanged, adv.Whole = adv.Rejudged+a.Rejudged, adv.Rebuilt+a.Rebuilt,
			adv.Unchanged+a.Unchanged, adv.Whole+a.Whole
	}
	return adv, wrap(err, "advance statuses")
}

// moveChunks groups the plans judged as of an earlier day, in id order,
// into chunks of about moveChunkRows indicators due: one range of
// indicator_status_plan_next a plan.
func (db *DB) moveChunks(ctx context.Context, day duban.Date) ([][]int64, error) {
	var chunks [][]int64
	var chunk []int64
	rows := 0
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT p.id, (SELECT COUNT(*) FROM indicator_status s WHERE s.plan_id = p.id AND s.next_change_on <= ?)
			FROM plans p WHERE p.status_as_of < ? ORDER BY p.id`, []any{dateArg(day), dateArg(day)}, func(r *sql.Rows) error {
			var id int64
			var due int
			if err := r.Scan(&id, &due); err != nil {
				return err
			}
			if len(chunk) > 0 && rows+due > moveChunkRows {
				chunks, chunk, rows = append(chunks, chunk), nil, 0
			}
			chunk, rows = append(chunk, id), rows+due
			return nil
		})
	})
	if len(chunk) > 0 {
		chunks = append(chunks, chunk)
	}
	return chunks, err
}

// plansNeverStored lists, in id order, the plans with no stored state.
func (db *DB) plansNeverStored(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT id FROM plans WHERE status_as_of IS NULL ORDER BY id", nil, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	})
	return ids, err
}

func (t *tx) advancePlan(ctx context.Context, planID int64, day duban.Date, actor string, adv *Advance) error {
	st, err := t.loadPlanState(ctx, planID)
	if err != nil {
		return err
	}
	if st.unjudged {
		return nil
	}
	adv.Plans++
	if st.asOf.IsZero() {
		adv.Rebuilt++
		return t.rebuildPlanState(ctx, st, day, actor)
	}
	if !st.asOf.Before(day) {
		return nil // moved meanwhile, or the clock went back
	}
	js, err := t.judgeDue(ctx, st, day)
	if err != nil {
		return err
	}
	adv.Rejudged += len(js)
	// Only the rows whose light flips, and the rollups above them, change:
	// what moves every day (序时进度, the gap, the explanation) is derived
	// on read from the stored inputs.
	return t.storeJudged(ctx, st, js, day, actor, false)
}

// judgeDue judges the plan's indicators due on or before the day from
// their stored inputs, re-reading the reports of those whose counted
// reports gained a period since.
func (t *tx) judgeDue(ctx context.Context, st *planState, day duban.Date) ([]judged, error) {
	var out []judged
	var reread []duban.Indicator
	err := t.eachRow(ctx, "SELECT "+indicatorColumns+`, s.period, s.value, s.latest_milestones, s.latest_version,
		s.reported, s.pending_from FROM indicator_status s JOIN indicators i ON i.id = s.indicator_id
		JOIN nodes n ON n.id = i.node_id WHERE s.plan_id = ? AND s.next_change_on <= ? ORDER BY i.seq`,
		[]any{st.plan.ID, dateArg(day)}, func(rows *sql.Rows) error {
			var obs status.Observation
			var value sql.NullFloat64
			var version int
			var reported []byte
			var pending duban.Date
			ind, err := scanIndicator(rows, &obs.Period, &value, &obs.MilestonesDone, &version, &reported, dateCol{&pending})
			if err != nil {
				return err
			}
			if !pending.IsZero() && !pending.After(day) {
				reread = append(reread, ind)
				return nil
			}
			in := st.baseInput(ind)
			if obs.Period != "" {
				if value.Valid {
					obs.Value = &value.Float64
				}
				in.Latest = &obs
			}
			if err := json.Unmarshal(reported, &in.Reported); err != nil {
				return err
			}
			out = append(out, st.judge(ind, in, version, pending, day))
			return nil
		})
	if err != nil || len(reread) == 0 {
		return out, err
	}
	more, err := t.judgeFromReports(ctx, st, reread, day)
	return append(out, more...), err
}

// RebuildStatuses judges every plan whole from its reports as of day and
// replaces its stored state, a few plans per transaction: the step after
// a bulk load, or to recover from a change of the rules. On PostgreSQL
// several transactions run at once (each locks only its own plans' rows);
// SQLite has one writer. It returns the number of plans.
func (db *DB) RebuildStatuses(ctx context.Context, day duban.Date, actor string) (int, error) {
	var ids []int64
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT id FROM plans ORDER BY id", nil, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	})
	if err != nil {
		return 0, wrap(err, "rebuild statuses")
	}
	err = db.forChunks(ctx, ids, planWorkers(db.dialect), func(t *tx, _ int, id int64) error {
		return t.rebuildPlan(ctx, id, day, actor)
	})
	return len(ids), wrap(err, "rebuild statuses")
}

// planWorkers is how many transactions RebuildStatuses and
// AdvanceStatuses run at once: one per core on PostgreSQL, where judging
// (Go) and storing (the server) overlap; one on SQLite.
func planWorkers(dialect string) int {
	if dialect != DialectPostgres {
		return 1
	}
	return max(2, runtime.GOMAXPROCS(0))
}

// forChunks calls fn for every plan id, advanceChunk plans per write
// transaction, with workers transactions at once (each takes only its own
// plans' rows; on SQLite pass 1). worker says which of them runs the call.
func (db *DB) forChunks(ctx context.Context, ids []int64, workers int, fn func(t *tx, worker int, id int64) error) error {
	var chunks [][]int64
	for start := 0; start < len(ids); start += advanceChunk {
		chunks = append(chunks, ids[start:min(start+advanceChunk, len(ids))])
	}
	return db.runChunks(ctx, chunks, workers, func(t *tx, worker int, chunk []int64) error {
		for _, id := range chunk {
			if err := fn(t, worker, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// runChunks calls fn once for every chunk, in its own write transaction,
// with workers transactions at once.
func (db *DB) runChunks(ctx context.Context, chunks [][]int64, workers int, fn func(t *tx, worker int, chunk []int64) error) error {
	queue := make(chan []int64)
	go func() {
		defer close(queue)
		for _, c := range chunks {
			select {
			case queue <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			var err error
			for chunk := range queue {
				if err == nil {
					err = db.write(ctx, func(t *tx) error { return fn(t, w, chunk) })
				}
			}
			errs <- err
		}()
	}
	var err error
	for range workers {
		err = errors.Join(err, <-errs)
	}
	return err
}

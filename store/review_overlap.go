package store

import (
	"context"

	"github.com/duban-dev/duban"
)

// A large batch on SQLite is checked and built on a second goroutine while
// the transaction inserts the chunks already built: checking rows and
// encoding them is Go work that needs no connection, and SQLite's b-tree
// work on the one connection is most of the batch. The targets and stored
// versions are read first, on the transaction. A bad row stops the
// building (what was inserted is rolled back with the transaction), but
// checking goes on, so the error still lists every bad row.

const (
	// overlapMin is the smallest batch checked beside its inserts.
	overlapMin = 2048
	// overlapChunk is how many rows are built and sent at a time.
	overlapChunk = 1024
)

func (db *DB) overlaps(n int) bool { return db.dialect == DialectSQLite && n >= overlapMin }

// batch is a checked batch's context: who submits, the day, the targets
// and the highest stored version of each indicator and period.
type batch struct {
	actor    *duban.User
	today    duban.Date
	targets  *targetSet
	versions map[periodKey]int
}

func (t *tx) submitOverlapped(ctx context.Context, b batch, ins []duban.ReportInput) ([]duban.Report, error) {
	ids, err := t.newIDs(ctx, "reports", len(ins))
	if err != nil {
		return nil, err
	}
	out := make([]duban.Report, len(ins))
	chunks := make(chan [][]any, 2)
	stop := make(chan struct{})
	var errs rowErrors
	go func() {
		defer close(chunks)
		t.checkAndBuild(b, ins, ids, out, &errs, chunks, stop)
	}()
	var inserted error
	for rows := range chunks {
		if inserted == nil {
			if inserted = t.bulkInsert(ctx, "reports", submitColumns, rows); inserted != nil {
				close(stop)
			}
		}
	}
	if inserted != nil {
		return nil, inserted
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return out, t.writeSubmissionExtras(ctx, out, b.actor.Username)
}

// checkAndBuild checks the inputs in unique-key order (ids are taken in
// that order, as writeSubmissions takes them) and, while no row has
// failed, builds each chunk's reports into out and its rows into chunks.
func (t *tx) checkAndBuild(b batch, ins []duban.ReportInput, ids []int64, out []duban.Report, errs *rowErrors,
	chunks chan<- [][]any, stop <-chan struct{}) {
	order := inputOrder(ins)
	for lo := 0; lo < len(order); lo += overlapChunk {
		part := order[lo:min(lo+overlapChunk, len(order))]
		subs := make([]submission, len(part))
		for j, i := range part {
			sub, err := checkSubmission(&ins[i], b.targets, b.actor, b.today)
			if err != nil {
				errs.add(i+1, err)
				continue
			}
			subs[j] = sub
		}
		if !errs.empty() {
			continue
		}
		reps := newReports(subs, b.versions, b.targets.files, b.actor.Username, t.now)
		for j, i := range part {
			reps[j].ID = ids[lo+j]
			out[i] = reps[j]
		}
		select {
		case chunks <- t.submitRows(subs, reps):
		case <-stop:
			return
		}
	}
}

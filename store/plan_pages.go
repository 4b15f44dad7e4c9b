package store

import (
	"context"
	"database/sql"

	"github.com/duban-dev/duban"
)

// lagPool is the pool for single-statement reads that may lag: the
// replica when there is one, unless ctx asks for fresh reads.
func (db *DB) lagPool(ctx context.Context) *sql.DB {
	if db.replica != nil && !duban.FreshReads(ctx) {
		return db.replica
	}
	return db.sql
}

// StatusPage reads, in one statement, the plan's status stamp (version
// and the day its stored state is judged as of, zero when not stored) and
// its stored page of that name if one was built from that very version;
// body is nil otherwise. It may lag: it reads the replica when there is
// one, and the stamp and page it returns belong together.
func (db *DB) StatusPage(ctx context.Context, planID int64, page string) (version int64, asOf duban.Date, body []byte, err error) {
	var pageVersion sql.NullInt64
	err = db.lagPool(ctx).QueryRowContext(ctx, db.rebind(`SELECT p.status_version, p.status_as_of, g.version, g.body
		FROM plans p LEFT JOIN plan_pages g ON g.plan_id = p.id AND g.page = ? WHERE p.id = ?`), page, planID).
		Scan(&version, dateCol{&asOf}, &pageVersion, &body)
	if isNoRows(err) {
		err = notFound("计划", planID)
	}
	if !pageVersion.Valid || pageVersion.Int64 != version {
		body = nil
	}
	return version, asOf, body, wrap(err, "status page %s of plan %d", page, planID)
}

// SavePage keeps a page built from the plan's stored state of the given
// version, unless one of a newer version is there already. It writes to
// the primary and audits nothing: the page is derived from audited state.
func (db *DB) SavePage(ctx context.Context, planID int64, page string, version int64, body []byte) error {
	err := db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, `INSERT INTO plan_pages (plan_id, page, version, body) VALUES (?, ?, ?, ?)
			ON CONFLICT (plan_id, page) DO UPDATE SET version = excluded.version, body = excluded.body
			WHERE plan_pages.version < excluded.version`, planID, page, version, body)
		return err
	})
	return wrap(err, "save page %s of plan %d", page, planID)
}

// PlansWithStalePages lists, in id order, the plans stored as of the day
// whose page of that name is missing or older than their state: what a
// warm-up pass builds so that no reader meets a cold plan.
func (db *DB) PlansWithStalePages(ctx context.Context, day duban.Date, page string) ([]int64, error) {
	var ids []int64
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, `SELECT p.id FROM plans p LEFT JOIN plan_pages g ON g.plan_id = p.id AND g.page = ?
			WHERE p.status_as_of = ? AND (g.version IS NULL OR g.version <> p.status_version) ORDER BY p.id`,
			[]any{page, dateArg(day)}, func(rows *sql.Rows) error {
				var id int64
				err := rows.Scan(&id)
				ids = append(ids, id)
				return err
			})
	})
	return ids, wrap(err, "plans with stale %s pages", page)
}

package store

import (
	"context"

	"github.com/duban-dev/duban"
)

// SetWALLimit lowers the bound on the -wal file, so a test reaches it
// with a few megabytes of writes.
func SetWALLimit(db *DB, n int64) { db.walLimit = n }

// WALPath names the store's write-ahead log file.
func WALPath(db *DB) string { return db.walPath }

// WriteExec runs a statement as a write transaction of the store, with
// everything the store does after a commit.
func WriteExec(ctx context.Context, db *DB, query string, args ...any) error {
	return db.write(ctx, func(t *tx) error {
		_, err := t.exec(ctx, query, args...)
		return err
	})
}

// ReadQuery runs a query in a read transaction of the store.
func ReadQuery(ctx context.Context, db *DB, query string) error {
	return db.read(ctx, func(t *tx) error {
		var n int
		return t.queryRow(ctx, query).Scan(&n)
	})
}

// RuleItemsFor runs the candidate query of a round of the notice rules.
func RuleItemsFor(ctx context.Context, db *DB, r duban.RuleRound) ([]duban.RuleItem, error) {
	return db.ruleItems(ctx, r)
}

// WriteRuleNotices writes the notices given as one batch of a round, as if
// they had been found by another server's round.
func WriteRuleNotices(ctx context.Context, db *DB, actor string, asOf duban.Date, notices []duban.RuleNotice) (duban.RoundResult, error) {
	var res duban.RoundResult
	err := db.write(ctx, func(t *tx) error {
		var err error
		res, err = t.issueRuleNotices(ctx, actor, asOf, notices)
		return err
	})
	return res, err
}

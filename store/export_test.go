package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"github.com/duban-dev/duban"
)

// SetImportHook makes ImportBundle call h after each step; an error from h
// fails the import there.
func SetImportHook(db *DB, h func(step string) error) { db.importHook = h }

// ImportSteps lists the step names ImportBundle passes to its hook.
var ImportSteps = []string{"units", "people", "mechanisms", "plan", "members", "nodes", "indicators", "stale_nodes"}

// Tables lists every table of the schema.
var Tables = []string{"units", "people", "mechanisms", "plans", "plan_units", "plan_people",
	"plan_mechanisms", "nodes", "node_co_units", "node_mechanisms", "projects", "indicators",
	"reports", "users", "audit_log", "schema_migrations", "bulletins"}

// RowCounts counts the rows of every table.
func RowCounts(ctx context.Context, db *DB) (map[string]int, error) {
	counts := map[string]int{}
	err := db.read(ctx, func(t *tx) error {
		for _, table := range Tables {
			var n int
			if err := t.queryRow(ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
				return err
			}
			counts[table] = n
		}
		return nil
	})
	return counts, err
}

// Exec runs a statement outside the service methods.
func Exec(ctx context.Context, db *DB, query string, args ...any) error {
	_, err := db.sql.ExecContext(ctx, db.rebind(query), args...)
	return err
}

// QueryInt runs a query returning one integer.
func QueryInt(ctx context.Context, db *DB, query string) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, query).Scan(&n)
	return n, err
}

// QueryString runs a query returning one string.
func QueryString(ctx context.Context, db *DB, query string) (string, error) {
	var s string
	err := db.sql.QueryRowContext(ctx, query).Scan(&s)
	return s, err
}

// MigrationVersions lists the versions of the embedded migrations of db's
// dialect.
func MigrationVersions(db *DB) ([]string, error) {
	names, err := db.migrationNames()
	for i, n := range names {
		names[i] = strings.TrimSuffix(n, ".sql")
	}
	return names, err
}

// ReportQueryPlans returns SQLite's plan (EXPLAIN QUERY PLAN, one step a
// line) for each query that reads reports by plan, unit or state, keyed by
// a name for the query.
func ReportQueryPlans(ctx context.Context, db *DB, filters map[string]duban.ReportFilter) (map[string]string, error) {
	queries := map[string]queryWithArgs{
		"snapshot": {db.snapshotReportsQuery(), countedReportsArgs(1, duban.MustDate("2021-06-30"))},
		"status":   {db.statusReportsQuery(), statusReportsArgs(1, duban.MustDate("2021-06-30"))},
	}
	for name, f := range filters {
		_, page, args := db.reportListQueries(f)
		queries[name] = queryWithArgs{page, append(args, 50, 0)}
	}
	plans := map[string]string{}
	for name, q := range queries {
		var steps []string
		err := db.read(ctx, func(t *tx) error {
			return t.eachRow(ctx, "EXPLAIN QUERY PLAN "+q.query, q.args, func(rows *sql.Rows) error {
				var id, parent, unused int
				var detail string
				err := rows.Scan(&id, &parent, &unused, &detail)
				steps = append(steps, detail)
				return err
			})
		})
		if err != nil {
			return nil, err
		}
		plans[name] = strings.Join(steps, "\n")
	}
	return plans, nil
}

type queryWithArgs struct {
	query string
	args  []any
}

// MigrationSQL returns the text of one embedded migration of db's dialect.
func MigrationSQL(db *DB, name string) (string, error) {
	b, err := migrationFiles.ReadFile("migrations/" + db.dialect + "/" + name + ".sql")
	return string(b), err
}

// QueryOnEveryConnection opens as many read transactions as the pool has
// connections and, once all of them hold one, runs query in each.
func QueryOnEveryConnection(ctx context.Context, db *DB, query string) error {
	n := db.sql.Stats().MaxOpenConnections
	var ready sync.WaitGroup
	ready.Add(n)
	errs := make(chan error, n)
	for range n {
		go func() {
			errs <- db.read(ctx, func(t *tx) error {
				ready.Done()
				ready.Wait()
				var x int
				return t.queryRow(ctx, query).Scan(&x)
			})
		}()
	}
	var first error
	for range n {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// RollupOfIndicatorRows is the national rollup as first defined: one GROUP
// BY over every indicator's stored status; the test oracle of Rollup.
func RollupOfIndicatorRows(ctx context.Context, db *DB, by duban.RollupBy, asOf duban.Date) ([]duban.RollupGroup, error) {
	where, args := "", []any{}
	if !asOf.IsZero() {
		where, args = " WHERE "+statusStandsAsOf, []any{dateArg(asOf), dateArg(asOf)}
	}
	groups := []duban.RollupGroup{}
	err := db.read(ctx, func(t *tx) error {
		return t.eachRow(ctx, "SELECT s."+string(by)+", s.status, COUNT(*), SUM(s.progress) FROM indicator_status s"+
			" JOIN plans p ON p.id = s.plan_id"+where+" GROUP BY s."+string(by)+", s.status ORDER BY s."+string(by)+", s.status",
			args, scanRollupGroups(&groups))
	})
	return groups, err
}

// SetMoveChunkRows sets how many due indicators one transaction of the
// daily move takes, until the test ends.
func SetMoveChunkRows(t interface{ Cleanup(func()) }, n int) {
	old := moveChunkRows
	moveChunkRows = n
	t.Cleanup(func() { moveChunkRows = old })
}

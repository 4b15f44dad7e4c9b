package store

import (
	"context"
	"database/sql"
	"strings"
)

// Bulk loads drop the secondary indexes of the tables they fill and build
// them again at the end: one sorted build is many times faster than
// updating every index row by row. Indexes that back a constraint stay.
// The definitions are read from the catalogue, so they always match the
// migrations.

// queryer runs catalogue queries and DDL on either engine's transaction.
type queryer interface {
	pairs(ctx context.Context, query string) ([][2]string, error)
	exec(ctx context.Context, query string) error
}

type sqlQueryer struct{ *sql.Tx }

func (q sqlQueryer) exec(ctx context.Context, query string) error {
	_, err := q.ExecContext(ctx, query)
	return err
}

func (q sqlQueryer) pairs(ctx context.Context, query string) ([][2]string, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][2]string
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out = append(out, [2]string{a, b})
	}
	return out, rows.Err()
}

// droppableIndexes returns name and CREATE statement of each secondary index
// of the bulk tables.
func (db *DB) droppableIndexes(ctx context.Context, q queryer) ([][2]string, error) {
	query := `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (` + bulkTableList() + `)`
	if db.dialect == DialectPostgres {
		query = `SELECT i.indexname, i.indexdef FROM pg_indexes i
			WHERE i.schemaname = current_schema() AND i.tablename IN (` + bulkTableList() + `)
			AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
	}
	return q.pairs(ctx, query)
}

func bulkTableList() string {
	names := make([]string, len(bulkTables))
	for i, tb := range bulkTables {
		names[i] = "'" + tb.name + "'"
	}
	return strings.Join(names, ", ")
}

// dropIndexes drops the indexes and returns what recreates them.
func (db *DB) dropIndexes(ctx context.Context, q queryer) (recreate func() error, err error) {
	idx, err := db.droppableIndexes(ctx, q)
	if err != nil {
		return nil, err
	}
	for _, ix := range idx {
		if err := q.exec(ctx, "DROP INDEX "+ix[0]); err != nil {
			return nil, err
		}
	}
	return func() error {
		for _, ix := range idx {
			if err := q.exec(ctx, ix[1]); err != nil {
				return err
			}
		}
		return nil
	}, nil
}

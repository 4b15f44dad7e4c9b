package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// bulkInsert writes rows with the fast primitive of the engine: COPY inside
// the transaction on PostgreSQL; on SQLite one prepared INSERT of
// rowsPerInsert rows reused for every full group, then one for the rest.
// Arguments must be of types both drivers encode (numbers, strings,
// time.Time, pointers to them, nil).
func (t *tx) bulkInsert(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if t.conn != nil {
		return t.copyFrom(ctx, table, columns, rows)
	}
	full := len(rows) / rowsPerInsert * rowsPerInsert
	if full > 0 {
		if err := t.insertGroups(ctx, table, columns, rows[:full], rowsPerInsert); err != nil {
			return err
		}
	}
	if full < len(rows) {
		return t.insertGroups(ctx, table, columns, rows[full:], len(rows)-full)
	}
	return nil
}

// rowsPerInsert is how many rows one prepared SQLite INSERT writes: enough
// to spread the cost of a statement execution, few enough to stay far below
// the parameter limit.
const rowsPerInsert = 128

// insertGroups prepares an INSERT of size rows and runs it for each
// consecutive group of size rows.
func (t *tx) insertGroups(ctx context.Context, table string, columns []string, rows [][]any, size int) error {
	query, _ := multiInsert(table, columns, rows[:size])
	var stmt *sql.Stmt
	if cached := t.db.stmt(ctx, query); cached != nil {
		stmt = t.StmtContext(ctx, cached)
	} else {
		var err error
		if stmt, err = t.prepare(ctx, query); err != nil {
			return err
		}
	}
	defer stmt.Close()
	args := make([]any, 0, size*len(columns))
	for start := 0; start < len(rows); start += size {
		args = args[:0]
		for _, r := range rows[start : start+size] {
			args = append(args, r...)
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

func (t *tx) copyFrom(ctx context.Context, table string, columns []string, rows [][]any) error {
	err := t.conn.Raw(func(driverConn any) error {
		pc, err := pgxConn(driverConn)
		if err != nil {
			return err
		}
		_, err = pc.CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
		return err
	})
	return mapErr(err)
}

// newIDs takes n ids for rows of a table whose id column is generated:
// from the column's sequence on PostgreSQL, on SQLite above the highest id,
// which the transaction's write lock keeps.
func (t *tx) newIDs(ctx context.Context, table string, n int) ([]int64, error) {
	ids := make([]int64, n)
	if t.db.dialect == DialectSQLite {
		var last int64
		if err := t.queryRow(ctx, "SELECT COALESCE(MAX(id), 0) FROM "+table).Scan(&last); err != nil {
			return nil, err
		}
		for i := range ids {
			ids[i] = last + 1 + int64(i)
		}
		return ids, nil
	}
	i := 0
	err := t.eachRow(ctx, "SELECT nextval(pg_get_serial_sequence('"+table+"', 'id')) FROM generate_series(1, ?)",
		[]any{n}, func(r *sql.Rows) error {
			err := r.Scan(&ids[i])
			i++
			return err
		})
	return ids, err
}

// pgxConn unwraps the pgx connection under a database/sql connection.
func pgxConn(driverConn any) (*pgx.Conn, error) {
	sc, ok := driverConn.(*stdlib.Conn)
	if !ok {
		return nil, fmt.Errorf("store: unexpected driver connection %T", driverConn)
	}
	return sc.Conn(), nil
}

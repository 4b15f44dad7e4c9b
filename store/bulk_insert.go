package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

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
	shared := sharedColumns(rows)
	full := len(rows) / rowsPerInsert * rowsPerInsert
	if full > 0 {
		if err := t.insertGroups(ctx, table, columns, shared, rows[:full], rowsPerInsert); err != nil {
			return err
		}
	}
	if full < len(rows) {
		return t.insertGroups(ctx, table, columns, shared, rows[full:], len(rows)-full)
	}
	return nil
}

// rowsPerInsert is how many rows one prepared SQLite INSERT writes: enough
// to spread the cost of a statement execution, few enough to stay far below
// the parameter limit.
const rowsPerInsert = 128

// insertGroups prepares an INSERT of size rows and runs it for each
// consecutive group of size rows. A column whose value every row of the
// batch shares (the state, the submitter, the time…) is bound once per
// statement rather than once per row: binding is a good part of what a
// batch insert costs.
func (t *tx) insertGroups(ctx context.Context, table string, columns []string, shared []bool, rows [][]any, size int) error {
	query := sharedInsert(table, columns, shared, size)
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
	for i, v := range rows[0] {
		if shared[i] {
			args = append(args, v)
		}
	}
	nShared := len(args)
	for start := 0; start < len(rows); start += size {
		args = args[:nShared]
		for _, r := range rows[start : start+size] {
			for i, v := range r {
				if !shared[i] {
					args = append(args, v)
				}
			}
		}
		if _, err := stmt.ExecContext(ctx, args...); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// sharedColumns marks the columns whose value is the same in every row.
func sharedColumns(rows [][]any) []bool {
	shared := make([]bool, len(rows[0]))
	for i := range shared {
		shared[i] = true
		for _, r := range rows[1:] {
			if !sameValue(r[i], rows[0][i]) {
				shared[i] = false
				break
			}
		}
	}
	return shared
}

// sameValue compares the plain values rows hold; any other type (a byte
// slice, a pointer) counts as different.
func sameValue(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case int64, float64, string, bool:
		return a == b
	case time.Time:
		y, ok := b.(time.Time)
		return ok && x.Equal(y) && x.Location() == y.Location()
	}
	return false
}

// sharedInsert is a multi-row INSERT of size rows that lists the shared
// columns first, as ?1…?k in every row, then the others as plain "?",
// which SQLite numbers on from k. Only the shared parameters have names:
// the driver looks each parameter's name up in a list, so naming all of
// them would make binding quadratic.
func sharedInsert(table string, columns []string, shared []bool, size int) string {
	var names, own []string
	for i, c := range columns {
		if shared[i] {
			names = append(names, c)
		} else {
			own = append(own, c)
		}
	}
	params := make([]string, 0, len(columns))
	for i := range names {
		params = append(params, "?"+strconv.Itoa(i+1))
	}
	for range own {
		params = append(params, "?")
	}
	row := "(" + strings.Join(params, ", ") + ")"
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(append(names, own...), ", ") + ") VALUES ")
	for r := range size {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	return b.String()
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

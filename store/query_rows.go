package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"
)

// maxParams bounds the placeholders of one statement, below SQLite's
// default limit (32766) and PostgreSQL's (65535).
const maxParams = 30_000

// queryIn runs prefix + "(?, …)" + suffix over keys in chunks of
// lookupChunk and calls each for every row.
func (t *tx) queryIn(ctx context.Context, prefix string, keys []any, suffix string, each func(*sql.Rows) error) error {
	return t.queryInAfter(ctx, prefix, nil, keys, suffix, each)
}

// queryInAfter is queryIn for a prefix that has placeholders of its own,
// bound to lead.
func (t *tx) queryInAfter(ctx context.Context, prefix string, lead, keys []any, suffix string, each func(*sql.Rows) error) error {
	for start := 0; start < len(keys); start += lookupChunk {
		chunk := keys[start:min(start+lookupChunk, len(keys))]
		args := append(append(make([]any, 0, len(lead)+len(chunk)), lead...), chunk...)
		if err := t.eachRow(ctx, prefix+" ("+placeholders(len(chunk))+") "+suffix, args, each); err != nil {
			return err
		}
	}
	return nil
}

// queryIDs runs prefix + " IN (…)" + suffix over ids, prefix ending in
// the column to match and its own placeholders bound to lead: on
// PostgreSQL one statement with the ids as one array parameter, on SQLite
// queryIn's chunks.
func (t *tx) queryIDs(ctx context.Context, prefix string, lead []any, ids []int64, suffix string, each func(*sql.Rows) error) error {
	if t.db.dialect != DialectPostgres {
		return t.queryInAfter(ctx, prefix+" IN", lead, int64Keys(ids), suffix, each)
	}
	if len(ids) == 0 {
		return nil
	}
	return t.eachRow(ctx, prefix+" = ANY(CAST(? AS BIGINT[])) "+suffix, append(append([]any{}, lead...), ids), each)
}

// eachRow runs a query and calls each for every row.
func (t *tx) eachRow(ctx context.Context, query string, args []any, each func(*sql.Rows) error) error {
	rows, err := t.query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := each(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// insertRows writes rows with multi-row INSERT statements. With returning
// set ("RETURNING …"), each is called for every returned row.
func (t *tx) insertRows(ctx context.Context, table string, columns []string, rows [][]any,
	returning string, each func(*sql.Rows) error) error {
	perStmt := max(1, maxParams/len(columns))
	for start := 0; start < len(rows); start += perStmt {
		chunk := rows[start:min(start+perStmt, len(rows))]
		query, args := multiInsert(table, columns, chunk)
		if returning == "" {
			if _, err := t.exec(ctx, query, args...); err != nil {
				return mapErr(err)
			}
			continue
		}
		if err := t.eachRow(ctx, query+" "+returning, args, each); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

func multiInsert(table string, columns []string, rows [][]any) (string, []any) {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(columns, ", ") + ") VALUES ")
	row := "(" + placeholders(len(columns)) + ")"
	args := make([]any, 0, len(rows)*len(columns))
	for i, r := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
		args = append(args, r...)
	}
	return b.String(), args
}

// timeArg writes a time in UTC at microsecond precision. SQLite compares
// the stored text, which orders correctly only when every value is written
// in the same zone.
func timeArg(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// int64Keys turns ids into query arguments, each once, in ascending order
// so that rows are always locked in the same order.
func int64Keys(ids []int64) []any {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	out := make([]any, len(sorted))
	for i, id := range sorted {
		out[i] = id
	}
	return out
}

// lockRows is the clause that write-locks the selected rows of alias on
// PostgreSQL, so concurrent writers wait for each other; SQLite already
// runs one write transaction at a time.
func (t *tx) lockRows(alias string) string {
	if t.db.dialect != DialectPostgres {
		return ""
	}
	return " FOR NO KEY UPDATE OF " + alias
}

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// tx is a transaction that rebinds "?" placeholders for the dialect and
// carries one timestamp for everything it writes.
type tx struct {
	*sql.Tx
	db  *DB
	now time.Time
	// conn is the connection of a PostgreSQL write transaction, for COPY
	// inside it; nil otherwise.
	conn *sql.Conn
}

// write runs fn in a write transaction, committing if it returns nil.
func (db *DB) write(ctx context.Context, fn func(*tx) error) error {
	if db.dialect == DialectSQLite {
		select {
		case db.writeSlot <- struct{}{}:
			defer func() { <-db.writeSlot }()
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := db.inTx(ctx, nil, fn); err != nil {
		return err
	}
	db.noteWrite()
	db.boundWAL()
	return nil
}

// read runs fn in a read-only transaction, so multi-query reads see one
// snapshot.
func (db *DB) read(ctx context.Context, fn func(*tx) error) error {
	return db.inTx(ctx, &sql.TxOptions{ReadOnly: true}, fn)
}

func (db *DB) inTx(ctx context.Context, opts *sql.TxOptions, fn func(*tx) error) error {
	return db.inTxOn(ctx, db.sql, opts, fn)
}

// inTxOn runs fn in a transaction on pool: the primary's, or the replica's
// for reads that may lag.
func (db *DB) inTxOn(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(*tx) error) error {
	var conn *sql.Conn
	begin := pool.BeginTx
	if db.dialect == DialectPostgres && opts == nil {
		var err error
		if conn, err = pool.Conn(ctx); err != nil {
			return fmt.Errorf("store: connect: %w", err)
		}
		defer conn.Close()
		begin = conn.BeginTx
	}
	sqlTx, err := begin(ctx, opts)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	defer sqlTx.Rollback()
	if err := fn(&tx{Tx: sqlTx, db: db, now: db.now(), conn: conn}); err != nil {
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", mapErr(err))
	}
	return nil
}

func (t *tx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s := t.db.stmt(ctx, query)
	query = t.db.rebind(query)
	if s != nil {
		return t.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return t.ExecContext(ctx, query, args...)
}

func (t *tx) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s := t.db.stmt(ctx, query)
	query = t.db.rebind(query)
	if s != nil {
		return t.StmtContext(ctx, s).QueryContext(ctx, args...)
	}
	return t.QueryContext(ctx, query, args...)
}

func (t *tx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	s := t.db.stmt(ctx, query)
	query = t.db.rebind(query)
	if s != nil {
		return t.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return t.QueryRowContext(ctx, query, args...)
}

func (t *tx) prepare(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.PrepareContext(ctx, t.db.rebind(query))
}

// insertID runs an INSERT … RETURNING id and returns the id.
func (t *tx) insertID(ctx context.Context, query string, args ...any) (int64, error) {
	var id int64
	if err := t.queryRow(ctx, query, args...).Scan(&id); err != nil {
		return 0, mapErr(err)
	}
	return id, nil
}

// rebind turns "?" placeholders into "$1", "$2" … on PostgreSQL. Queries in
// this package never contain a literal question mark.
func (db *DB) rebind(query string) string {
	if db.dialect != DialectPostgres || !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// placeholders returns "?, ?, …" with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

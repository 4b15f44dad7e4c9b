package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// bulkLoadPG copies every table with COPY in one transaction on the
// underlying pgx connection, then moves each identity past the given ids.
func (db *DB) bulkLoadPG(ctx context.Context, src PartSource, actor string, progress BulkProgress) (map[string]int, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	now := db.now()
	var counts map[string]int
	err = conn.Raw(func(driverConn any) error {
		pc, err := pgxConn(driverConn)
		if err != nil {
			return err
		}
		pgTx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer pgTx.Rollback(ctx)
		// Row-by-row foreign-key triggers dominate COPY's cost; they are
		// switched off for this transaction and the references are checked
		// afterwards with one set-based query per foreign key.
		// Index builds and the anti-joins sort and hash in memory.
		for _, set := range []string{"session_replication_role = replica", "maintenance_work_mem = '1GB'", "work_mem = '256MB'"} {
			if _, err := pgTx.Exec(ctx, "SET LOCAL "+set); err != nil {
				return err
			}
		}
		recreate, err := db.dropIndexes(ctx, pgQueryer{pgTx})
		if err != nil {
			return err
		}
		if counts, err = runBulk(ctx, src, &pgBulk{tx: pgTx}, newBulkRefs(true, now), progress); err != nil {
			return err
		}
		progress.phase("indexes")
		if err := recreate(); err != nil {
			return err
		}
		progress.phase("foreign keys")
		if err := checkForeignKeys(ctx, pgTx); err != nil {
			return err
		}
		progress.phase("analyze")
		if err := finishPG(ctx, pgTx, counts, actor, db); err != nil {
			return err
		}
		progress.phase("commit")
		return pgTx.Commit(ctx)
	})
	if err != nil {
		return nil, wrap(mapErr(err), "bulk load")
	}
	return counts, nil
}

// finishPG advances identities, audits and refreshes planner statistics.
func finishPG(ctx context.Context, pgTx pgx.Tx, counts map[string]int, actor string, db *DB) error {
	for _, tb := range bulkTables {
		if !tb.ids || counts[tb.name] == 0 {
			continue
		}
		q := fmt.Sprintf("SELECT setval(pg_get_serial_sequence('%s', 'id'), (SELECT MAX(id) FROM %s))", tb.name, tb.name)
		if _, err := pgTx.Exec(ctx, q); err != nil {
			return fmt.Errorf("store: identity of %s: %w", tb.name, err)
		}
	}
	audits, err := bulkAudits(counts, actor, db.now())
	if err != nil {
		return err
	}
	for _, a := range audits {
		if _, err := pgTx.Exec(ctx, db.rebind(auditInsert), a...); err != nil {
			return err
		}
	}
	for _, tb := range bulkTables {
		if _, err := pgTx.Exec(ctx, "ANALYZE "+tb.name); err != nil {
			return err
		}
	}
	return nil
}

// pgBulk writes each table of a chunk with one COPY.
type pgBulk struct{ tx pgx.Tx }

func (w *pgBulk) rows(ctx context.Context, tb bulkTable, n int, row func(i int) []any) error {
	i := 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if i >= n {
			return nil, nil
		}
		i++
		return row(i - 1), nil
	})
	_, err := w.tx.CopyFrom(ctx, pgx.Identifier{tb.name}, tb.columns, src)
	return err
}

type pgQueryer struct{ tx pgx.Tx }

func (q pgQueryer) exec(ctx context.Context, query string) error {
	_, err := q.tx.Exec(ctx, query)
	return err
}

func (q pgQueryer) pairs(ctx context.Context, query string) ([][2]string, error) {
	rows, err := q.tx.Query(ctx, query)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var p [2]string
		err := r.Scan(&p[0], &p[1])
		return p, err
	})
}

// foreignKeysQuery lists each foreign key of the bulk tables as child,
// parent, child columns and parent columns.
const foreignKeysQuery = `SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
	ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
		JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
	ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
		JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
	FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`

// checkForeignKeys verifies every foreign key of the bulk tables with one
// anti-join each, as the triggers switched off during COPY would have.
func checkForeignKeys(ctx context.Context, pgTx pgx.Tx) error {
	names := make([]string, len(bulkTables))
	for i, tb := range bulkTables {
		names[i] = tb.name
	}
	rows, err := pgTx.Query(ctx, foreignKeysQuery, names)
	if err != nil {
		return err
	}
	type fk struct {
		child, parent string
		cols, parCols []string
	}
	fks, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (fk, error) {
		var f fk
		err := r.Scan(&f.child, &f.parent, &f.cols, &f.parCols)
		return f, err
	})
	if err != nil {
		return err
	}
	for _, f := range fks {
		var notNull, match []string
		for i, col := range f.cols {
			notNull = append(notNull, "c."+col+" IS NOT NULL")
			match = append(match, "p."+f.parCols[i]+" = c."+col)
		}
		q := "SELECT EXISTS (SELECT 1 FROM " + f.child + " c WHERE " + strings.Join(notNull, " AND ") +
			" AND NOT EXISTS (SELECT 1 FROM " + f.parent + " p WHERE " + strings.Join(match, " AND ") + "))"
		var broken bool
		if err := pgTx.QueryRow(ctx, q).Scan(&broken); err != nil {
			return err
		}
		if broken {
			return fmt.Errorf("store: bulk %s: a row references a missing %s", f.child, f.parent)
		}
	}
	return nil
}

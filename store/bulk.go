package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/duban-dev/duban"
)

// PartSource yields the parts of a dataset in order.
type PartSource interface {
	Parts() int
	Part(i int) (*duban.DatasetPart, error)
}

// BulkProgress is told after each flushed chunk how many parts and rows
// are written (phase "copy"), and when a later phase begins: "indexes",
// "foreign keys", "analyze", "commit".
type BulkProgress func(parts, rows int, phase string)

func (p BulkProgress) phase(name string) {
	if p != nil {
		p(0, 0, name)
	}
}

// bulkChunkRows is how many rows are gathered before they are written
// table by table, so foreign keys always point at rows already written.
const bulkChunkRows = 200_000

// BulkLoad writes a whole dataset into an empty database in one
// transaction, all or nothing: one prepared statement per table on SQLite,
// COPY on PostgreSQL. Ids come from the dataset. One audit entry per table
// records the row count. Parts are built one goroutine ahead of the writer.
func (db *DB) BulkLoad(ctx context.Context, src PartSource, actor string, progress BulkProgress) (map[string]int, error) {
	if err := db.requireEmpty(ctx); err != nil {
		return nil, err
	}
	if db.dialect == DialectPostgres {
		return db.bulkLoadPG(ctx, src, actor, progress)
	}
	var counts map[string]int
	err := db.write(ctx, func(t *tx) error {
		// A large page cache keeps the growing indexes in memory; the
		// default 2 MB makes every insert read pages back from disk.
		if _, err := t.exec(ctx, "PRAGMA cache_size = -524288"); err != nil {
			return err
		}
		recreate, err := db.dropIndexes(ctx, sqlQueryer{t.Tx})
		if err != nil {
			return err
		}
		w := &sqliteBulk{t: t, stmts: map[string]*sql.Stmt{}}
		defer w.close()
		if counts, err = runBulk(ctx, src, w, newBulkRefs(false, t.now), progress); err != nil {
			return err
		}
		progress.phase("indexes")
		if err := recreate(); err != nil {
			return err
		}
		progress.phase("analyze")
		if _, err := t.exec(ctx, "ANALYZE"); err != nil {
			return err
		}
		audits, err := bulkAudits(counts, actor, t.now)
		for _, a := range audits {
			if err == nil {
				_, err = t.exec(ctx, auditInsert, a...)
			}
		}
		return err
	})
	return counts, err
}

// requireEmpty refuses a database that already holds plans, units or users:
// the dataset's ids would collide.
func (db *DB) requireEmpty(ctx context.Context) error {
	return db.read(ctx, func(t *tx) error {
		var n int
		err := t.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM plans) + (SELECT COUNT(*) FROM units)
			+ (SELECT COUNT(*) FROM users)`).Scan(&n)
		if err != nil {
			return err
		}
		if n > 0 {
			return duban.Errorf(duban.ECONFLICT, "数据库不为空，批量生成需要空库 (the database is not empty; bulk loading needs an empty one)")
		}
		return nil
	})
}

// bulkWriter writes n rows of one table.
type bulkWriter interface {
	rows(ctx context.Context, tb bulkTable, n int, row func(i int) []any) error
}

// runBulk builds parts in a goroutine and writes them in chunks.
func runBulk(ctx context.Context, src PartSource, w bulkWriter, refs *bulkRefs, progress BulkProgress) (map[string]int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	parts := make(chan *duban.DatasetPart, 4)
	errc := make(chan error, 1)
	go func() {
		defer close(parts)
		for i := 0; i < src.Parts(); i++ {
			p, err := src.Part(i)
			if err != nil {
				errc <- fmt.Errorf("part %d: %w", i, err)
				return
			}
			select {
			case parts <- p:
			case <-ctx.Done():
				return
			}
		}
	}()
	counts := map[string]int{}
	var chunk []*duban.DatasetPart
	done, rows, pending := 0, 0, 0
	flush := func() error {
		if err := writeChunk(ctx, w, refs, chunk, counts); err != nil {
			return err
		}
		done, rows, chunk, pending = done+len(chunk), rows+pending, chunk[:0], 0
		if progress != nil {
			progress(done, rows, "copy")
		}
		return nil
	}
	for p := range parts {
		chunk, pending = append(chunk, p), pending+p.Rows()
		if pending >= bulkChunkRows {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	select {
	case err := <-errc:
		return nil, err
	default:
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return counts, flush()
}

// writeChunk writes every table of the chunk's parts in foreign-key order.
func writeChunk(ctx context.Context, w bulkWriter, refs *bulkRefs, chunk []*duban.DatasetPart, counts map[string]int) error {
	for _, tb := range bulkTables {
		var at []partRow
		for _, p := range chunk {
			for i := range tb.count(p) {
				at = append(at, partRow{p, i})
			}
		}
		if len(at) == 0 {
			continue
		}
		last := (*duban.DatasetPart)(nil)
		err := w.rows(ctx, tb, len(at), func(i int) []any {
			if at[i].p != last {
				last = at[i].p
				refs.learn(last)
			}
			return tb.row(refs, at[i].p, at[i].i)
		})
		if err != nil {
			return fmt.Errorf("store: bulk %s: %w", tb.name, mapErr(err))
		}
		counts[tb.name] += len(at)
	}
	return nil
}

type partRow struct {
	p *duban.DatasetPart
	i int
}

// bulkAudits are one audit entry per table written, in table order.
func bulkAudits(counts map[string]int, actor string, now time.Time) ([][]any, error) {
	var out [][]any
	for _, tb := range bulkTables {
		if counts[tb.name] == 0 {
			continue
		}
		a, err := auditArgs(now, actor, "bulk_load", tb.name, 0, nil, map[string]int{"rows": counts[tb.name]})
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// sqliteBulk inserts with one prepared statement per table.
type sqliteBulk struct {
	t     *tx
	stmts map[string]*sql.Stmt
}

func (w *sqliteBulk) rows(ctx context.Context, tb bulkTable, n int, row func(i int) []any) error {
	stmt := w.stmts[tb.name]
	if stmt == nil {
		var err error
		stmt, err = w.t.prepare(ctx, "INSERT INTO "+tb.name+" ("+joinColumns(tb.columns)+") VALUES ("+placeholders(len(tb.columns))+")")
		if err != nil {
			return err
		}
		w.stmts[tb.name] = stmt
	}
	for i := range n {
		if _, err := stmt.ExecContext(ctx, row(i)...); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return nil
}

func (w *sqliteBulk) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}
